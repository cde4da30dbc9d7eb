package org.patchwork.midifile.internal;

import org.patchwork.midifile.Bytes;
import org.patchwork.midifile.ChannelEvent;
import org.patchwork.midifile.MetaEvent;
import org.patchwork.midifile.MidiEvent;
import org.patchwork.midifile.MidiFile;
import org.patchwork.midifile.MidiTrack;
import org.patchwork.midifile.Sysex;

/** Encodes the model in canonical form: shortest delta times, events in model order. */
public final class SmfWriter {

  private SmfWriter() {
  }

  public static byte[] write(MidiFile file, boolean runningStatus) {
    ByteSink out = new ByteSink();
    out.ascii("MThd");
    out.u32(6);
    out.u16(file.format());
    out.u16(file.tracks().size());
    out.u16(file.division().encode());
    for (MidiTrack track : file.tracks()) {
      ByteSink body = track(track, runningStatus);
      out.ascii("MTrk");
      out.u32(body.size());
      out.bytes(body);
    }
    return out.toArray();
  }

  private static ByteSink track(MidiTrack track, boolean runningStatus) {
    ByteSink out = new ByteSink();
    long previous = 0;
    int running = -1;
    for (MidiEvent event : track.events()) {
      out.vlq(event.tick() - previous);
      previous = event.tick();
      switch (event) {
        case ChannelEvent c -> {
          int status = c.command() | c.channel();
          if (!runningStatus || status != running) {
            out.u8(status);
          }
          running = status;
          channelData(out, c);
        }
        case Sysex s -> {
          // Sysex and meta events cancel running status (SMF 1.0); never rely on it across them.
          running = -1;
          out.u8(s.escape() ? 0xF7 : 0xF0);
          out.vlq(s.data().length());
          out.bytes(s.data());
        }
        case MetaEvent m -> {
          running = -1;
          meta(out, m.type(), MetaCodec.encode(m));
        }
      }
    }
    out.vlq(track.endTick() - previous);
    meta(out, 0x2F, Bytes.EMPTY);
    return out;
  }

  private static void meta(ByteSink out, int type, Bytes data) {
    out.u8(0xFF);
    out.u8(type);
    out.vlq(data.length());
    out.bytes(data);
  }

  private static void channelData(ByteSink out, ChannelEvent c) {
    switch (c) {
      case ChannelEvent.NoteOn e -> two(out, e.key(), e.velocity());
      case ChannelEvent.NoteOff e -> two(out, e.key(), e.velocity());
      case ChannelEvent.PolyPressure e -> two(out, e.key(), e.pressure());
      case ChannelEvent.ControlChange e -> two(out, e.controller(), e.value());
      case ChannelEvent.ProgramChange e -> out.u8(e.program());
      case ChannelEvent.ChannelPressure e -> out.u8(e.pressure());
      case ChannelEvent.PitchBend e -> two(out, e.value() & 0x7F, e.value() >> 7);
    }
  }

  private static void two(ByteSink out, int a, int b) {
    out.u8(a);
    out.u8(b);
  }
}
