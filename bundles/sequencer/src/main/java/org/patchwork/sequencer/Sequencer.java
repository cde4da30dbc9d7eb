package org.patchwork.sequencer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sdk.sequencer.SequencerEvent;
import org.patchwork.sdk.sequencer.SequencerService;
import org.patchwork.sdk.sequencer.SequencerSnapshot;
import org.patchwork.sequencer.internal.Player;
import org.patchwork.sequencer.internal.Rational;

/**
 * The live sequencer: owns a song through its {@link SongEditor} (edits, undo, journal), runs
 * the transport (play, play from a line, stop, loop range, pattern loop, follow) and hands out
 * the song's events tick by tick with their exact frames ({@link #renderTicks}).
 *
 * <pre>{@code
 * Sequencer seq = new Sequencer(48_000);
 * seq.edit(new Edit.AddTrack(0, SongTrack.of("Lead", "lead")));   // ...
 * seq.playFrom(new SongPosition(2, 16));
 * long frames = seq.renderTicks(6, event -> ring.publish(event));  // sequencer thread
 * Playhead where = seq.transport().playhead();                      // any thread
 * }</pre>
 *
 * <p>Frames count from the start of the play. Edits made while playing take effect from the
 * next line. A tick's events are handed out once the frames up to the next tick are rendered;
 * grooves, delays and humanize only delay, so no event is ever late.
 *
 * <p>Thread: the sequencer thread for everything except {@link #schedule}, {@link #snapshot} and
 * {@link #transport}, which any thread may call.
 */
@ProviderType
public final class Sequencer implements SequencerService {

  /** Live events {@link #schedule} holds at most before it refuses more. */
  public static final int QUEUE_CAPACITY = 4096;
  /** Lines played that {@link #lineAt} remembers. */
  public static final int ROW_HISTORY = 1024;

  private final double sampleRate;
  private final SongEditor editor;
  private final ConcurrentLinkedQueue<SequencerEvent> scheduled = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final List<SequencerEvent> held = new ArrayList<>();
  private final PriorityQueue<Pending> pending = new PriorityQueue<>();
  private final Set<Integer> sounding = new HashSet<>();
  private final ArrayDeque<Playhead> history = new ArrayDeque<>();
  private Player player;
  private boolean stopping;
  private long sequence;
  private long frame;
  private Rational idleClock = Rational.ZERO;
  private Playhead playhead;
  private SongPosition loopFrom;
  private SongPosition loopTo;
  private boolean patternLoop;
  private boolean follow = true;
  private volatile SequencerSnapshot snapshot;
  private volatile TransportSnapshot transport;

  private record Pending(SongEvent event, long sequence) implements Comparable<Pending> {
    @Override
    public int compareTo(Pending o) {
      int c = SongCompiler.ORDER.compare(event, o.event);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  /** A stopped sequencer of an empty song. */
  public Sequencer(double sampleRate) {
    this(sampleRate, new SongEditor());
  }

  /**
   * A stopped sequencer editing through {@code editor}.
   *
   * @throws IllegalArgumentException for a sample rate outside 8000..384000 Hz
   */
  public Sequencer(double sampleRate, SongEditor editor) {
    PlayOptions.at(sampleRate); // checks the rate with PlayOptions' message
    this.sampleRate = sampleRate;
    this.editor = editor;
    publish();
  }

  // ---- editing ----

  /** The editor: song, journal, undo depth. */
  public SongEditor editor() {
    return editor;
  }

  /** The song now. */
  public Song song() {
    return editor.song();
  }

  /**
   * Makes an edit (or an undo/redo step); while playing it is heard from the next line.
   *
   * @throws IllegalArgumentException if it does not fit the song; nothing changes
   */
  public Song edit(Edit edit) {
    Song s = editor.step(edit);
    songChanged();
    return s;
  }

  /** Undoes the last edit. @return false if there was none */
  public boolean undo() {
    boolean done = editor.undo();
    songChanged();
    return done;
  }

  /** Redoes the last undone edit. @return false if there was none */
  public boolean redo() {
    boolean done = editor.redo();
    songChanged();
    return done;
  }

  private void songChanged() {
    if (player != null) {
      player.song(editor.song());
    }
    publish();
  }

  // ---- transport ----

  /** Plays from the song's start. */
  public void play() {
    playFrom(SongPosition.START);
  }

  /** Plays from {@code position}, its state (tempo, volumes, slots) chased from the start. */
  public void playFrom(SongPosition position) {
    PlayOptions o = new PlayOptions(sampleRate, position, loopFrom, loopTo, patternLoop,
        PlayOptions.DEFAULT_AUTOMATION_INTERVAL, Long.MAX_VALUE, false);
    // Notes of a play being replaced are released at the new play's first frame.
    List<SongEvent> carried = new ArrayList<>();
    if (player != null) {
      for (SongEvent e : flushStop()) {
        if (e.kind() == SongEvent.Kind.NOTE_OFF) {
          carried.add(at(e, 0));
        }
      }
    }
    player = new Player(editor.song(), o);
    pending.clear();
    sounding.clear();
    history.clear();
    frame = 0;
    playhead = null;
    queue(carried);
    queue(player.drain());
    publish();
  }

  /** Stops: sounding notes are released at the start of the next rendered ticks. */
  public void stop() {
    if (player != null) {
      stopping = true;
    }
  }

  /**
   * Loops {@code from} up to {@code to} (exclusive); both null to stop looping.
   *
   * @throws IllegalArgumentException if only one is given or {@code from} is not before {@code to}
   */
  public void loop(SongPosition from, SongPosition to) {
    PlayOptions.at(sampleRate).looping(from, to, 0); // checks the range with PlayOptions' messages
    loopFrom = from;
    loopTo = to;
    if (player != null) {
      player.loop(from, to);
    }
    publish();
  }

  /** Repeats the playing pattern, or goes on through the order list again. */
  public void patternLoop(boolean on) {
    patternLoop = on;
    if (player != null) {
      player.patternLoop(on);
    }
    publish();
  }

  /** Whether editors should follow the playhead (a flag for the UI). */
  public void follow(boolean on) {
    follow = on;
    publish();
  }

  /** Whether the transport plays. */
  public boolean playing() {
    return player != null;
  }

  // ---- rendering ----

  @Override
  public boolean schedule(SequencerEvent event) {
    if (event == null || queued.incrementAndGet() > QUEUE_CAPACITY) {
      queued.decrementAndGet();
      return false;
    }
    scheduled.add(event);
    return true;
  }

  @Override
  public long renderTicks(int ticks, SequencerEvent.Sink sink) {
    List<SongEvent> songEvents = new ArrayList<>();
    long start = frame;
    boolean wasPlaying = player != null;
    long end = advance(ticks, songEvents::add);
    List<SequencerEvent> live = due(end);
    int i = 0;
    for (SongEvent e : songEvents) {
      while (i < live.size() && live.get(i).frame() < e.frame()) {
        sink.accept(live.get(i++));
      }
      sink.accept(toSdk(e));
    }
    while (i < live.size()) {
      sink.accept(live.get(i++));
    }
    if (wasPlaying && player == null) {
      sink.accept(new SequencerEvent(end, SequencerEvent.Kind.STOP, 0, -1, 0, "", 0));
    }
    return end - start;
  }

  /**
   * Advances {@code ticks} ticks and hands the song's events up to the next tick's frame to
   * {@code sink} in frame order. Stopped, the clock still runs at the song's tempo.
   *
   * @return the frame reached
   */
  public long advance(int ticks, Consumer<SongEvent> sink) {
    if (ticks < 0) {
      throw new IllegalArgumentException("ticks must be at least 0: " + ticks);
    }
    if (player == null) {
      SongSettings s = editor.song().settings();
      Rational tick = Rational.of(60).multiply(Rational.of(java.math.BigDecimal.valueOf(sampleRate)))
          .divide(Rational.of(s.bpm()).multiply(Rational.of((long) s.linesPerBeat() * s.ticksPerLine())));
      idleClock = idleClock.add(tick.multiply(ticks));
      frame = idleClock.roundHalfEven();
      publish();
      return frame;
    }
    if (stopping) {
      for (SongEvent e : flushStop()) {
        send(e, sink);
      }
      publish();
      return frame;
    }
    for (int t = 0; t < ticks && !player.ended(); t++) {
      player.tick();
      queue(player.drain());
    }
    long end = player.tickFrame();
    boolean ended = player.ended();
    while (!pending.isEmpty() && (ended || pending.peek().event().frame() < end)) {
      send(pending.poll().event(), sink);
    }
    List<Playhead> rows = player.rows();
    if (!rows.isEmpty()) {
      playhead = rows.getLast();
      for (Playhead row : rows) {
        if (history.size() == ROW_HISTORY) {
          history.removeFirst();
        }
        history.addLast(row);
      }
      rows.clear();
    }
    frame = end;
    if (ended) {
      end(end);
    }
    publish();
    return frame;
  }

  /**
   * As {@link #advance(int, Consumer)}, then hands the {@link #schedule scheduled} live events
   * due before the frame reached to {@code live}, in frame order (late ones too): what a session
   * that plays the sequencer on an engine needs, with the song's events in full (note ids,
   * outputs, nodes) rather than the SDK's view of {@link #renderTicks}.
   *
   * @return the frame reached
   */
  public long advance(int ticks, Consumer<SongEvent> sink, Consumer<SequencerEvent> live) {
    long end = advance(ticks, sink);
    for (SequencerEvent e : due(end)) {
      live.accept(e);
    }
    return end;
  }

  /** The frame reached: frames since the play started (stopped, the idle clock's). */
  public long frame() {
    return frame;
  }

  /** The frame rate of every frame this sequencer hands out. */
  public double sampleRate() {
    return sampleRate;
  }

  /**
   * The line that was playing at {@code frame} of this play, among the last
   * {@value #ROW_HISTORY} lines played; null before the first or when stopped. Live recording
   * quantizes with it.
   */
  public Playhead lineAt(long frame) {
    Playhead found = null;
    for (Iterator<Playhead> i = history.descendingIterator(); i.hasNext(); ) {
      Playhead row = i.next();
      if (row.frame() <= frame) {
        found = row;
        break;
      }
    }
    return player == null ? null : found;
  }

  /** The line played after {@code row}, if it has started yet; else null. */
  public Playhead lineAfter(Playhead row) {
    boolean seen = false;
    for (Playhead h : history) {
      if (seen) {
        return h;
      }
      seen = h.equals(row);
    }
    return null;
  }

  /**
   * Stops the player now: the events already due, and releases of notes that sound (moved to
   * now), in order; the rest is dropped.
   */
  private List<SongEvent> flushStop() {
    long now = frame;
    player.stop();
    queue(player.drain());
    List<SongEvent> out = new ArrayList<>();
    while (!pending.isEmpty()) {
      SongEvent e = pending.poll().event();
      if (e.frame() < now) {
        out.add(e);
      } else if (e.kind() == SongEvent.Kind.NOTE_OFF && sounding.contains(e.noteId())) {
        out.add(at(e, now));
      }
    }
    end(now);
    return out;
  }

  private static SongEvent at(SongEvent e, long f) {
    return new SongEvent(f, e.kind(), e.track(), e.output(), e.noteId(), e.key(), e.value(), e.node(), e.parameter());
  }

  private void end(long at) {
    player = null;
    stopping = false;
    pending.clear();
    sounding.clear();
    idleClock = Rational.of(at);
  }

  private void queue(List<SongEvent> events) {
    for (SongEvent e : events) {
      pending.add(new Pending(e, sequence++));
    }
  }

  private void send(SongEvent e, Consumer<SongEvent> sink) {
    if (e.kind() == SongEvent.Kind.NOTE_ON) {
      sounding.add(e.noteId());
    } else if (e.kind() == SongEvent.Kind.NOTE_OFF) {
      sounding.remove(e.noteId());
    }
    sink.accept(e);
  }

  /** Scheduled live events due before {@code end}, in frame order; late ones at the window's start. */
  private List<SequencerEvent> due(long end) {
    SequencerEvent e;
    while ((e = scheduled.poll()) != null) {
      queued.decrementAndGet();
      held.add(e);
    }
    held.sort(java.util.Comparator.comparingLong(SequencerEvent::frame));
    List<SequencerEvent> out = new ArrayList<>();
    while (!held.isEmpty() && held.getFirst().frame() < end) {
      out.add(held.removeFirst());
    }
    return out;
  }

  /** The SDK's view of a song event (see docs/sequencer.md, "Live sequencer"). */
  static SequencerEvent toSdk(SongEvent e) {
    int track = Math.max(0, e.track());
    return switch (e.kind()) {
      case NOTE_ON -> SequencerEvent.noteOn(e.frame(), track, e.key(), (float) e.value());
      case NOTE_OFF -> SequencerEvent.noteOff(e.frame(), track, e.key());
      case NOTE_EXPRESSION -> parameter(e, track, "note.bend");
      case VOLUME -> parameter(e, track, "track.volume");
      case PAN -> parameter(e, track, "track.pan");
      case SAMPLE_OFFSET -> parameter(e, track, "track.sampleOffset");
      case PARAMETER -> parameter(e, track, e.target());
      case TEMPO -> new SequencerEvent(e.frame(), SequencerEvent.Kind.TEMPO, 0, -1, 0, "", e.value());
    };
  }

  private static SequencerEvent parameter(SongEvent e, int track, String id) {
    return new SequencerEvent(e.frame(), SequencerEvent.Kind.PARAMETER, track, e.key(), 0, id, e.value());
  }

  // ---- state ----

  @Override
  public SequencerSnapshot snapshot() {
    return snapshot;
  }

  /** The transport for the UI. Thread: any. */
  public TransportSnapshot transport() {
    return transport;
  }

  private void publish() {
    Song s = editor.song();
    boolean playing = player != null;
    SongPosition at = playing ? player.position() : SongPosition.START;
    snapshot = new SequencerSnapshot(editor.revision(), playing,
        playing ? player.bpm() : s.settings().bpm().doubleValue(),
        playing ? player.linesPerBeat() : s.settings().linesPerBeat(),
        playing ? player.ticksPerLine() : s.settings().ticksPerLine(),
        playhead == null ? at.order() : playhead.order(), playhead == null ? at.line() : playhead.line(), frame);
    transport = new TransportSnapshot(playing, playhead, frame, loopFrom, loopTo, patternLoop, follow,
        editor.revision());
  }
}
