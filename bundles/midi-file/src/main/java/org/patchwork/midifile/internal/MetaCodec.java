package org.patchwork.midifile.internal;

import org.patchwork.midifile.Bytes;
import org.patchwork.midifile.MetaEvent;
import org.patchwork.midifile.MidiFileException;

/** Meta event data to records and back; a defined type whose data does not fit it is refused. */
public final class MetaCodec {

  private MetaCodec() {
  }

  /**
   * @param at the offset of the event's status byte, for messages
   */
  public static MetaEvent decode(long tick, int type, byte[] b, int off, int len, int at) {
    try {
      return switch (type) {
        case 0x00 -> {
          if (len != 0 && len != 2) {
            throw wrongLength("sequence number", at, len, "0 or 2");
          }
          yield new MetaEvent.SequenceNumber(tick, len == 0 ? -1 : u(b, off) << 8 | u(b, off + 1));
        }
        case 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09 ->
            new MetaEvent.Text(tick, MetaEvent.TextKind.ofType(type), Bytes.copyOf(b, off, len));
        case 0x20 -> new MetaEvent.ChannelPrefix(tick, u(b, off, len, 1, "channel prefix", at));
        case 0x21 -> new MetaEvent.PortPrefix(tick, u(b, off, len, 1, "port prefix", at));
        case 0x51 -> {
          expect(len, 3, "tempo", at);
          yield new MetaEvent.Tempo(tick, u(b, off) << 16 | u(b, off + 1) << 8 | u(b, off + 2));
        }
        case 0x54 -> {
          expect(len, 5, "SMPTE offset", at);
          int hourByte = u(b, off);
          if (hourByte >= 0x80) {
            throw SmfParser.fail(at, "SMPTE offset meta event at offset %d: hour byte 0x%02X has its high bit set",
                at, hourByte);
          }
          yield new MetaEvent.SmpteOffset(tick, hourByte >> 5, hourByte & 0x1F, u(b, off + 1), u(b, off + 2),
              u(b, off + 3), u(b, off + 4));
        }
        case 0x58 -> {
          expect(len, 4, "time signature", at);
          yield new MetaEvent.TimeSignature(tick, u(b, off), u(b, off + 1), u(b, off + 2), u(b, off + 3));
        }
        case 0x59 -> {
          expect(len, 2, "key signature", at);
          int mode = u(b, off + 1);
          if (mode > 1) {
            throw SmfParser.fail(at, "key signature meta event at offset %d: mode %d is neither 0 (major) nor 1 (minor)",
                at, mode);
          }
          yield new MetaEvent.KeySignature(tick, b[off], mode == 1);
        }
        case 0x7F -> new MetaEvent.SequencerSpecific(tick, Bytes.copyOf(b, off, len));
        default -> new MetaEvent.Unknown(tick, type, Bytes.copyOf(b, off, len));
      };
    } catch (MidiFileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // A value out of its record's range, e.g. a tempo of 0 or a key of 9 sharps.
      throw SmfParser.fail(at, "meta event 0x%02X at offset %d: %s", type, at, e.getMessage());
    }
  }

  /** The data bytes of a meta event (without type and length). */
  public static Bytes encode(MetaEvent e) {
    return switch (e) {
      case MetaEvent.SequenceNumber s -> s.number() < 0 ? Bytes.EMPTY : Bytes.of(s.number() >> 8, s.number() & 0xFF);
      case MetaEvent.Text t -> t.bytes();
      case MetaEvent.ChannelPrefix c -> Bytes.of(c.channel());
      case MetaEvent.PortPrefix p -> Bytes.of(p.port());
      case MetaEvent.Tempo t -> Bytes.of(t.microsPerQuarter() >> 16, t.microsPerQuarter() >> 8 & 0xFF,
          t.microsPerQuarter() & 0xFF);
      case MetaEvent.SmpteOffset s -> Bytes.of(s.rate() << 5 | s.hours(), s.minutes(), s.seconds(), s.frames(),
          s.subframes());
      case MetaEvent.TimeSignature t -> Bytes.of(t.numerator(), t.denominatorPower(), t.clocksPerClick(),
          t.thirtySecondsPerQuarter());
      case MetaEvent.KeySignature k -> Bytes.of(k.sharps() & 0xFF, k.minor() ? 1 : 0);
      case MetaEvent.SequencerSpecific s -> s.data();
      case MetaEvent.Unknown u -> u.data();
    };
  }

  private static int u(byte[] b, int off, int len, int expected, String what, int at) {
    expect(len, expected, what, at);
    return u(b, off);
  }

  private static void expect(int len, int expected, String what, int at) {
    if (len != expected) {
      throw wrongLength(what, at, len, Integer.toString(expected));
    }
  }

  private static MidiFileException wrongLength(String what, int at, int len, String expected) {
    return SmfParser.fail(at, "%s meta event at offset %d has %d data bytes, %s expected", what, at, len, expected);
  }

  private static int u(byte[] b, int off) {
    return b[off] & 0xFF;
  }
}
