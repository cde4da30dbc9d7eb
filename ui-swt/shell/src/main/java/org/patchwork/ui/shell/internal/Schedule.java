package org.patchwork.ui.shell.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.patchwork.bus.EngineRing;
import org.patchwork.engine.Note;
import org.patchwork.engine.Plan;
import org.patchwork.engine.Project;
import org.patchwork.engine.Timeline;

/**
 * What a project plays, as engine-ring events in frame order, published block by block from the
 * audio thread: the project's notes, or the timeline its tracker song compiles to. Frames are
 * computed exactly as the engine's {@code Session} computes them (decimal beat arithmetic, a
 * repeated key released before it sounds again, a note's tuning right after its note-on), so
 * live playback sounds like an offline render.
 */
final class Schedule {

  private static final int OFF = 0;
  private static final int ON = 1;
  private static final int BEND = 2;
  private static final int ALL_OFF = 3;
  private static final int PARAM = 4;
  private static final int TEMPO = 5;
  /** Slots kept free on the ring for plan, mix and parameter messages. */
  private static final int RESERVE = 64;

  private record Timed(long frame, int kind, int target, int noteId, int key, float velocity, int parameter,
      double value) {
  }

  private final long[] frame;
  private final int[] kind;
  private final int[] target;
  private final int[] noteId;
  private final int[] key;
  private final float[] velocity;
  private final int[] parameter;
  private final double[] value;
  private final long end;
  private int next;

  private Schedule(List<Timed> events, long end) {
    int size = events.size();
    frame = new long[size];
    kind = new int[size];
    target = new int[size];
    noteId = new int[size];
    key = new int[size];
    velocity = new float[size];
    parameter = new int[size];
    value = new double[size];
    for (int i = 0; i < size; i++) {
      Timed e = events.get(i);
      frame[i] = e.frame();
      kind[i] = e.kind();
      target[i] = e.target();
      noteId[i] = e.noteId();
      key[i] = e.key();
      velocity[i] = e.velocity();
      parameter[i] = e.parameter();
      value[i] = e.value();
    }
    this.end = end;
  }

  /** The project's notes. */
  /** Nothing scheduled: a session that plays only what is played live. */
  static Schedule none() {
    return new Schedule(List.of(), 0);
  }

  static Schedule of(Project project, Plan plan, double sampleRate) {
    List<Timed> events = new ArrayList<>();
    List<Note> notes = project.notes();
    long last = 0;
    for (int i = 0; i < notes.size(); i++) {
      Note n = notes.get(i);
      int t = plan.trackIndex(n.track());
      if (t < 0) {
        continue;
      }
      long start = project.frameOf(n.start(), sampleRate);
      long stop = Math.max(start + 1, frames(BigDecimal.valueOf(n.start()).add(BigDecimal.valueOf(n.length())),
          project.tempo(), sampleRate));
      events.add(new Timed(start, ON, t, i, n.key(), (float) n.velocity(), -1, 0));
      if (n.cents() != 0) {
        events.add(new Timed(start, BEND, t, i, n.key(), 0f, -1, n.cents() / 100));
      }
      events.add(new Timed(stop, OFF, t, i, n.key(), 0f, -1, 0));
      last = Math.max(last, stop);
    }
    events.sort(Comparator.comparingLong(Timed::frame).thenComparingInt(Timed::kind).thenComparingInt(Timed::noteId));
    return new Schedule(events, last);
  }

  /**
   * A compiled tracker song, in its own order; names resolved against {@code plan}.
   *
   * @throws IllegalArgumentException if it names a track, node or parameter the plan lacks
   */
  static Schedule of(Timeline timeline, Plan plan) {
    List<Timed> events = new ArrayList<>(timeline.events().size());
    for (Timeline.Event e : timeline.events()) {
      switch (e.kind()) {
        case PARAMETER -> {
          int p = plan.parameterIndex(e.target(), e.parameter());
          if (p < 0) {
            throw new IllegalArgumentException("the song sets unknown parameter " + e.target() + "." + e.parameter());
          }
          events.add(new Timed(e.frame(), PARAM, plan.nodeIndex(e.target()), -1, -1, 0f, p, e.value()));
        }
        case TEMPO -> events.add(new Timed(e.frame(), TEMPO, -1, -1, -1, 0f, -1, e.value()));
        default -> {
          int t = plan.trackIndex(e.target());
          if (t < 0) {
            throw new IllegalArgumentException("the song plays unknown track " + e.target());
          }
          int k = switch (e.kind()) {
            case NOTE_ON -> ON;
            case NOTE_OFF -> OFF;
            case NOTE_EXPRESSION -> BEND;
            default -> ALL_OFF;
          };
          events.add(new Timed(e.frame(), k, t, e.noteId(), e.key(), k == ON ? (float) e.value() : 0f, -1,
              k == BEND ? e.value() : 0));
        }
      }
    }
    return new Schedule(events, timeline.end());
  }

  /** The frame at which the last note ends. */
  long end() {
    return end;
  }

  /**
   * Publishes the events before frame {@code to}, as many as the ring takes. Thread: audio (the
   * ring's producer); allocation-free.
   *
   * @return {@code to}, or the frame of the first event left for later when the ring was full
   */
  long publish(EngineRing ring, long from, long to) {
    while (next < frame.length && frame[next] < to) {
      if (ring.remainingCapacity() <= RESERVE) {
        return Math.max(from, frame[next]);
      }
      switch (kind[next]) {
        case ON -> ring.noteOn(frame[next], target[next], noteId[next], key[next], velocity[next]);
        case OFF -> ring.noteOff(frame[next], target[next], noteId[next], key[next]);
        case BEND -> ring.noteExpression(frame[next], target[next], noteId[next], value[next]);
        case PARAM -> ring.parameter(frame[next], target[next], parameter[next], value[next]);
        case TEMPO -> ring.tempo(frame[next], value[next]);
        default -> ring.allNotesOff(frame[next], target[next]);
      }
      next++;
    }
    return to;
  }

  private static long frames(BigDecimal beats, double tempo, double sampleRate) {
    return beats.multiply(BigDecimal.valueOf(60)).multiply(BigDecimal.valueOf(sampleRate))
        .divide(BigDecimal.valueOf(tempo), 0, RoundingMode.HALF_EVEN).longValueExact();
  }
}
