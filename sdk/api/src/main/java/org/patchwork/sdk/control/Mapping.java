package org.patchwork.sdk.control;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A binding from one control to one parameter.
 *
 * @param source device or port name the control belongs to
 * @param kind kind of control
 * @param channel MIDI channel
 * @param number CC or note number
 * @param target the bound parameter
 * @param mode how raw values are read
 * @param takeover what happens when the control and the parameter disagree
 */
@ProviderType
public record Mapping(
    String source,
    ControlEvent.Kind kind,
    int channel,
    int number,
    ParameterTarget target,
    Mode mode,
    Takeover takeover) {

  /** How raw control values are read. */
  @ProviderType
  public enum Mode {
    /** The value is the position. */
    ABSOLUTE,
    /** Relative encoder: 1..63 up, 65..127 down (two's complement). */
    RELATIVE_TWOS_COMPLEMENT,
    /** Relative encoder: 64 is still, above is up, below is down. */
    RELATIVE_BINARY_OFFSET,
    /** Relative encoder: bit 6 is the sign, bits 0..5 the amount. */
    RELATIVE_SIGNED_BIT
  }

  /** What an absolute control does when it disagrees with the parameter's value. */
  @ProviderType
  public enum Takeover {
    /** The parameter jumps to the control's position. */
    JUMP,
    /** Nothing happens until the control passes the parameter's value. */
    PICKUP,
    /** The parameter moves proportionally until both meet. */
    SCALE
  }
}
