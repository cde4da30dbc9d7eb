package org.patchwork.ui.shell;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The latest values the audio side reported through the telemetry ring, as kept by the
 * workbench (which drains the ring about 60 times a second). Immutable.
 *
 * @param running whether an audio driver is running
 * @param driver the driver's name ("jack", "javasound", "null"), or "" when stopped
 * @param sampleRate frames per second of the running driver, or of the project when stopped
 * @param blockSize frames per driver callback, 0 when stopped
 * @param latencyFrames output latency: one block plus the plan's compensated latency
 * @param load DSP load: block processing time over block duration, 0..1 and above on overload
 * @param xruns buffer under- and overruns counted since playback started
 * @param playheadFrame the song position in frames
 * @param peakLeft master peak (linear) since the last report
 * @param peakRight master peak (linear) since the last report
 * @param rmsLeft master RMS (linear) since the last report
 * @param rmsRight master RMS (linear) since the last report
 * @param faults module faults (a module bypassed, an event dropped) since playback started
 * @param dropped telemetry messages the audio thread had to drop because the ring was full
 */
@ProviderType
public record Telemetry(boolean running, String driver, int sampleRate, int blockSize, int latencyFrames,
    float load, long xruns, long playheadFrame, float peakLeft, float peakRight, float rmsLeft, float rmsRight,
    long faults, long dropped) {

  /** Nothing running, at this sample rate. */
  public static Telemetry stopped(int sampleRate) {
    return new Telemetry(false, "", sampleRate, 0, 0, 0f, 0, 0, 0f, 0f, 0f, 0f, 0, 0);
  }

  /** The latency in milliseconds. */
  public double latencyMillis() {
    return sampleRate <= 0 ? 0 : latencyFrames * 1000.0 / sampleRate;
  }
}
