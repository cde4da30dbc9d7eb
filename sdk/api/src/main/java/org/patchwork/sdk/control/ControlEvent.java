package org.patchwork.sdk.control;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A control moved on some device.
 *
 * @param source the device or port name (e.g. {@code "APC mini"} or {@code "osc:/fader/1"})
 * @param kind what sort of control
 * @param channel MIDI channel 0..15, or 0
 * @param number CC or note number, or 0
 * @param value the raw value (0..127 for CC, 0..16383 for pitch bend)
 * @param frame when it arrived, in engine frames
 */
@ProviderType
public record ControlEvent(String source, Kind kind, int channel, int number, int value, long frame) {

  /** Sorts of controls. */
  @ProviderType
  public enum Kind {
    CONTROL_CHANGE,
    NOTE,
    PITCH_BEND,
    PROGRAM_CHANGE,
    OSC
  }
}
