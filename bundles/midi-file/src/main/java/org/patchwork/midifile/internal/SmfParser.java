package org.patchwork.midifile.internal;

import java.util.ArrayList;
import java.util.List;
import org.patchwork.midifile.Bytes;
import org.patchwork.midifile.ChannelEvent;
import org.patchwork.midifile.Division;
import org.patchwork.midifile.MidiEvent;
import org.patchwork.midifile.MidiFile;
import org.patchwork.midifile.MidiFileException;
import org.patchwork.midifile.MidiTrack;
import org.patchwork.midifile.Sysex;

/**
 * One parse of one file. Every length read from the file is compared with the bytes left in its
 * chunk before anything is allocated from it; every message names the offset of the problem.
 */
public final class SmfParser {

  private final byte[] b;
  private final int maxTracks;
  private final int maxEvents;
  private int events;
  private int pos;

  public SmfParser(byte[] file, int maxTracks, int maxEvents) {
    this.b = file;
    this.maxTracks = maxTracks;
    this.maxEvents = maxEvents;
  }

  public MidiFile parse() {
    if (b.length < 4 || !isId(0, "MThd")) {
      throw notMidi();
    }
    if (b.length < 8) {
      throw fail(0, "truncated header chunk at offset 0: %d bytes, 8 needed for its id and length", b.length);
    }
    long headerLength = u32(4);
    if (headerLength < 6) {
      throw fail(0, "header chunk at offset 0 is %d bytes long, at least 6 needed", headerLength);
    }
    if (headerLength > b.length - 8) {
      throw fail(0, "truncated header chunk at offset 0: header says %d bytes, %d left", headerLength, b.length - 8);
    }
    int format = u16(8);
    int declaredTracks = u16(10);
    if (format > 2) {
      throw fail(8, "unsupported MIDI file format %d at offset 8 (0, 1 and 2 exist)", format);
    }
    if (format == 0 && declaredTracks != 1) {
      throw fail(10, "format 0 file declares %d tracks at offset 10, exactly 1 allowed", declaredTracks);
    }
    if (declaredTracks > maxTracks) {
      throw fail(10, "file declares %d tracks at offset 10, the limit is %d", declaredTracks, maxTracks);
    }
    Division division = division(u16(12));
    pos = 8 + (int) headerLength;

    // Not pre-sized from the header: a lying count must not allocate.
    List<MidiTrack> tracks = new ArrayList<>();
    while (pos < b.length) {
      int start = pos;
      if (b.length - start < 8) {
        throw fail(start, "truncated chunk header at offset %d: %d bytes left, 8 needed", start, b.length - start);
      }
      String id = chunkId(start);
      long length = u32(start + 4);
      long left = b.length - start - 8L;
      boolean track = id.equals("MTrk");
      if (length > left) {
        throw fail(start, "truncated %s chunk at offset %d: header says %d bytes, %d left",
            track ? "track" : "'" + id + "'", start, length, left);
      }
      int end = start + 8 + (int) length;
      if (track) {
        if (tracks.size() == declaredTracks) {
          throw fail(start, "extra track chunk at offset %d: the header declares %d tracks", start, declaredTracks);
        }
        tracks.add(track(start + 8, end, tracks.size()));
      } else if (id.equals("MThd")) {
        throw fail(start, "second header chunk at offset %d", start);
      }
      // Chunks of other types are skipped, as the standard asks.
      pos = end;
    }
    if (tracks.size() < declaredTracks) {
      throw fail(b.length, "file ends at offset %d after %d of the %d track chunks the header declares",
          b.length, tracks.size(), declaredTracks);
    }
    return new MidiFile(format, division, tracks);
  }

  private MidiFileException notMidi() {
    if (b.length == 0) {
      return fail(0, "not a MIDI file: expected MThd at offset 0, the file is empty");
    }
    if (b.length >= 4 && isId(0, "RIFF")) {
      return fail(0, "not a MIDI file: expected MThd at offset 0, found a RIFF container (RMID files are not supported)");
    }
    StringBuilder found = new StringBuilder();
    for (int i = 0; i < Math.min(4, b.length); i++) {
      found.append(String.format("%02X ", b[i] & 0xFF));
    }
    return fail(0, "not a MIDI file: expected MThd at offset 0, found bytes %s", found.toString().trim());
  }

  private Division division(int raw) {
    if ((raw & 0x8000) == 0) {
      if (raw == 0) {
        throw fail(12, "division of 0 ticks per quarter note at offset 12");
      }
      return new Division.PerQuarter(raw);
    }
    int fps = -(byte) (raw >> 8);
    int ticksPerFrame = raw & 0xFF;
    if (fps != 24 && fps != 25 && fps != 29 && fps != 30) {
      throw fail(12, "invalid SMPTE frame rate %d at offset 12 (24, 25, 29 or 30)", fps);
    }
    if (ticksPerFrame == 0) {
      throw fail(13, "SMPTE division with 0 ticks per frame at offset 13");
    }
    return new Division.Smpte(fps, ticksPerFrame);
  }

  private MidiTrack track(int start, int end, int index) {
    pos = start;
    List<MidiEvent> list = new ArrayList<>();
    long tick = 0;
    int running = -1; // running status starts afresh in each track
    while (true) {
      if (pos >= end) {
        throw fail(end, "track %d has no end-of-track event (its chunk ends at offset %d)", index, end);
      }
      tick += vlq(end, "delta time");
      if (pos >= end) {
        throw fail(pos, "truncated event at offset %d: the track chunk ends after the delta time", pos);
      }
      if (++events > maxEvents) {
        throw fail(pos, "too many events at offset %d: the limit is %d", pos, maxEvents);
      }
      int at = pos;
      int status = b[pos] & 0xFF;
      if (status < 0x80) {
        if (running < 0) {
          throw fail(at, "running status without a previous status byte at offset %d", at);
        }
        status = running;
      } else {
        pos++;
        if (status < 0xF0) {
          running = status;
        }
      }
      if (status < 0xF0) {
        list.add(channel(tick, status, end, at));
      } else if (status == 0xF0 || status == 0xF7) {
        int length = length(end, "sysex", at);
        list.add(new Sysex(tick, status == 0xF7, Bytes.copyOf(b, pos, length)));
        pos += length;
      } else if (status == 0xFF) {
        if (pos >= end) {
          throw fail(at, "truncated meta event at offset %d: the track chunk ends before its type", at);
        }
        int type = b[pos++] & 0xFF;
        if (type >= 0x80) {
          throw fail(at, "meta event at offset %d has type 0x%02X, the standard allows 0x00..0x7F", at, type);
        }
        int length = length(end, "meta event", at);
        int dataAt = pos;
        pos += length;
        if (type == 0x2F) {
          if (length != 0) {
            throw fail(at, "end-of-track meta event at offset %d has %d data bytes, 0 expected", at, length);
          }
          if (pos != end) {
            throw fail(pos, "data after end of track at offset %d: %d bytes follow the end-of-track event of track %d",
                pos, end - pos, index);
          }
          try {
            return new MidiTrack(list, tick);
          } catch (IllegalArgumentException e) {
            throw fail(at, "track %d ending at offset %d: %s", index, at, e.getMessage());
          }
        }
        list.add(MetaCodec.decode(tick, type, b, dataAt, length, at));
      } else {
        throw fail(at, "status byte 0x%02X at offset %d is not allowed in a MIDI file", status, at);
      }
    }
  }

  private ChannelEvent channel(long tick, int status, int end, int at) {
    int ch = status & 0x0F;
    int d1 = data(end, status, at);
    return switch (status & 0xF0) {
      case 0x80 -> new ChannelEvent.NoteOff(tick, ch, d1, data(end, status, at));
      case 0x90 -> new ChannelEvent.NoteOn(tick, ch, d1, data(end, status, at));
      case 0xA0 -> new ChannelEvent.PolyPressure(tick, ch, d1, data(end, status, at));
      case 0xB0 -> new ChannelEvent.ControlChange(tick, ch, d1, data(end, status, at));
      case 0xC0 -> new ChannelEvent.ProgramChange(tick, ch, d1);
      case 0xD0 -> new ChannelEvent.ChannelPressure(tick, ch, d1);
      default -> new ChannelEvent.PitchBend(tick, ch, d1 | data(end, status, at) << 7);
    };
  }

  private int data(int end, int status, int at) {
    if (pos >= end) {
      throw fail(at, "truncated channel message 0x%02X at offset %d: the track chunk ends at offset %d", status, at, end);
    }
    int v = b[pos] & 0xFF;
    if (v >= 0x80) {
      throw fail(pos, "expected a data byte at offset %d, found status byte 0x%02X (message 0x%02X at offset %d is cut short)",
          pos, v, status, at);
    }
    pos++;
    return v;
  }

  /** A sysex or meta length, checked against the bytes left in the chunk. */
  private int length(int end, String what, int at) {
    long length = vlq(end, what + " length");
    if (length > end - pos) {
      throw fail(at, "truncated %s at offset %d: its length says %d bytes, %d left in the track chunk",
          what, at, length, end - pos);
    }
    return (int) length;
  }

  private long vlq(int end, String what) {
    int start = pos;
    long value = 0;
    for (int i = 0; i < 4; i++) {
      if (pos >= end) {
        throw fail(start, "truncated %s at offset %d: the track chunk ends inside it", what, start);
      }
      int v = b[pos++] & 0xFF;
      value = value << 7 | (v & 0x7F);
      if (v < 0x80) {
        return value;
      }
    }
    throw fail(start, "VLQ longer than 4 bytes at offset %d (%s)", start, what);
  }

  private String chunkId(int at) {
    StringBuilder id = new StringBuilder(4);
    for (int i = 0; i < 4; i++) {
      int c = b[at + i] & 0xFF;
      if (c < 0x20 || c > 0x7E) {
        throw fail(at, "invalid chunk id at offset %d: byte 0x%02X is not printable ASCII (garbage after the last chunk?)", at, c);
      }
      id.append((char) c);
    }
    return id.toString();
  }

  private boolean isId(int at, String id) {
    for (int i = 0; i < 4; i++) {
      if (b[at + i] != id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int u16(int at) {
    return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  private long u32(int at) {
    return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
  }

  static MidiFileException fail(long offset, String format, Object... args) {
    return new MidiFileException(offset, String.format(format, args));
  }
}
