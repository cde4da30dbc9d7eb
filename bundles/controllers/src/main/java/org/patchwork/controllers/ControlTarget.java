package org.patchwork.controllers;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What MIDI, OSC, controllers and the UI drive. Every call is stamped with the moment the input
 * arrived ({@link System#nanoTime()} scale; for JACK MIDI the event's exact frame converted by
 * JACK's clock) and goes through the control ring to the model thread, which plays it at
 * {@code frameOf(nanos)}: a constant latency after it arrived, whatever the threads did between.
 *
 * <pre>{@code
 * long now = System.nanoTime();
 * target.tempo(now, 128);
 * target.play(now);
 * target.noteOn(now, 0, 60, 0.8);
 * }</pre>
 *
 * <p>Thread: any; calls never block. A call returns false when the control ring was full and
 * the input was dropped (counted in {@link ControlState#dropped()}).
 *
 * @throws IllegalArgumentException from any method given a value outside its range (a NaN, a
 *     key above 127, a negative track); nothing is queued then
 */
@ProviderType
public interface ControlTarget {

  /** Starts the transport from the song's start (or the position set by {@link #locate}). */
  boolean play(long nanos);

  /** Stops the transport; notes sounding are released. */
  boolean stop(long nanos);

  /** Starts the transport from where it stopped (MIDI continue). */
  boolean resume(long nanos);

  /** Moves the song position to {@code beats} quarter notes from the start, 0 or more. */
  boolean locate(long nanos, double beats);

  /** Sets the tempo, 1..999 bpm. */
  boolean tempo(long nanos, double bpm);

  /** Plays key 0..127 on track 0.. with velocity 0..1 (0 releases it). */
  boolean noteOn(long nanos, int track, int key, double velocity);

  /** Releases key 0..127 on track 0... */
  boolean noteOff(long nanos, int track, int key);

  /**
   * Sets parameter {@code parameter} of module instance {@code node} to {@code value}, in the
   * parameter's own unit (clamped to its range by the engine).
   */
  boolean parameter(long nanos, String node, String parameter, double value);

  /** Sets a track's fader, 0..1 (1 is unity gain, 0 silence). */
  boolean trackVolume(long nanos, int track, double volume);

  /** Sets a track's pan, -1 (left) .. 1 (right). */
  boolean trackPan(long nanos, int track, double pan);

  /** Mutes or unmutes a track. */
  boolean trackMute(long nanos, int track, boolean muted);

  /**
   * A named command for the model or the UI that has no method of its own (tracker navigation:
   * {@code tracker.line-down}, {@code track.select} with the track as argument ...); see
   * docs/controller-profiles.md for the names.
   */
  boolean command(long nanos, String name, int argument);

  /** The latest state the model thread published. */
  ControlState state();

  /** The range of a module parameter, or null when the backend does not know the parameter. */
  ParameterRange range(String node, String parameter);

  /** Adds a listener of changes (called on the model thread). */
  void addListener(ControlListener listener);

  /** Removes a listener. */
  void removeListener(ControlListener listener);
}
