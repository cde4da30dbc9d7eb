package org.patchwork.bus;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One slot of the {@link TelemetryRing}: what the audio thread reports to the UI. A flat,
 * mutable record allocated once; which fields mean something depends on {@link #kind()}.
 *
 * <p>Thread: written by the audio thread, read by the UI thread while it drains the ring.
 */
@ProviderType
public final class TelemetryMessage {

  /** What a message reports. */
  @ProviderType
  public enum Kind {
    /** Level of output {@link #channel()}: {@link #peak()} and {@link #rms()} since the last meter. */
    METER,
    /** Playhead: engine {@link #frame()} and song position {@link #count()} in frames. */
    PLAYHEAD,
    /** DSP load {@link #value()}: block processing time over block duration (1 = no headroom). */
    LOAD,
    /** Buffer under- or overruns reported by the driver so far: {@link #count()}. */
    XRUNS,
    /** Node {@link #node()} failed for {@link #reason()} and is bypassed. */
    FAULT
  }

  private Kind kind = Kind.METER;
  private long frame;
  private long count;
  private int channel;
  private int node;
  private int reason;
  private float peak;
  private float rms;
  private float value;

  TelemetryMessage() {
  }

  /** What this message reports. */
  public Kind kind() {
    return kind;
  }

  /** Engine frame the report refers to. */
  public long frame() {
    return frame;
  }

  /** Song frame ({@link Kind#PLAYHEAD}) or xrun total ({@link Kind#XRUNS}). */
  public long count() {
    return count;
  }

  /** Output channel of a {@link Kind#METER}. */
  public int channel() {
    return channel;
  }

  /** Node index of a {@link Kind#FAULT}; -1 for faults of the engine itself. */
  public int node() {
    return node;
  }

  /** Reason code of a {@link Kind#FAULT}, defined by the engine. */
  public int reason() {
    return reason;
  }

  /** Largest absolute sample of a {@link Kind#METER}. */
  public float peak() {
    return peak;
  }

  /** Root-mean-square level of a {@link Kind#METER}. */
  public float rms() {
    return rms;
  }

  /** DSP load of a {@link Kind#LOAD}. */
  public float value() {
    return value;
  }

  // Translators: primitive arguments, so publishing boxes nothing.

  void fill(Kind k, long at, long n, int ch, int nodeIndex, int why, float pk, float level, float v) {
    kind = k;
    frame = at;
    count = n;
    channel = ch;
    node = nodeIndex;
    reason = why;
    peak = pk;
    rms = level;
    value = v;
  }

  @Override
  public String toString() {
    return kind + "@" + frame + " count=" + count + " channel=" + channel + " node=" + node
        + " reason=" + reason + " peak=" + peak + " rms=" + rms + " value=" + value;
  }
}
