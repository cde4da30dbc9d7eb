package org.patchwork.sequencer.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.Line;
import org.patchwork.sequencer.Pattern;
import org.patchwork.sequencer.PlayOptions;
import org.patchwork.sequencer.Playhead;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongEvent;
import org.patchwork.sequencer.SongPosition;

/**
 * Plays a song tick by tick, as a tracker does, and places every event at its exact frame.
 *
 * <p>Time is exact: a line lasts {@code 60·rate / (bpm·lpb)} frames as a fraction, lines add up
 * as fractions, and an event at a fraction {@code x} of a line (tick, groove, delay column,
 * note-delay command, humanize) is at {@code lineStart + x·lineLength}. Only that final value
 * is rounded, half to even, so nothing drifts however long the song is. Grooves, delays and
 * humanize only ever delay, so the events of a tick are never earlier than the tick itself:
 * the live sequencer can hand out a tick's events without looking ahead.
 *
 * <p>Tempo ({@code T}), speed ({@code F}) and lines per beat ({@code Z}) change at the start of
 * their line; position jump ({@code B}), pattern break ({@code D}) and pattern loop ({@code L})
 * act at its end. Not thread-safe: one thread plays it.
 */
public final class Player implements Emitter {

  private static final Rational SIXTY = Rational.of(60);
  /** Steps of a bpm that the tempo fraction command {@code Wxxxx} counts in. */
  private static final long TEMPO_FRACTION = 65_536;
  private static final Rational MAX_BPM = Rational.of(999);

  private final Rational rate;
  private final int interval;
  private final long maxFrames;
  private final boolean endOnRevisit;
  /** Whether frames count {@code 1/rate} of a beat instead of a second (see {@link #Player(Song, PlayOptions, boolean)}). */
  private final boolean beats;
  private final List<SongEvent> out = new ArrayList<>();
  private final List<Playhead> rows = new ArrayList<>();
  private final Set<Long> visited = new HashSet<>();
  private final Automator automator;
  private Song song;
  private Song nextSong;
  /** Lines before each order index in order-list layout: the envelope coordinate. */
  private long[] layout;
  private TrackPlayer[] tracks;
  private SongPosition loopFrom;
  private SongPosition loopTo;
  private boolean patternLoop;
  private int order;
  private int line;
  private int tick;
  private boolean ended;
  private boolean chasing;
  private Rational lineStart = Rational.ZERO;
  private Rational lineLength = Rational.ONE;
  private Rational groove = Rational.ZERO;
  private Rational bpm;
  private Rational sentBpm;
  private int lpb;
  private int tpl;
  private int loopStart;
  private int loopCount;
  private int noteIds;

  /** A player at {@code options.start()}, its state chased from the song's start. */
  public Player(Song song, PlayOptions options) {
    this(song, options, false);
  }

  /**
   * As {@link #Player(Song, PlayOptions)}; with {@code beats} the clock counts
   * {@code options.sampleRate()} frames per beat whatever the tempo (tempo commands still
   * report their bpm as {@code TEMPO} events but do not change where anything is): the exact
   * musical position of every event, for writing MIDI files.
   */
  public Player(Song song, PlayOptions options, boolean beats) {
    this.beats = beats;
    this.song = song;
    this.rate = Rational.of(BigDecimal.valueOf(options.sampleRate()));
    this.interval = options.automationInterval();
    this.maxFrames = options.maxFrames();
    this.endOnRevisit = options.endOnRevisit();
    this.automator = new Automator(interval);
    this.layout = layout(song);
    reset();
    SongPosition start = options.start();
    if (!start.equals(SongPosition.START) && !chase(start)) {
      // The start is never reached from the song's start (skipped by a jump): start there afresh.
      reset();
      order = start.order();
      line = start.line();
    }
    loopFrom = options.loopFrom();
    loopTo = options.loopTo();
    patternLoop = options.patternLoop();
    if (order >= song.order().size() || line >= song.patternAt(order).length()) {
      ended = true;
    }
  }

  private void reset() {
    order = 0;
    line = 0;
    tick = 0;
    ended = song.order().isEmpty();
    lineStart = Rational.ZERO;
    bpm = Rational.of(song.settings().bpm());
    sentBpm = null;
    lpb = song.settings().linesPerBeat();
    tpl = song.settings().ticksPerLine();
    loopStart = 0;
    loopCount = 0;
    tracks = new TrackPlayer[song.tracks().size()];
    for (int t = 0; t < tracks.length; t++) {
      tracks[t] = new TrackPlayer(t);
    }
    visited.clear();
    automator.envelopes(song.automation());
    automator.forget();
  }

  /** Plays silently up to {@code start}; then frame 0 is its start. @return false if never reached */
  private boolean chase(SongPosition start) {
    chasing = true;
    try {
      while (!ended) {
        if (tick == 0 && order == start.order() && line == start.line()) {
          break;
        }
        tick();
      }
    } finally {
      chasing = false;
    }
    if (ended) {
      return false;
    }
    lineStart = Rational.ZERO;
    visited.clear();
    sentBpm = null;
    automator.forget();
    for (TrackPlayer t : tracks) {
      t.restate(this, 0);
    }
    return true;
  }

  /**
   * Plays the next tick; events go to {@link #drain}. A new song given to {@link #song(Song)}
   * takes over at the next line.
   */
  public void tick() {
    if (ended) {
      return;
    }
    if (tick == 0) {
      startLine();
      if (ended) {
        return;
      }
    } else {
      for (TrackPlayer t : tracks) {
        t.tick(this, tick);
      }
    }
    if (++tick >= tpl) {
      tick = 0;
      lineStart = lineStart.add(lineLength);
      endLine();
    }
  }

  private void startLine() {
    if (nextSong != null) {
      adopt(nextSong);
      nextSong = null;
    }
    if (order >= song.order().size() || line >= song.patternAt(order).length()
        || lineStart.compareTo(Rational.of(maxFrames)) >= 0) {
      finish();
      return;
    }
    int patternIndex = song.order().get(order);
    Pattern pattern = song.patterns().get(patternIndex);
    visited.add((long) order << 32 | line);
    // Speed, tempo and lines per beat of this line act from its first tick.
    int whole = 0;
    int fraction = -1;
    for (int t = 0; t < tracks.length; t++) {
      Line l = pattern.line(t, line);
      for (int c = 0; c < song.tracks().get(t).effectColumns(); c++) {
        EffectCell e = l.effect(c);
        switch (e.command()) {
          case 'F' -> tpl = e.value() == 0 ? tpl : Math.min(e.value(), 255);
          case 'T' -> whole = e.value() == 0 ? whole : Math.min(e.value(), 999);
          case 'W' -> fraction = e.value();
          case 'Z' -> lpb = e.value() == 0 ? lpb : Math.min(e.value(), 256);
          default -> { }
        }
      }
    }
    if (whole > 0 || fraction >= 0) {
      // Txx sets the whole bpm; Wxxxx adds xxxx/65536 to it (or to the whole part playing).
      Rational base = whole > 0 ? Rational.of(whole) : Rational.of(bpm.floor());
      Rational next = fraction >= 0 ? base.add(Rational.of(fraction, TEMPO_FRACTION)) : base;
      bpm = next.compareTo(MAX_BPM) > 0 ? MAX_BPM : next;
    }
    lineLength = beats ? rate.divide(Rational.of(lpb)) : SIXTY.multiply(rate).divide(bpm.multiply(Rational.of(lpb)));
    List<BigDecimal> g = song.settings().groove();
    groove = g.isEmpty() ? Rational.ZERO : Rational.of(g.get(line % g.size()));
    if (!bpm.equals(sentBpm)) {
      sentBpm = bpm;
      emit(new SongEvent(frameAt(Rational.ZERO), SongEvent.Kind.TEMPO, -1, "", -1, -1, bpm.doubleValue(), "", ""));
    }
    if (!chasing) {
      rows.add(new Playhead(order, patternIndex, line, frameAt(Rational.ZERO)));
    }
    for (int t = 0; t < tracks.length; t++) {
      tracks[t].startLine(this, song.tracks().get(t), song.instruments(), song.settings().humanize(),
          pattern.line(t, line), order, line, song.audible(t));
    }
    automator.line(this, lineStart, lineLength, layout[order] + line);
  }

  /** Works out the next line from flow commands, loops and the order list. */
  private void endLine() {
    Pattern pattern = song.patternAt(order);
    int jumpOrder = -1;
    int breakLine = -1;
    int loop = -1;
    for (int t = 0; t < tracks.length; t++) {
      Line l = pattern.line(t, line);
      for (int c = 0; c < song.tracks().get(t).effectColumns(); c++) {
        EffectCell e = l.effect(c);
        switch (e.command()) {
          case 'B' -> jumpOrder = e.value();
          case 'D' -> breakLine = e.value();
          case 'L' -> loop = loop < 0 ? e.value() : loop;
          default -> { }
        }
      }
    }
    int nextOrder = line + 1 < pattern.length() ? order : order + 1;
    int nextLine = line + 1 < pattern.length() ? line + 1 : 0;
    boolean jumped = false;
    boolean looped = false;
    if (loop == 0) {
      loopStart = line;
    } else if (loop > 0) {
      if (loopCount == 0) {
        loopCount = loop;
        looped = true;
      } else if (--loopCount > 0) {
        looped = true;
      } else {
        loopStart = line + 1;
      }
      if (looped) {
        nextOrder = order;
        nextLine = loopStart;
      }
    }
    if (!looped && (jumpOrder >= 0 || breakLine >= 0)) {
      nextOrder = jumpOrder >= 0 ? jumpOrder : order + 1;
      nextLine = breakLine >= 0 ? breakLine : 0;
      jumped = true;
    }
    if (loopTo != null && !jumped && !looped && nextOrder == loopTo.order() && nextLine == loopTo.line()) {
      nextOrder = loopFrom.order();
      nextLine = loopFrom.line();
    } else if (patternLoop && nextOrder != order) {
      nextOrder = order;
      nextLine = 0;
    } else if (jumped && (endOnRevisit || chasing) && visited.contains((long) nextOrder << 32 | nextLine)) {
      finish();
      return;
    }
    if (nextOrder < song.order().size() && nextLine >= song.patternAt(nextOrder).length()) {
      nextLine = 0;
    }
    if (nextOrder != order) {
      loopStart = 0;
      loopCount = 0;
    }
    order = nextOrder;
    line = nextLine;
    if (order >= song.order().size()) {
      finish();
    }
  }

  private void finish() {
    ended = true;
    long end = frameAt(Rational.ZERO);
    for (TrackPlayer t : tracks) {
      t.releaseAll(this, end);
    }
  }

  private void adopt(Song next) {
    if (next.tracks().size() != tracks.length) {
      long f = frameAt(Rational.ZERO);
      for (TrackPlayer t : tracks) {
        t.releaseAll(this, f);
      }
      TrackPlayer[] grown = new TrackPlayer[next.tracks().size()];
      for (int t = 0; t < grown.length; t++) {
        grown[t] = t < tracks.length ? tracks[t] : new TrackPlayer(t);
      }
      tracks = grown;
    }
    song = next;
    layout = layout(next);
    automator.envelopes(next.automation());
  }

  private static long[] layout(Song s) {
    long[] lines = new long[s.order().size() + 1];
    for (int i = 0; i < s.order().size(); i++) {
      lines[i + 1] = lines[i] + s.patternAt(i).length();
    }
    return lines;
  }

  /** Plays {@code next} from the next line on (live edits). */
  public void song(Song next) {
    nextSong = next;
  }

  /** Changes the loop range (both null for none). */
  public void loop(SongPosition from, SongPosition to) {
    loopFrom = from;
    loopTo = to;
  }

  /** Turns repeating the playing pattern on or off. */
  public void patternLoop(boolean on) {
    patternLoop = on;
  }

  /** Stops now: every sounding note is released at the current tick's frame. */
  public void stop() {
    if (!ended) {
      ended = true;
      long f = tickFrame();
      for (TrackPlayer t : tracks) {
        t.releaseAll(this, f);
      }
    }
  }

  /** Events produced since the last call, in the order produced (not sorted). */
  public List<SongEvent> drain() {
    List<SongEvent> copy = List.copyOf(out);
    out.clear();
    return copy;
  }

  /** Lines started so far, in playing order. */
  public List<Playhead> rows() {
    return rows;
  }

  /** Whether the song has ended (or was stopped). */
  public boolean ended() {
    return ended;
  }

  /** The frame at which the next tick starts, groove not included; the song's end once ended. */
  public long tickFrame() {
    return lineStart.add(lineLength.multiply(Rational.of(tick, tpl))).roundHalfEven();
  }

  /** The order index and line of the line playing (or next to play). */
  public SongPosition position() {
    return new SongPosition(order, line);
  }

  public double bpm() {
    return bpm.doubleValue();
  }

  public int linesPerBeat() {
    return lpb;
  }

  @Override
  public int ticksPerLine() {
    return tpl;
  }

  @Override
  public long frameAt(Rational fraction) {
    return lineStart.add(fraction.multiply(lineLength)).roundHalfEven();
  }

  @Override
  public Rational groove() {
    return groove;
  }

  @Override
  public void emit(SongEvent event) {
    if (!chasing) {
      out.add(event);
    }
  }

  @Override
  public int nextNoteId() {
    return noteIds++;
  }
}
