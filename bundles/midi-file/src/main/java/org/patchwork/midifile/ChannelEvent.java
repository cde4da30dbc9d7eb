package org.patchwork.midifile;

import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.midifile.internal.Check;

/**
 * A channel voice message. Channels are 0-based: MIDI channel 10, the General MIDI drum channel,
 * is {@code channel() == 9}. A {@link NoteOn} with velocity 0 is kept as it was in the file;
 * {@link Notes#pair} treats it as a note-off.
 *
 * <pre>{@code
 * if (event instanceof ChannelEvent.NoteOn(long tick, int ch, int key, int vel) && vel > 0) { ... }
 * }</pre>
 */
@ProviderType
public sealed interface ChannelEvent extends MidiEvent {

  /** The drum channel of General MIDI (channel 10), 0-based. */
  int DRUM_CHANNEL = 9;

  /** 0..15. */
  int channel();

  /** The status byte's upper nibble: 0x80 for note-off .. 0xE0 for pitch bend. */
  int command();

  @Override
  ChannelEvent atTick(long tick);

  /** Status 0x9n. */
  record NoteOn(long tick, int channel, int key, int velocity) implements ChannelEvent {
    public NoteOn {
      Check.tick(tick);
      Check.channel(channel);
      Check.data7("key", key);
      Check.data7("velocity", velocity);
    }

    @Override
    public int command() {
      return 0x90;
    }

    @Override
    public NoteOn atTick(long t) {
      return new NoteOn(t, channel, key, velocity);
    }
  }

  /** Status 0x8n; {@code velocity} is the release velocity. */
  record NoteOff(long tick, int channel, int key, int velocity) implements ChannelEvent {
    public NoteOff {
      Check.tick(tick);
      Check.channel(channel);
      Check.data7("key", key);
      Check.data7("release velocity", velocity);
    }

    @Override
    public int command() {
      return 0x80;
    }

    @Override
    public NoteOff atTick(long t) {
      return new NoteOff(t, channel, key, velocity);
    }
  }

  /** Status 0xAn: polyphonic key pressure (aftertouch). */
  record PolyPressure(long tick, int channel, int key, int pressure) implements ChannelEvent {
    public PolyPressure {
      Check.tick(tick);
      Check.channel(channel);
      Check.data7("key", key);
      Check.data7("pressure", pressure);
    }

    @Override
    public int command() {
      return 0xA0;
    }

    @Override
    public PolyPressure atTick(long t) {
      return new PolyPressure(t, channel, key, pressure);
    }
  }

  /** Status 0xBn, including the channel mode messages (controllers 120..127). */
  record ControlChange(long tick, int channel, int controller, int value) implements ChannelEvent {
    public ControlChange {
      Check.tick(tick);
      Check.channel(channel);
      Check.data7("controller", controller);
      Check.data7("controller value", value);
    }

    @Override
    public int command() {
      return 0xB0;
    }

    @Override
    public ControlChange atTick(long t) {
      return new ControlChange(t, channel, controller, value);
    }
  }

  /** Status 0xCn; {@code program} is 0-based (General MIDI program 1 is 0). */
  record ProgramChange(long tick, int channel, int program) implements ChannelEvent {
    public ProgramChange {
      Check.tick(tick);
      Check.channel(channel);
      Check.data7("program", program);
    }

    @Override
    public int command() {
      return 0xC0;
    }

    @Override
    public ProgramChange atTick(long t) {
      return new ProgramChange(t, channel, program);
    }
  }

  /** Status 0xDn: channel pressure (aftertouch). */
  record ChannelPressure(long tick, int channel, int pressure) implements ChannelEvent {
    public ChannelPressure {
      Check.tick(tick);
      Check.channel(channel);
      Check.data7("pressure", pressure);
    }

    @Override
    public int command() {
      return 0xD0;
    }

    @Override
    public ChannelPressure atTick(long t) {
      return new ChannelPressure(t, channel, pressure);
    }
  }

  /** Status 0xEn; {@code value} is the 14-bit wheel position, 8192 at rest. */
  record PitchBend(long tick, int channel, int value) implements ChannelEvent {
    /** The wheel at rest. */
    public static final int CENTRE = 8192;

    public PitchBend {
      Check.tick(tick);
      Check.channel(channel);
      Check.range("pitch bend value", value, 0, 16383);
    }

    @Override
    public int command() {
      return 0xE0;
    }

    @Override
    public PitchBend atTick(long t) {
      return new PitchBend(t, channel, value);
    }
  }
}
