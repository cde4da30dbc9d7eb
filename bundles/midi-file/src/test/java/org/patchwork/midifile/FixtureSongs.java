package org.patchwork.midifile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import javax.sound.midi.Track;

/**
 * The realistic fixture songs under src/test/resources/midi, built with javax.sound.midi (an
 * encoder independent of ours) so that our reader is tested on files it did not write. The
 * importer's tests reuse the files; {@code FixturesTest} checks they still match this code.
 */
final class FixtureSongs {

  static final String SONG_TYPE1 = "song-type1.mid";
  static final String SONG_TYPE0 = "song-type0.mid";
  static final String TEMPO_RAMP = "tempo-ramp-type1.mid";
  static final String SMPTE_25 = "smpte25-type1.mid";

  private FixtureSongs() {
  }

  /** File name to bytes, as MidiSystem.write writes them. */
  static Map<String, byte[]> all() {
    try {
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put(SONG_TYPE1, write(songType1(), 1));
      files.put(SONG_TYPE0, write(songType0(), 0));
      files.put(TEMPO_RAMP, write(tempoRamp(), 1));
      files.put(SMPTE_25, write(smpte25(), 1));
      return files;
    } catch (InvalidMidiDataException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * 16 bars at 480 PPQ: 4/4 at 120 BPM, 96 BPM from bar 5, 3/4 at 140 BPM from bar 9, 150.5 BPM
   * from the middle of bar 13's second beat. Bass (ch 1, program 33, bank 0/0), lead (ch 2,
   * program 80, bends, modulation, a retriggered overlapping key), drums (ch 10, offs as
   * note-on velocity 0), pad (ch 3, program 89 then 90 at bar 9, sustain pedal).
   */
  static Sequence songType1() throws InvalidMidiDataException {
    Sequence s = new Sequence(Sequence.PPQ, 480);
    Track conductor = s.createTrack();
    text(conductor, 0, 0x03, "Patchwork fixture song");
    text(conductor, 0, 0x02, "(c) Patchwork tests");
    meta(conductor, 0, 0x58, 4, 2, 24, 8);
    meta(conductor, 0, 0x59, 1, 0);
    tempo(conductor, 0, 500_000);
    text(conductor, 0, 0x06, "Intro");
    tempo(conductor, 7680, 625_000);
    text(conductor, 7680, 0x06, "Verse");
    meta(conductor, 15360, 0x58, 3, 2, 24, 8);
    tempo(conductor, 15360, 428_571);
    text(conductor, 15360, 0x06, "Chorus");
    tempo(conductor, 21840, 398_671);
    text(conductor, 21840, 0x06, "Outro");
    long end = 27360; // 8 bars of 4/4 and 8 of 3/4, then one beat for the last notes to ring
    conductor.add(new MidiEvent(eot(), end));

    int[] roots = {43, 40, 36, 38};
    Track bass = named(s, "Bass");
    cc(bass, 0, 0, 0, 0);
    cc(bass, 0, 0, 32, 0);
    msg(bass, 0, ShortMessage.PROGRAM_CHANGE, 0, 33, 0);
    cc(bass, 0, 0, 7, 100);
    Track lead = named(s, "Lead");
    msg(lead, 0, ShortMessage.PROGRAM_CHANGE, 1, 80, 0);
    Track drums = named(s, "Drums");
    msg(drums, 0, ShortMessage.PROGRAM_CHANGE, 9, 0, 0);
    Track pad = named(s, "Pad");
    msg(pad, 0, ShortMessage.PROGRAM_CHANGE, 2, 89, 0);
    msg(pad, 15360, ShortMessage.PROGRAM_CHANGE, 2, 90, 0);
    int[] melody = {67, 69, 71, 74, 72, 71, 69, 67};
    long bar = 0;
    for (int b = 0; b < 16; b++) {
      int beats = b < 8 ? 4 : 3;
      int root = roots[b % 4];
      for (int e = 0; e < beats * 2; e++) {
        long t = bar + e * 240L;
        note(bass, 0, root + (e % 2 == 0 ? 0 : 12), 90 + (e % 3) * 10, t, 200, false);
        note(drums, 9, 42, e % 2 == 0 ? 100 : 70, t, 60, true);
        if (e % 4 == 0) {
          note(drums, 9, 36, 120, t, 60, true);
        } else if (e % 4 == 2) {
          note(drums, 9, 38, 110, t, 60, true);
        }
        if (e % 2 == 0) {
          // Legato lead: each note overlaps the next by 30 ticks.
          note(lead, 1, melody[(b * 3 + e / 2) % melody.length], 80 + e * 4, t, 510, false);
        }
      }
      if (b % 4 == 0) {
        note(drums, 9, 49, 127, bar, 60, true);
      }
      cc(pad, bar, 2, 64, 127);
      for (int k : new int[] {0, 4, 7}) {
        note(pad, 2, root + 24 + k, 64, bar, beats * 480L - 10, false);
      }
      cc(pad, bar + beats * 480L - 5, 2, 64, 0);
      for (int i = 0; i <= 8; i++) {
        cc(lead, bar + i * 60L, 1, 1, i * 8);
      }
      bar += beats * 480L;
    }
    // A retriggered key: 76 struck again while still sounding (paired first in, first out).
    note(lead, 1, 76, 100, 3840, 480, false);
    note(lead, 1, 76, 90, 4080, 480, false);
    for (int i = 0; i <= 16; i++) {
      msg(lead, 5760 + i * 30L, ShortMessage.PITCH_BEND, 1, 0, 64 + (i <= 8 ? i * 7 : (16 - i) * 7));
    }
    msg(lead, 6400, ShortMessage.CHANNEL_PRESSURE, 1, 50, 0);
    for (Track t : new Track[] {bass, lead, drums, pad}) {
      t.add(new MidiEvent(eot(), end));
    }
    return s;
  }

  /**
   * A type 0 song in 6/8 at 96 PPQ, 8 bars: tempo 100 then 110 from bar 3, D minor; flute
   * melody with lyrics on ch 1 (program 73, 71 from bar 5), piano chords on ch 2, drums on
   * ch 10.
   */
  static Sequence songType0() throws InvalidMidiDataException {
    Sequence s = new Sequence(Sequence.PPQ, 96);
    Track t = s.createTrack();
    text(t, 0, 0x03, "Fixture type 0");
    meta(t, 0, 0x58, 6, 3, 36, 8);
    meta(t, 0, 0x59, 0xFF, 1);
    tempo(t, 0, 600_000);
    tempo(t, 576, 545_455);
    msg(t, 0, ShortMessage.PROGRAM_CHANGE, 0, 73, 0);
    msg(t, 0, ShortMessage.PROGRAM_CHANGE, 1, 0, 0);
    msg(t, 1152, ShortMessage.PROGRAM_CHANGE, 0, 71, 0);
    String[] syllables = {"Pat", "ch", "work", "sings", "in", "six", "eight", "time"};
    int[] tune = {62, 65, 69, 67, 65, 64, 62, 61};
    for (int bar = 0; bar < 8; bar++) {
      long b = bar * 288L;
      for (int i = 0; i < 3; i++) {
        long at = b + i * 96L;
        text(t, at, 0x05, syllables[(bar * 3 + i) % syllables.length]);
        note(t, 0, tune[(bar + i) % tune.length] + 12, 70 + i * 10, at, 90, false);
      }
      for (int k : new int[] {50, 53, 57}) {
        note(t, 1, k + (bar % 2) * 2, 60, b, 280, false);
      }
      note(t, 9, 36, 110, b, 30, true);
      note(t, 9, 38, 90, b + 144, 30, true);
      for (int e = 0; e < 6; e++) {
        note(t, 9, 42, 60 + (e % 3 == 0 ? 30 : 0), b + e * 48L, 20, true);
      }
    }
    t.add(new MidiEvent(eot(), 2304));
    return s;
  }

  /** 96 PPQ, GM reset sysex, and a new tempo on every beat from 60 to 180 BPM over 32 beats. */
  static Sequence tempoRamp() throws InvalidMidiDataException {
    Sequence s = new Sequence(Sequence.PPQ, 96);
    Track conductor = s.createTrack();
    byte[] gmOn = {(byte) 0xF0, 0x7E, 0x7F, 0x09, 0x01, (byte) 0xF7};
    conductor.add(new MidiEvent(new SysexMessage(gmOn, gmOn.length), 0));
    for (int beat = 0; beat < 32; beat++) {
      tempo(conductor, beat * 96L, (int) Math.round(60_000_000.0 / (60 + beat * 120.0 / 31)));
    }
    Track melody = named(s, "Scale");
    Track hats = named(s, "Hats");
    int[] scale = {60, 62, 64, 65, 67, 69, 71, 72};
    for (int i = 0; i < 64; i++) {
      note(melody, 0, scale[i % 8] + (i / 8 % 2) * 12, 100, i * 48L, 40, false);
      note(hats, 9, 42, 80, i * 48L, 10, true);
    }
    return s;
  }

  /** SMPTE 25 fps x 40 ticks per frame (1 tick = 1 ms): notes every 250 ms for 4 s. */
  static Sequence smpte25() throws InvalidMidiDataException {
    Sequence s = new Sequence(Sequence.SMPTE_25, 40);
    Track conductor = s.createTrack();
    text(conductor, 0, 0x03, "SMPTE 25 fps");
    Track t = named(s, "Clock");
    for (int i = 0; i < 16; i++) {
      note(t, 0, 72 + i % 4, 100, i * 250L, 125, false);
    }
    conductor.add(new MidiEvent(eot(), 4000));
    t.add(new MidiEvent(eot(), 4000));
    return s;
  }

  private static byte[] write(Sequence s, int type) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      MidiSystem.write(s, type, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Track named(Sequence s, String name) throws InvalidMidiDataException {
    Track t = s.createTrack();
    text(t, 0, 0x03, name);
    return t;
  }

  private static void note(Track t, int ch, int key, int vel, long start, long length, boolean offIsZeroVelocity)
      throws InvalidMidiDataException {
    msg(t, start, ShortMessage.NOTE_ON, ch, key, vel);
    if (offIsZeroVelocity) {
      msg(t, start + length, ShortMessage.NOTE_ON, ch, key, 0);
    } else {
      msg(t, start + length, ShortMessage.NOTE_OFF, ch, key, 64);
    }
  }

  private static void cc(Track t, long tick, int ch, int controller, int value) throws InvalidMidiDataException {
    msg(t, tick, ShortMessage.CONTROL_CHANGE, ch, controller, value);
  }

  private static void msg(Track t, long tick, int command, int ch, int d1, int d2) throws InvalidMidiDataException {
    t.add(new MidiEvent(new ShortMessage(command, ch, d1, d2), tick));
  }

  private static void tempo(Track t, long tick, int micros) throws InvalidMidiDataException {
    meta(t, tick, 0x51, micros >> 16 & 0xFF, micros >> 8 & 0xFF, micros & 0xFF);
  }

  private static void text(Track t, long tick, int type, String text) throws InvalidMidiDataException {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    t.add(new MidiEvent(new MetaMessage(type, b, b.length), tick));
  }

  private static void meta(Track t, long tick, int type, int... data) throws InvalidMidiDataException {
    byte[] b = new byte[data.length];
    for (int i = 0; i < data.length; i++) {
      b[i] = (byte) data[i];
    }
    t.add(new MidiEvent(new MetaMessage(type, b, b.length), tick));
  }

  private static MetaMessage eot() throws InvalidMidiDataException {
    return new MetaMessage(0x2F, new byte[0], 0);
  }
}
