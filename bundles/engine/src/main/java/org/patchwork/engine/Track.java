package org.patchwork.engine;

import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A mixer track: an instrument followed by effects in series, then a channel strip.
 *
 * <p>The first node of the chain receives every note of the track; each node's first audio
 * output feeds the next node's first audio input; the last output goes through the strip (gain,
 * equal-power pan, mute, solo) to the master bus and to the sends.
 *
 * <pre>{@code
 * Track lead = Track.of("lead", "osc", "filter").withGain(-6).withPan(-0.5);
 * }</pre>
 *
 * @param id track id, unique among tracks
 * @param chain node ids, instrument first; at least one
 * @param gainDb fader gain in dB, -144..+24 (-144 is silence)
 * @param pan -1 (left) .. 0 (centre) .. +1 (right), equal-power law
 * @param mute whether the track is silent
 * @param solo whether the track is soloed; when any track is, the others are silent
 * @param sends post-fader sends to send buses
 */
@ProviderType
public record Track(String id, List<String> chain, double gainDb, double pan, boolean mute,
    boolean solo, List<Send> sends) {

  /** Copies its arguments. */
  public Track {
    Objects.requireNonNull(id, "track id");
    chain = chain == null ? List.of() : List.copyOf(chain);
    sends = sends == null ? List.of() : List.copyOf(sends);
  }

  /** A track at 0 dB, centred, not muted or soloed, without sends. */
  public static Track of(String id, String... chain) {
    return new Track(id, List.of(chain), 0, 0, false, false, List.of());
  }

  /** This track with another fader gain. */
  public Track withGain(double db) {
    return new Track(id, chain, db, pan, mute, solo, sends);
  }

  /** This track with another pan position. */
  public Track withPan(double position) {
    return new Track(id, chain, gainDb, position, mute, solo, sends);
  }

  /** This track muted or not. */
  public Track withMute(boolean muted) {
    return new Track(id, chain, gainDb, pan, muted, solo, sends);
  }

  /** This track soloed or not. */
  public Track withSolo(boolean soloed) {
    return new Track(id, chain, gainDb, pan, mute, soloed, sends);
  }

  /** This track with these sends. */
  public Track withSends(Send... to) {
    return new Track(id, chain, gainDb, pan, mute, solo, List.of(to));
  }
}
