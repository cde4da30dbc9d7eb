package org.patchwork.bus;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One slot of the {@link ControlRing}: input from the UI, MIDI, OSC or a controller on its way
 * to the sequencer thread. A flat, mutable record allocated once; which fields mean something
 * depends on {@link #kind()}.
 *
 * <p>Thread: written by a producer while it owns the slot, read by the sequencer thread.
 */
@ProviderType
public final class ControlMessage {

  /** What arrived. */
  @ProviderType
  public enum Kind {
    /** Key {@link #number()} pressed with velocity {@link #value()} (0..1). */
    NOTE_ON,
    /** Key {@link #number()} released. */
    NOTE_OFF,
    /** Controller {@link #number()} moved to raw value {@link #value()} (0..127). */
    CONTROL_CHANGE,
    /** Pitch wheel at raw value {@link #value()} (0..16383, centre 8192). */
    PITCH_BEND,
    /** Set parameter {@link #parameter()} of node {@link #node()} to {@link #value()}. */
    PARAMETER,
    /** Start the transport. */
    TRANSPORT_START,
    /** Stop the transport. */
    TRANSPORT_STOP,
    /** Set the tempo to {@link #value()} beats per minute. */
    TEMPO,
    /** An immutable command object for the sequencer ({@link #command()}), e.g. an edit. */
    COMMAND
  }

  private Kind kind = Kind.COMMAND;
  private long nanos;
  private int source;
  private int channel;
  private int number;
  private int node;
  private int parameter;
  private double value;
  private Object command;

  ControlMessage() {
  }

  /** What arrived. */
  public Kind kind() {
    return kind;
  }

  /** When it arrived, on the {@link System#nanoTime()} scale; the sequencer turns it into a frame. */
  public long nanos() {
    return nanos;
  }

  /** Which device or port it came from (an index the producer defines). */
  public int source() {
    return source;
  }

  /** MIDI channel 0..15, or 0. */
  public int channel() {
    return channel;
  }

  /** Key or controller number. */
  public int number() {
    return number;
  }

  /** Node index of a {@link Kind#PARAMETER}. */
  public int node() {
    return node;
  }

  /** Parameter index of a {@link Kind#PARAMETER}. */
  public int parameter() {
    return parameter;
  }

  /** Velocity, raw controller value, parameter value or tempo. */
  public double value() {
    return value;
  }

  /** The command object of a {@link Kind#COMMAND}; null otherwise. */
  public Object command() {
    return command;
  }

  void fill(Kind k, long at, int src, int ch, int num, int nodeIndex, int param, double v, Object cmd) {
    kind = k;
    nanos = at;
    source = src;
    channel = ch;
    number = num;
    node = nodeIndex;
    parameter = param;
    value = v;
    command = cmd;
  }

  void clearCommand() {
    command = null;
  }

  @Override
  public String toString() {
    return kind + "@" + nanos + "ns source=" + source + " channel=" + channel + " number=" + number
        + " node=" + node + " param=" + parameter + " value=" + value;
  }
}
