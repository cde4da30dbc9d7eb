package org.patchwork.sequencer.internal;

import java.util.List;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.Humanize;
import org.patchwork.sequencer.Instrument;
import org.patchwork.sequencer.Line;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.ParamTarget;
import org.patchwork.sequencer.SongEvent;
import org.patchwork.sequencer.SongTrack;

/**
 * One tracker track while a song plays: its note columns' sounding notes, its volume, panning,
 * parameter slots and effect memory, and the effect commands of the line being played, applied
 * tick by tick (docs/effect-commands.md is the specification of every case here).
 */
final class TrackPlayer {

  /** The largest bend either way, in semitones. */
  static final double MAX_BEND = 48;
  private static final Rational DELAY_STEPS = Rational.of(256);

  private final int index;
  private final Column[] columns = new Column[16];
  private final int[] memory = new int[128];
  private final char[] fx = new char[8];
  private final int[] fxValue = new int[8];
  private final double[] slot = new double[SongTrack.SLOTS];
  private final boolean[] slotSet = new boolean[SongTrack.SLOTS];
  private final double[] slideFrom = new double[SongTrack.SLOTS];
  private int fxCount;
  private SongTrack def;
  private double volume = 1;
  private double pan;
  private boolean volumeSet;
  private boolean panSet;
  private double sentVolume = Double.NaN;
  private double sentPan = Double.NaN;
  private double vibratoPhase;
  private double tremoloPhase;
  private boolean arpeggio;
  private boolean vibrato;
  private boolean tremolo;
  private int sampleOffset;

  /** A note column's sounding note. */
  private static final class Column {
    boolean sounding;
    String output;
    int noteId;
    int key;
    double velocity;
    /** Bend from portamento, semitones; arpeggio and vibrato add to it without changing it. */
    double bend;
    /** The bend last sent. */
    double shown;
    long onFrame;
    /** Tone portamento's goal relative to the key, or NaN. */
    double target = Double.NaN;
  }

  TrackPlayer(int index) {
    this.index = index;
    for (int c = 0; c < columns.length; c++) {
      columns[c] = new Column();
    }
  }

  /**
   * Reads a line at its tick 0: effect values (with memory), notes, note-offs, volume and
   * panning columns, then the effects' tick 0.
   */
  void startLine(Emitter p, SongTrack track, List<Instrument> instruments, Humanize humanize, Line line,
      int order, int lineIndex, boolean audible) {
    def = track;
    fxCount = 0;
    boolean hasArpeggio = false;
    boolean hasVibrato = false;
    boolean hasTremolo = false;
    boolean tone = false;
    int noteDelay = 0;
    sampleOffset = -1;
    for (int c = 0; c < track.effectColumns(); c++) {
      EffectCell e = line.effect(c);
      if (e.isEmpty()) {
        continue;
      }
      int v = resolve(e.command(), e.value());
      fx[fxCount] = e.command();
      fxValue[fxCount++] = v;
      switch (e.command()) {
        case '0' -> hasArpeggio |= v != 0;
        case '4' -> hasVibrato = true;
        case '7' -> hasTremolo = true;
        case '3' -> tone = true;
        case 'Y' -> noteDelay = v;
        case '9' -> sampleOffset = v & 0xFF;
        default -> { }
      }
    }
    long lineFrame = p.frameAt(p.groove());
    if (arpeggio && !hasArpeggio || vibrato && !hasVibrato) {
      // The effect ended: back to the portamento pitch.
      for (Column col : columns) {
        if (col.sounding) {
          bend(p, col, col.bend, lineFrame);
        }
      }
    }
    arpeggio = hasArpeggio;
    vibrato = hasVibrato;
    if (tremolo && !hasTremolo) {
      sendVolume(p, volume, lineFrame);
    }
    tremolo = hasTremolo;

    int tpl = p.ticksPerLine();
    for (int c = 0; c < track.noteColumns(); c++) {
      NoteCell n = line.note(c);
      if (n.isEmpty()) {
        continue;
      }
      Column col = columns[c];
      Rational at = p.groove().add(Rational.of(noteDelay, tpl)).add(Rational.of(n.delay()).divide(DELAY_STEPS));
      if (n.isNote() && humanize.timing().signum() != 0) {
        int step = Humanizer.timingStep(humanize.seed(), order, lineIndex, index, c);
        at = at.add(Rational.of(humanize.timing()).multiply(Rational.of(step, Humanizer.STEPS)));
      }
      long f = p.frameAt(at);
      if (n.key() == NoteCell.OFF) {
        release(p, col, f);
      } else if (n.isNote()) {
        if (tone && col.sounding) {
          col.target = n.key() - col.key;
        } else {
          release(p, col, f);
          if (audible) {
            double velocity = n.volume() >= 0 ? n.volume() / 128.0 : 1.0;
            if (humanize.velocity().signum() != 0) {
              velocity *= 1 - humanize.velocity().doubleValue()
                  * Humanizer.velocityUnit(humanize.seed(), order, lineIndex, index, c);
            }
            String out = n.instrument() >= 0 && n.instrument() < instruments.size()
                ? instruments.get(n.instrument()).output() : track.output();
            start(p, col, out, n.key(), velocity, f);
          }
        }
      }
      if (n.pan() >= 0) {
        pan = (n.pan() - 64) / 64.0;
        panSet = true;
        sendPan(p, f);
      }
      if (n.volume() >= 0 && !n.isNote()) {
        volume = n.volume() / 128.0;
        volumeSet = true;
        sendVolume(p, volume, f);
      }
    }
    tick(p, 0);
  }

  private void start(Emitter p, Column col, String output, int key, double velocity, long f) {
    if (sampleOffset >= 0) {
      p.emit(new SongEvent(f, SongEvent.Kind.SAMPLE_OFFSET, index, "", -1, -1, sampleOffset / 256.0, "", ""));
    }
    int id = p.nextNoteId();
    p.emit(new SongEvent(f, SongEvent.Kind.NOTE_ON, index, output, id, key, velocity, "", ""));
    col.sounding = true;
    col.output = output;
    col.noteId = id;
    col.key = key;
    col.velocity = velocity;
    col.bend = 0;
    col.shown = 0;
    col.onFrame = f;
    col.target = Double.NaN;
    vibratoPhase = 0;
    tremoloPhase = 0;
  }

  /** Applies the line's effects at tick {@code t}. */
  void tick(Emitter p, int t) {
    int tpl = p.ticksPerLine();
    long f = p.frameAt(p.groove().add(Rational.of(t, tpl)));
    for (int i = 0; i < fxCount; i++) {
      int v = fxValue[i];
      int x = v >> 4 & 0xF;
      int y = v & 0xF;
      switch (fx[i]) {
        case '0' -> {
          if (v != 0) {
            int offset = t % 3 == 0 ? 0 : t % 3 == 1 ? x : y;
            for (Column col : columns) {
              if (col.sounding) {
                bend(p, col, col.bend + offset, f);
              }
            }
          }
        }
        case '1', '2' -> {
          if (t > 0) {
            double step = (fx[i] == '1' ? v : -v) / 16.0;
            for (Column col : columns) {
              if (col.sounding) {
                col.bend = clampBend(col.bend + step);
                bend(p, col, col.bend, f);
              }
            }
          }
        }
        case '3' -> {
          if (t > 0) {
            for (Column col : columns) {
              if (col.sounding && !Double.isNaN(col.target)) {
                double step = v / 16.0;
                double d = col.target - col.bend;
                col.bend = Math.abs(d) <= step ? col.target : col.bend + Math.copySign(step, d);
                bend(p, col, col.bend, f);
              }
            }
          }
        }
        case '4' -> {
          double depth = y / 16.0 * Math.sin(2 * Math.PI * vibratoPhase);
          for (Column col : columns) {
            if (col.sounding) {
              bend(p, col, col.bend + depth, f);
            }
          }
          vibratoPhase = (vibratoPhase + x / 64.0) % 1.0;
        }
        case '7' -> {
          sendVolume(p, clamp(volume + y / 32.0 * Math.sin(2 * Math.PI * tremoloPhase), 0, 1), f);
          tremoloPhase = (tremoloPhase + x / 64.0) % 1.0;
        }
        case '8' -> {
          if (t == 0) {
            pan = (Math.min(v, 128) - 64) / 64.0;
            panSet = true;
            sendPan(p, f);
          }
        }
        case 'A' -> {
          if (t > 0) {
            volume = clamp(volume + (x > 0 ? x : -y) / 64.0, 0, 1);
            volumeSet = true;
            sendVolume(p, volume, f);
          }
        }
        case 'C' -> {
          if (t == 0) {
            volume = Math.min(v, 128) / 128.0;
            volumeSet = true;
            sendVolume(p, volume, f);
          }
        }
        case 'M' -> {
          if (t == 0) {
            setSlot(p, v >> 8 & 0xF, v & 0xFF, f);
          }
        }
        case 'N' -> slide(p, v >> 8 & 0xF, v & 0xFF, t, tpl, f);
        case 'P' -> {
          if (t > 0) {
            pan = clamp(pan + (x > 0 ? x : -y) / 64.0, -1, 1);
            panSet = true;
            sendPan(p, f);
          }
        }
        case 'Q' -> {
          if (v > 0 && t > 0 && t % v == 0) {
            for (Column col : columns) {
              if (col.sounding) {
                double kept = col.bend;
                release(p, col, f);
                start(p, col, col.output, col.key, col.velocity, Math.max(f, col.onFrame + 1));
                col.bend = kept;
                bend(p, col, kept, col.onFrame);
              }
            }
          }
        }
        case 'X' -> {
          if (t == v) {
            for (Column col : columns) {
              release(p, col, f);
            }
          }
        }
        default -> { }
      }
    }
  }

  private void setSlot(Emitter p, int s, int value, long f) {
    ParamTarget target = def.slots().get(s);
    if (target == null) {
      return;
    }
    slot[s] = target.at(value / 255.0);
    slotSet[s] = true;
    p.emit(new SongEvent(f, SongEvent.Kind.PARAMETER, index, "", -1, -1, slot[s], target.node(), target.parameter()));
  }

  private void slide(Emitter p, int s, int value, int t, int tpl, long f) {
    ParamTarget target = def.slots().get(s);
    if (target == null) {
      return;
    }
    if (t == 0) {
      slideFrom[s] = slotSet[s] ? slot[s] : target.at(0);
      if (tpl > 1) {
        return;
      }
    }
    double to = target.at(value / 255.0);
    double v = tpl == 1 ? to : slideFrom[s] + (to - slideFrom[s]) * t / (tpl - 1);
    slot[s] = v;
    slotSet[s] = true;
    p.emit(new SongEvent(f, SongEvent.Kind.PARAMETER, index, "", -1, -1, v, target.node(), target.parameter()));
  }

  private void bend(Emitter p, Column col, double semitones, long f) {
    double v = clampBend(semitones);
    if (v != col.shown) {
      col.shown = v;
      p.emit(new SongEvent(Math.max(f, col.onFrame), SongEvent.Kind.NOTE_EXPRESSION, index, col.output, col.noteId,
          col.key, v, "", ""));
    }
  }

  private void sendVolume(Emitter p, double v, long f) {
    if (v != sentVolume) {
      sentVolume = v;
      p.emit(new SongEvent(f, SongEvent.Kind.VOLUME, index, "", -1, -1, v, "", ""));
    }
  }

  private void sendPan(Emitter p, long f) {
    if (pan != sentPan) {
      sentPan = pan;
      p.emit(new SongEvent(f, SongEvent.Kind.PAN, index, "", -1, -1, pan, "", ""));
    }
  }

  private void release(Emitter p, Column col, long f) {
    if (col.sounding) {
      col.sounding = false;
      p.emit(new SongEvent(Math.max(f, col.onFrame + 1), SongEvent.Kind.NOTE_OFF, index, col.output, col.noteId,
          col.key, 0, "", ""));
    }
  }

  /** Releases every sounding note at {@code f} (song end, stop, track changes). */
  void releaseAll(Emitter p, long f) {
    for (Column col : columns) {
      release(p, col, f);
    }
  }

  /**
   * After a chase: forgets notes (they are not resumed mid-way) and running effects, and sends
   * the volume, panning and parameter slots the chase set, at frame {@code f}.
   */
  void restate(Emitter p, long f) {
    for (Column col : columns) {
      col.sounding = false;
    }
    arpeggio = false;
    vibrato = false;
    tremolo = false;
    sentVolume = Double.NaN;
    sentPan = Double.NaN;
    if (volumeSet) {
      sendVolume(p, volume, f);
    }
    if (panSet) {
      sendPan(p, f);
    }
    for (int s = 0; s < SongTrack.SLOTS; s++) {
      ParamTarget target = def == null ? null : def.slots().get(s);
      if (slotSet[s] && target != null) {
        p.emit(new SongEvent(f, SongEvent.Kind.PARAMETER, index, "", -1, -1, slot[s], target.node(),
            target.parameter()));
      }
    }
  }

  /** The value of an effect after memory: 0 repeats the last value of slides, portamento, vibrato, tremolo, retrigger. */
  private int resolve(char command, int v) {
    switch (command) {
      case '1', '2', '3', 'A', 'P', 'Q' -> {
        if (v == 0) {
          return memory[command];
        }
        memory[command] = v;
        return v;
      }
      case '4', '7' -> {
        int last = memory[command];
        int x = (v >> 4 & 0xF) == 0 ? last >> 4 & 0xF : v >> 4 & 0xF;
        int y = (v & 0xF) == 0 ? last & 0xF : v & 0xF;
        memory[command] = x << 4 | y;
        return memory[command];
      }
      default -> {
        return v;
      }
    }
  }

  private static double clampBend(double v) {
    return clamp(v, -MAX_BEND, MAX_BEND);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
