package org.patchwork.engine.internal;

import org.patchwork.engine.Session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.bus.EngineRing;
import org.patchwork.bus.TelemetryRing;
import org.patchwork.engine.Engine;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Node;
import org.patchwork.engine.Note;
import org.patchwork.engine.Plan;
import org.patchwork.engine.Project;
import org.patchwork.engine.TestModules;
import org.patchwork.engine.Track;

/**
 * The audio thread allocates nothing in steady state: rendering a 64-voice project (eight sine
 * instances, eight-note chords every beat) for more than ten seconds after a warm-up, notes
 * flowing through the ring into the engine all the while.
 */
class SteadyStateAllocationTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final int RATE = 48_000;
  private static final int BLOCK = 256;

  /** Eight tracks of eight-note chords, retriggered every beat, for {@code beats} beats. */
  static Project sixtyFourVoices(int beats) {
    List<Node> nodes = new ArrayList<>();
    List<Track> tracks = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      nodes.add(new Node("sine" + t, TestModules.SINE, java.util.Map.of("gain", 0.02)));
      tracks.add(Track.of("t" + t, "sine" + t).withPan(t / 3.5 - 1));
      for (int beat = 0; beat < beats; beat++) {
        for (int v = 0; v < 8; v++) {
          notes.add(new Note("t" + t, 36 + t * 5 + v * 2 + beat % 3, 0.8, beat, 0.9));
        }
      }
    }
    return new Project("64 voices", RATE, 120, Graph.of(nodes, List.of(), tracks), notes);
  }

  @Test
  void renderingSixtyFourVoicesForTenSecondsAllocatesNothing() {
    int warmBlocks = 2 * RATE / BLOCK;            // 2 s
    int measuredBlocks = 10 * RATE / BLOCK + 10;  // a little over 10 s
    Project p = sixtyFourVoices(2 * (2 + 10 + 2 + 2));
    try (Session session = new Session(p, TestModules.registry(), RATE, BLOCK, 0)) {
      long id = Thread.currentThread().threadId();
      THREADS.getThreadAllocatedBytes(id); // its own first call allocates; not measured
      // Warm-up: class loading and JIT tier changes allocate a little on this thread; repeat
      // until a warm-up stretch is clean (code that allocates per block never gets one).
      long warm;
      int rounds = 0;
      do {
        long start = THREADS.getThreadAllocatedBytes(id);
        for (int i = 0; i < warmBlocks / 4; i++) {
          session.next();
        }
        warm = THREADS.getThreadAllocatedBytes(id) - start;
      } while (warm != 0 && ++rounds < 12);

      long before = THREADS.getThreadAllocatedBytes(id);
      long frames = 0;
      float peak = 0;
      for (int i = 0; i < measuredBlocks; i++) {
        frames += session.next();
        peak = Math.max(peak, Math.abs(session.buffer()[0][BLOCK / 2]));
      }
      long allocated = THREADS.getThreadAllocatedBytes(id) - before;

      assertTrue(frames >= 10L * RATE, "measured " + frames + " frames");
      assertTrue(peak > 0.05, "the chords were sounding, peak " + peak);
      assertEquals(0, session.faults());
      assertEquals(0, allocated, "bytes allocated while rendering " + frames + " frames");
    }
  }

  /**
   * The same with two engine threads: neither the audio thread nor the helper allocates, so
   * the hand-off between them (tickets, spins, park and unpark) is allocation-free.
   */
  @Test
  void renderingOnTwoThreadsAllocatesNothingOnEither() {
    Project p = sixtyFourVoices(2 * (2 + 10 + 2 + 2));
    java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
    try (Session session = new Session(p, TestModules.registry(), RATE, BLOCK, 0, null, 2)) {
      assertEquals(2, session.engine().threads());
      long[] ids = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("patchwork-engine-") && !before.contains(t))
          .mapToLong(Thread::threadId).toArray();
      assertEquals(1, ids.length, "one helper thread");
      long[] all = {Thread.currentThread().threadId(), ids[0]};
      allocated(all);
      long warm;
      int rounds = 0;
      do {
        long start = allocated(all);
        for (int i = 0; i < RATE / BLOCK / 2; i++) {
          session.next();
        }
        warm = allocated(all) - start;
      } while (warm != 0 && ++rounds < 12);
      long start = allocated(all);
      long frames = 0;
      for (int i = 0; i < 10 * RATE / BLOCK + 10; i++) {
        frames += session.next();
      }
      long allocated = allocated(all) - start;
      assertTrue(frames >= 10L * RATE, "measured " + frames + " frames");
      assertEquals(0, session.faults());
      assertEquals(0, allocated, "bytes allocated by the audio thread and the helper over " + frames + " frames");
    }
  }

  /** Bytes the threads allocated so far (one id at a time: the array form allocates its result). */
  private static long allocated(long[] ids) {
    long s = 0;
    for (long id : ids) {
      s += THREADS.getThreadAllocatedBytes(id);
    }
    return s;
  }

  @Test
  void theEngineWithTelemetryAndDroppedReportsAllocatesNothing() {
    Project p = sixtyFourVoices(1);
    EngineRing ring = new EngineRing(4096);
    TelemetryRing telemetry = new TelemetryRing(16); // nobody drains it: it fills and drops
    Engine engine = new Engine(RATE, 64, ring, telemetry);
    try (Plan plan = Plan.compile(p.graph(), TestModules.registry(), RATE, 64)) {
      engine.submit(plan);
      float[][] out = new float[2][64];
      long id = Thread.currentThread().threadId();
      THREADS.getThreadAllocatedBytes(id);
      long warm;
      int rounds = 0;
      int note = 0;
      do {
        long start = THREADS.getThreadAllocatedBytes(id);
        note = play(engine, ring, out, note, 2000);
        warm = THREADS.getThreadAllocatedBytes(id) - start;
      } while (warm != 0 && ++rounds < 12);
      long before = THREADS.getThreadAllocatedBytes(id);
      play(engine, ring, out, note, 8000);
      long allocated = THREADS.getThreadAllocatedBytes(id) - before;
      assertTrue(telemetry.dropped() > 0, "the drop path ran");
      engine.reportXrun();
      assertEquals(0, allocated, "bytes allocated by 8000 blocks with notes, parameters and telemetry");
    }
  }

  private static int play(Engine engine, EngineRing ring, float[][] out, int note, int blocks) {
    for (int b = 0; b < blocks; b++) {
      long now = engine.frame();
      ring.noteOn(now + 10, note % 8, note, 40 + note % 40, 0.5f);
      ring.noteOff(now + 50, note % 8, note, 40 + note % 40);
      ring.parameter(now + 20, note % 8, 0, 0.01 + (note % 10) / 1000.0);
      note++;
      engine.processBlock(out, 64);
    }
    return note;
  }
}
