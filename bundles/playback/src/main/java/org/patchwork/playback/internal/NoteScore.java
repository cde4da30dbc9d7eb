package org.patchwork.playback.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.patchwork.engine.Note;
import org.patchwork.engine.Project;

/**
 * A project's notes played live from any position, at the project's tempo: a tempo change
 * reaches the engine's clock (tempo-synced modules) but the notes keep their frames, which
 * {@code Project.frameOf} fixed.
 */
final class NoteScore implements Score {

  private final Project project;
  private final double rate;
  private final long[] frame;
  private final boolean[] on;
  private final String[] track;
  private final int[] id;
  private final int[] key;
  private final float[] velocity;
  private int next;
  private long start;
  private boolean running;
  private double stoppedBeats;
  private double tempo;

  private record Timed(long frame, boolean on, String track, int id, int key, float velocity) {
  }

  NoteScore(Project project, double sampleRate) {
    this.project = project;
    this.rate = sampleRate;
    this.tempo = project.tempo();
    List<Timed> events = new ArrayList<>();
    List<Note> notes = project.notes();
    for (int i = 0; i < notes.size(); i++) {
      Note n = notes.get(i);
      long begin = project.frameOf(n.start(), sampleRate);
      long end = Math.max(begin + 1, project.frameOf(n.start() + n.length(), sampleRate));
      events.add(new Timed(begin, true, n.track(), i, n.key(), (float) n.velocity()));
      events.add(new Timed(end, false, n.track(), i, n.key(), 0f));
    }
    // a repeated key is released before it sounds again
    events.sort(Comparator.comparingLong(Timed::frame).thenComparing(t -> t.on()).thenComparingInt(Timed::id));
    int size = events.size();
    frame = new long[size];
    on = new boolean[size];
    track = new String[size];
    id = new int[size];
    key = new int[size];
    velocity = new float[size];
    for (int i = 0; i < size; i++) {
      Timed t = events.get(i);
      frame[i] = t.frame();
      on[i] = t.on();
      track[i] = t.track();
      id[i] = t.id();
      key[i] = t.key();
      velocity[i] = t.velocity();
    }
  }

  @Override
  public void start(long at, double beats) {
    long from = project.frameOf(Math.max(0, beats), rate);
    start = at - from;
    running = true;
    next = 0;
    while (next < frame.length && frame[next] < from) {
      next++;
    }
  }

  @Override
  public void render(long until, long limit, Out out) {
    while (running && next < frame.length && start + frame[next] < until) {
      long f = start + frame[next];
      if (f < limit) {
        int t = out.track(track[next]);
        if (on[next]) {
          out.noteOn(f, t, id[next], key[next], velocity[next]);
        } else {
          out.noteOff(f, t, id[next], key[next]);
        }
      }
      next++;
    }
    if (running && next >= frame.length) {
      stoppedBeats = 0;
      running = false;
    }
  }

  @Override
  public void stop(long at) {
    if (running) {
      stoppedBeats = beats(at);
      running = false;
    }
  }

  @Override
  public boolean playing() {
    return running;
  }

  @Override
  public double beats(long engineFrame) {
    return !running ? stoppedBeats : Math.max(0, engineFrame - start) / rate * project.tempo() / 60;
  }

  @Override
  public double tempo() {
    return tempo;
  }

  @Override
  public void tempo(double bpm) {
    tempo = bpm;
  }

  @Override
  public String output(int index) {
    return index >= 0 && index < project.graph().tracks().size() ? project.graph().tracks().get(index).id() : null;
  }

  @Override
  public int[] position() {
    return null;
  }
}
