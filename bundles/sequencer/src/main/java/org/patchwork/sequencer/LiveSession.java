package org.patchwork.sequencer;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.bus.EngineRing;
import org.patchwork.bus.TelemetryRing;
import org.patchwork.engine.Engine;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Plan;
import org.patchwork.engine.Project;
import org.patchwork.sdk.sequencer.SequencerEvent;

/**
 * A {@link Sequencer} playing on the engine, live: the song as it is being edited, plus notes
 * {@link Sequencer#schedule scheduled} from the keyboard or MIDI ({@link LiveInput}), each heard
 * at its frame. Unlike a {@link org.patchwork.engine.Session} of a compiled timeline, the
 * events are made while playing: the sequencer thread calls {@link #pump()}, which advances the
 * sequencer tick by tick up to {@link #lookahead()} frames ahead of the engine and publishes
 * what comes out on the engine's ring; the audio thread calls {@link #render}.
 *
 * <pre>{@code
 * LiveSession live = new LiveSession(project, registry, sequencer, 256, 512, telemetry);
 * driver.start((in, out, n) -> live.render(out, n));     // audio thread
 * while (running) { live.pump(); input.update(); sleep(1 ms); }   // sequencer thread
 * input.noteOn(live.now(), 60, 0.8);                      // heard one look-ahead later
 * }</pre>
 *
 * <p>Engine frames count from the session's start; sequencer frames from the play's start (or
 * the idle clock's): the session keeps the offset, so a live note stamped {@link #now()} plays
 * at the engine frame {@link #engineFrame(long)} of it. Names the graph lacks (a track output,
 * a {@code node.param}) are skipped and counted in {@link #skipped()}, since the song may be in
 * the middle of an edit.
 *
 * <p>Thread: {@link #pump()}, {@link #now()} and {@link #close()} on the sequencer thread (the
 * ring's only producer); {@link #render} on the audio thread, allocation-free.
 */
@ProviderType
public final class LiveSession implements AutoCloseable {

  /** Note ids of live notes start here, far above the song's. */
  static final int LIVE_NOTE_IDS = 1 << 30;

  private final Sequencer sequencer;
  private final Plan plan;
  private final EngineRing ring = new EngineRing(8192);
  private final Engine engine;
  private final int lookahead;
  private final Map<String, Integer> tracks = new HashMap<>();
  private final Map<Long, Integer> liveNotes = new HashMap<>();
  private int nextLiveId = LIVE_NOTE_IDS;
  /** Engine frame = base + sequencer frame, for the events being published. */
  private long base;
  /** Engine frame up to which the sequencer's events are published. */
  private long produced;
  private long skipped;

  /**
   * Compiles {@code project}'s graph at the sequencer's sample rate and starts the engine.
   *
   * @param blockSize the largest block {@link #render} is asked for
   * @param lookahead frames the sequencer runs ahead of the engine (the live latency), at least
   *     one block
   * @param telemetry meters and playhead for the UI, or null
   */
  public LiveSession(Project project, ModuleRegistry registry, Sequencer sequencer, int blockSize, int lookahead,
      TelemetryRing telemetry) {
    if (lookahead < blockSize) {
      throw new IllegalArgumentException("lookahead must be at least one block (" + blockSize + "): " + lookahead);
    }
    this.sequencer = sequencer;
    this.lookahead = lookahead;
    this.plan = Plan.compile(project.graph(), registry, sequencer.sampleRate(), blockSize);
    this.engine = new Engine(sequencer.sampleRate(), blockSize, ring, telemetry);
    engine.submit(plan);
    ring.tempo(0, sequencer.snapshot().tempo());
    ring.start(0, 0);
    base = -sequencer.frame();
  }

  /** Frames the sequencer runs ahead of the engine. */
  public int lookahead() {
    return lookahead;
  }

  /**
   * Advances the sequencer and publishes its events until they cover {@link #lookahead()}
   * frames past the engine's position. Thread: the sequencer thread.
   */
  public void pump() {
    long until = engine.frame() + lookahead;
    while (produced < until) {
      base = produced - sequencer.frame();
      long reached = sequencer.advance(1, this::song, this::live);
      produced = Math.max(produced, base + reached);
    }
    // Live events scheduled since go out now, not only when the next tick is due.
    base = produced - sequencer.frame();
    sequencer.advance(0, this::song, this::live);
  }

  /**
   * The sequencer frame the engine is about to render: stamp live notes with it to hear them
   * as soon as the look-ahead allows (late events play at the start of the next block).
   */
  public long now() {
    return Math.max(0, engine.frame() - base);
  }

  /** The engine frame at which sequencer frame {@code frame} (of the current play) sounds. */
  public long engineFrame(long frame) {
    return base + frame;
  }

  /** Renders {@code frames} frames into {@code out[0..1]}. Thread: audio; no allocation. */
  public void render(float[][] out, int frames) {
    engine.processBlock(out, frames);
  }

  /** Events whose names the graph lacks, skipped so far. */
  public long skipped() {
    return skipped;
  }

  /** The engine being driven. */
  public Engine engine() {
    return engine;
  }

  private void song(SongEvent e) {
    long f = Math.max(0, base + e.frame());
    switch (e.kind()) {
      case NOTE_ON, NOTE_OFF, NOTE_EXPRESSION -> {
        int t = track(e.output());
        if (t < 0) {
          skipped++;
        } else if (e.kind() == SongEvent.Kind.NOTE_ON) {
          ring.noteOn(f, t, e.noteId(), e.key(), (float) e.value());
        } else if (e.kind() == SongEvent.Kind.NOTE_OFF) {
          ring.noteOff(f, t, e.noteId(), e.key());
        } else {
          ring.noteExpression(f, t, e.noteId(), e.value());
        }
      }
      case PARAMETER -> parameter(f, e.node(), e.parameter(), e.value());
      case TEMPO -> ring.tempo(f, e.value());
      case VOLUME -> mapped(f, target(e, SongTrack::volume), e.value());
      case PAN -> mapped(f, target(e, SongTrack::pan), (e.value() + 1) / 2);
      case SAMPLE_OFFSET -> mapped(f, target(e, SongTrack::sampleOffset), e.value());
    }
  }

  private void live(SequencerEvent e) {
    long f = Math.max(0, base + e.frame());
    Song s = sequencer.song();
    switch (e.kind()) {
      case NOTE_ON, NOTE_OFF -> {
        int t = e.track() < s.tracks().size() ? track(s.tracks().get(e.track()).output()) : -1;
        if (t < 0) {
          skipped++;
          return;
        }
        long held = (long) e.track() << 8 | e.key();
        if (e.kind() == SequencerEvent.Kind.NOTE_ON) {
          Integer sounding = liveNotes.remove(held);
          if (sounding != null) {
            ring.noteOff(f, t, sounding, e.key());
          }
          int id = nextLiveId++;
          liveNotes.put(held, id);
          ring.noteOn(f, t, id, e.key(), e.velocity());
        } else {
          Integer id = liveNotes.remove(held);
          if (id != null) {
            ring.noteOff(f, t, id, e.key());
          }
        }
      }
      case PARAMETER -> {
        int dot = e.parameterId().indexOf('.');
        if (dot > 0) {
          parameter(f, e.parameterId().substring(0, dot), e.parameterId().substring(dot + 1), e.value());
        } else {
          skipped++;
        }
      }
      case TEMPO -> ring.tempo(f, e.value());
      case STOP -> { }
    }
  }

  private ParamTarget target(SongEvent e, Function<SongTrack, ParamTarget> which) {
    Song s = sequencer.song();
    return e.track() >= 0 && e.track() < s.tracks().size() ? which.apply(s.tracks().get(e.track())) : null;
  }

  private void mapped(long f, ParamTarget target, double fraction) {
    if (target != null) {
      parameter(f, target.node(), target.parameter(), target.at(fraction));
    }
  }

  private void parameter(long f, String node, String parameter, double value) {
    int n = plan.nodeIndex(node);
    int p = n < 0 ? -1 : plan.parameterIndex(node, parameter);
    if (p < 0) {
      skipped++;
      return;
    }
    ring.parameter(f, n, p, value);
  }

  private int track(String output) {
    return tracks.computeIfAbsent(output, plan::trackIndex);
  }

  /** Stops the engine and deactivates the plan's modules; call once the audio thread stopped. */
  @Override
  public void close() {
    try {
      engine.close();
    } finally {
      plan.close();
    }
  }
}
