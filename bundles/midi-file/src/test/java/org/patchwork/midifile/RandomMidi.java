package org.patchwork.midifile;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random models covering every event type and the encodings' edge values. */
final class RandomMidi {

  private static final int[] DELTA_EDGES = {0, 1, 127, 128, 16383, 16384, 2_097_151, 2_097_152, 0x0FFF_FFFF};
  private static final int[] UNKNOWN_META = {0x0A, 0x0F, 0x10, 0x22, 0x4B, 0x60, 0x7E};

  private final SplittableRandom r;
  private int channel; // most events of a track are on one channel, as in real files

  RandomMidi(long seed) {
    r = new SplittableRandom(seed);
  }

  MidiFile file() {
    int format = r.nextInt(3);
    int n = format == 0 ? 1 : r.nextInt(6);
    List<MidiTrack> tracks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tracks.add(track(r.nextInt(r.nextInt(10) == 0 ? 2000 : 200)));
    }
    Division division = r.nextInt(4) == 0
        ? new Division.Smpte(new int[] {24, 25, 29, 30}[r.nextInt(4)], 1 + r.nextInt(255))
        : new Division.PerQuarter(r.nextBoolean() ? new int[] {24, 96, 480, 960}[r.nextInt(4)] : 1 + r.nextInt(0x7FFF));
    return new MidiFile(format, division, tracks);
  }

  MidiTrack track(int events) {
    channel = r.nextInt(16);
    List<MidiEvent> list = new ArrayList<>();
    long tick = 0;
    for (int i = 0; i < events; i++) {
      tick += delta();
      list.add(event(tick));
    }
    return new MidiTrack(list, tick + delta());
  }

  private long delta() {
    int k = r.nextInt(20);
    if (k < 6) {
      return 0;
    }
    if (k < 18) {
      return r.nextInt(1000);
    }
    return DELTA_EDGES[r.nextInt(DELTA_EDGES.length)];
  }

  MidiEvent event(long t) {
    int ch = r.nextInt(5) == 0 ? r.nextInt(16) : channel;
    return switch (r.nextInt(22)) {
      case 0, 1, 2, 3 -> new ChannelEvent.NoteOn(t, ch, d(), d());
      case 4, 5, 6 -> new ChannelEvent.NoteOff(t, ch, d(), d());
      case 7 -> new ChannelEvent.PolyPressure(t, ch, d(), d());
      case 8, 9 -> new ChannelEvent.ControlChange(t, ch, d(), d());
      case 10 -> new ChannelEvent.ProgramChange(t, ch, d());
      case 11 -> new ChannelEvent.ChannelPressure(t, ch, d());
      case 12 -> new ChannelEvent.PitchBend(t, ch, r.nextInt(16384));
      case 13 -> new Sysex(t, r.nextBoolean(), bytes(r.nextInt(5) == 0 ? 300 : 12));
      case 14 -> new MetaEvent.Text(t, MetaEvent.TextKind.values()[r.nextInt(9)], bytes(r.nextInt(5) == 0 ? 200 : 20));
      case 15 -> new MetaEvent.Tempo(t, 1 + r.nextInt(0xFF_FFFF));
      case 16 -> new MetaEvent.TimeSignature(t, 1 + r.nextInt(255), r.nextInt(31), r.nextInt(256), r.nextInt(256));
      case 17 -> new MetaEvent.KeySignature(t, r.nextInt(15) - 7, r.nextBoolean());
      case 18 -> new MetaEvent.SmpteOffset(t, r.nextInt(4), r.nextInt(32), r.nextInt(256), r.nextInt(256),
          r.nextInt(256), r.nextInt(256));
      case 19 -> r.nextBoolean() ? new MetaEvent.ChannelPrefix(t, ch) : new MetaEvent.PortPrefix(t, r.nextInt(256));
      case 20 -> r.nextBoolean() ? new MetaEvent.SequenceNumber(t, r.nextInt(65537) - 1)
          : new MetaEvent.SequencerSpecific(t, bytes(8));
      default -> new MetaEvent.Unknown(t, UNKNOWN_META[r.nextInt(UNKNOWN_META.length)], bytes(10));
    };
  }

  private int d() {
    return r.nextInt(128);
  }

  private Bytes bytes(int max) {
    byte[] b = new byte[r.nextInt(max + 1)];
    r.nextBytes(b);
    return Bytes.copyOf(b);
  }
}
