package org.patchwork.controllers;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What actually plays: the model thread's side of {@link ControlTarget}. The control bus calls
 * it on the model thread (the control ring's consumer), one call at a time, with every input's
 * engine frame already worked out by {@link #frameOf}. Register one as a DS service; the one
 * with the highest {@code service.ranking} is used. The controllers bundle ships a fallback
 * (ranking -100) that schedules what the SDK's {@code SequencerService} can take.
 *
 * <pre>{@code
 * @Component(service = ControlBackend.class, property = "service.ranking:Integer=10")
 * final class LiveBackend implements ControlBackend { ... }
 * }</pre>
 */
@ConsumerType
public interface ControlBackend {

  /**
   * The engine frame at which input stamped {@code nanos} plays: its place on the audio clock
   * plus a constant latency (see {@link FrameClock}).
   */
  long frameOf(long nanos);

  void play(long frame);

  void stop(long frame);

  void resume(long frame);

  void locate(long frame, double beats);

  void tempo(long frame, double bpm);

  void noteOn(long frame, int track, int key, double velocity);

  void noteOff(long frame, int track, int key);

  void parameter(long frame, String node, String parameter, double value);

  void trackVolume(long frame, int track, double volume);

  void trackPan(long frame, int track, double pan);

  void trackMute(long frame, int track, boolean muted);

  /** A named command (see {@link ControlTarget#command}); ignored unless known. */
  default void command(long frame, String name, int argument) {
  }

  /** The range of a parameter, or null if unknown. Thread: any. */
  default ParameterRange range(String node, String parameter) {
    return null;
  }

  /** The song position in quarter notes, or NaN if the backend cannot tell. Thread: model. */
  default double beats() {
    return Double.NaN;
  }

  /**
   * Whether the transport runs as the backend knows it (a song that ended stopped it, a start
   * that found nothing to play did not start it), or null when it cannot tell; the control
   * state follows it. Thread: model.
   */
  default Boolean playing() {
    return null;
  }

  /**
   * Called after each batch of inputs and whenever the ring has been idle for a couple of
   * milliseconds: the moment to render ahead of the playhead.
   */
  default void pump() {
  }
}
