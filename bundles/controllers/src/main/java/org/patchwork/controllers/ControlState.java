package org.patchwork.controllers;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the control layer knows at one moment; immutable.
 *
 * @param revision increases with every published change
 * @param playing whether the transport runs
 * @param tempo beats per minute
 * @param beats the song position in quarter notes, as far as the backend reports it (else the
 *     last position set)
 * @param selectedTrack the track notes from keyboards go to
 * @param tracks mixer state by track index, for the tracks any input has touched
 * @param parameters values set through the control layer, keyed {@code node/parameter}
 * @param accepted inputs queued on the control ring
 * @param applied inputs the model thread applied
 * @param dropped inputs dropped because the ring was full
 * @param failures inputs whose application threw (reported, and the rest went on)
 */
@ProviderType
public record ControlState(
    long revision,
    boolean playing,
    double tempo,
    double beats,
    int selectedTrack,
    Map<Integer, TrackMix> tracks,
    Map<String, Double> parameters,
    long accepted,
    long applied,
    long dropped,
    long failures) {

  /** Copies the maps. */
  public ControlState {
    tracks = Map.copyOf(tracks);
    parameters = Map.copyOf(parameters);
  }

  /** A track's mixer state (unity, centre, unmuted when untouched). */
  public TrackMix track(int index) {
    return tracks.getOrDefault(index, TrackMix.DEFAULT);
  }

  /**
   * One track's mixer state.
   *
   * @param volume fader 0..1
   * @param pan -1..1
   * @param muted whether it is muted
   */
  @ProviderType
  public record TrackMix(double volume, double pan, boolean muted) {
    /** Unity, centre, not muted. */
    public static final TrackMix DEFAULT = new TrackMix(1, 0, false);
  }
}
