package org.patchwork.midifile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.midifile.internal.Check;

/**
 * A meta event ({@code FF type length data}). The reader turns each defined type into its record
 * and refuses a defined type whose data does not fit it; any other type is an {@link Unknown}.
 * End of track (0x2F) is {@link MidiTrack#endTick()}, not an event.
 */
@ProviderType
public sealed interface MetaEvent extends MidiEvent {

  /** The meta type byte. */
  int type();

  @Override
  MetaEvent atTick(long tick);

  /** 0x00: the sequence number, or -1 for the zero-length form (the track's position). */
  record SequenceNumber(long tick, int number) implements MetaEvent {
    public SequenceNumber {
      Check.tick(tick);
      Check.range("sequence number", number, -1, 0xFFFF);
    }

    @Override
    public int type() {
      return 0x00;
    }

    @Override
    public SequenceNumber atTick(long t) {
      return new SequenceNumber(t, number);
    }
  }

  /** The text meta types 0x01..0x09. */
  enum TextKind {
    TEXT, COPYRIGHT, TRACK_NAME, INSTRUMENT_NAME, LYRIC, MARKER, CUE_POINT, PROGRAM_NAME, DEVICE_NAME;

    /** The meta type byte, 1..9. */
    public int type() {
      return ordinal() + 1;
    }

    /** The kind for a type byte 1..9. */
    public static TextKind ofType(int type) {
      return values()[Check.range("text meta type", type, 1, 9) - 1];
    }
  }

  /**
   * 0x01..0x09: a text, track name, lyric, marker... The file stores bytes with no declared
   * charset; {@link #text()} decodes UTF-8 when they are valid UTF-8 and ISO-8859-1 otherwise,
   * and the bytes themselves are kept so writing gives back the same file.
   */
  record Text(long tick, TextKind kind, Bytes bytes) implements MetaEvent {
    public Text {
      Check.tick(tick);
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(bytes, "bytes");
    }

    /** A text stored as UTF-8. */
    public Text(long tick, TextKind kind, String text) {
      this(tick, kind, Bytes.copyOf(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text, decoded as UTF-8 if valid, else ISO-8859-1. */
    public String text() {
      byte[] b = bytes.toArray();
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(b)).toString();
      } catch (CharacterCodingException e) {
        return new String(b, StandardCharsets.ISO_8859_1);
      }
    }

    @Override
    public int type() {
      return kind.type();
    }

    @Override
    public Text atTick(long t) {
      return new Text(t, kind, bytes);
    }
  }

  /** 0x20: the channel (0-based) that following meta and sysex events refer to. */
  record ChannelPrefix(long tick, int channel) implements MetaEvent {
    public ChannelPrefix {
      Check.tick(tick);
      Check.channel(channel);
    }

    @Override
    public int type() {
      return 0x20;
    }

    @Override
    public ChannelPrefix atTick(long t) {
      return new ChannelPrefix(t, channel);
    }
  }

  /** 0x21: the output port of the track (a widespread extension). */
  record PortPrefix(long tick, int port) implements MetaEvent {
    public PortPrefix {
      Check.tick(tick);
      Check.range("port", port, 0, 255);
    }

    @Override
    public int type() {
      return 0x21;
    }

    @Override
    public PortPrefix atTick(long t) {
      return new PortPrefix(t, port);
    }
  }

  /** 0x51: microseconds per quarter note from this tick on, 1..16777215 (500000 is 120 BPM). */
  record Tempo(long tick, int microsPerQuarter) implements MetaEvent {
    /** The tempo before the first tempo event: 120 BPM. */
    public static final int DEFAULT_MICROS_PER_QUARTER = 500_000;

    public Tempo {
      Check.tick(tick);
      Check.range("microseconds per quarter note", microsPerQuarter, 1, 0xFF_FFFF);
    }

    /** Beats (quarter notes) per minute, for display. */
    public double bpm() {
      return 60_000_000.0 / microsPerQuarter;
    }

    @Override
    public int type() {
      return 0x51;
    }

    @Override
    public Tempo atTick(long t) {
      return new Tempo(t, microsPerQuarter);
    }
  }

  /**
   * 0x54: the SMPTE time the track starts at. {@code rate} is the two rate bits of the hour byte
   * (0 = 24, 1 = 25, 2 = 29.97 drop, 3 = 30 fps).
   */
  record SmpteOffset(long tick, int rate, int hours, int minutes, int seconds, int frames, int subframes)
      implements MetaEvent {
    public SmpteOffset {
      Check.tick(tick);
      Check.range("SMPTE rate code", rate, 0, 3);
      Check.range("SMPTE hours", hours, 0, 31);
      Check.range("SMPTE minutes", minutes, 0, 255);
      Check.range("SMPTE seconds", seconds, 0, 255);
      Check.range("SMPTE frames", frames, 0, 255);
      Check.range("SMPTE fractional frames", subframes, 0, 255);
    }

    @Override
    public int type() {
      return 0x54;
    }

    @Override
    public SmpteOffset atTick(long t) {
      return new SmpteOffset(t, rate, hours, minutes, seconds, frames, subframes);
    }
  }

  /**
   * 0x58: {@code numerator}/2^{@code denominatorPower}, MIDI clocks per metronome click and
   * 32nd notes per MIDI quarter note (normally 8).
   */
  record TimeSignature(long tick, int numerator, int denominatorPower, int clocksPerClick,
      int thirtySecondsPerQuarter) implements MetaEvent {
    public TimeSignature {
      Check.tick(tick);
      Check.range("time signature numerator", numerator, 1, 255);
      Check.range("time signature denominator power", denominatorPower, 0, 30);
      Check.range("MIDI clocks per click", clocksPerClick, 0, 255);
      Check.range("32nd notes per quarter", thirtySecondsPerQuarter, 0, 255);
    }

    /** The denominator: 4 for 3/4. */
    public int denominator() {
      return 1 << denominatorPower;
    }

    @Override
    public int type() {
      return 0x58;
    }

    @Override
    public TimeSignature atTick(long t) {
      return new TimeSignature(t, numerator, denominatorPower, clocksPerClick, thirtySecondsPerQuarter);
    }
  }

  /** 0x59: sharps (> 0) or flats (< 0), -7..7, and major or minor. */
  record KeySignature(long tick, int sharps, boolean minor) implements MetaEvent {
    public KeySignature {
      Check.tick(tick);
      Check.range("key signature sharps/flats", sharps, -7, 7);
    }

    @Override
    public int type() {
      return 0x59;
    }

    @Override
    public KeySignature atTick(long t) {
      return new KeySignature(t, sharps, minor);
    }
  }

  /** 0x7F: data for one sequencer, starting with its manufacturer id. */
  record SequencerSpecific(long tick, Bytes data) implements MetaEvent {
    public SequencerSpecific {
      Check.tick(tick);
      Objects.requireNonNull(data, "data");
    }

    @Override
    public int type() {
      return 0x7F;
    }

    @Override
    public SequencerSpecific atTick(long t) {
      return new SequencerSpecific(t, data);
    }
  }

  /** Any other meta type (0..127), kept verbatim. Types with a record of their own are refused. */
  record Unknown(long tick, int type, Bytes data) implements MetaEvent {
    public Unknown {
      Check.tick(tick);
      Check.range("meta type", type, 0, 127);
      Objects.requireNonNull(data, "data");
      if (isDefined(type)) {
        throw new IllegalArgumentException(String.format(
            "meta type 0x%02X has its own event record; use it instead of MetaEvent.Unknown", type));
      }
    }

    /** True for the types this package models with their own record, and for end of track. */
    public static boolean isDefined(int type) {
      return (type >= 0x00 && type <= 0x09) || type == 0x20 || type == 0x21 || type == 0x2F
          || type == 0x51 || type == 0x54 || type == 0x58 || type == 0x59 || type == 0x7F;
    }

    @Override
    public Unknown atTick(long t) {
      return new Unknown(t, type, data);
    }
  }
}
