package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A real-time player builds its session on a control thread and fills it from the driver's
 * thread. The session's ring is single-producer, so nothing may be published before the first
 * block (the Disruptor checks this under -ea, which the tests run with).
 */
class SessionThreadTest {

  @Test
  void sessionBuiltOnOneThreadPlaysOnAnother() throws Exception {
    Project project = new Project("threads", 48_000, 120,
        Graph.of(List.of(new Node("lead", TestModules.SINE, Map.of(), null)), List.of(),
            List.of(Track.of("lead", "lead"))),
        List.of(new Note("lead", 69, 1.0, 0, 1)));
    Session session = new Session(project, TestModules.registry(), 48_000, 64, 1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    float[][] out = new float[2][64];
    float[] peak = new float[1];
    Thread audio = Thread.ofPlatform().name("audio").start(() -> {
      try {
        for (int i = 0; i < 100; i++) {
          session.fill(out, 64);
          for (float x : out[0]) {
            peak[0] = Math.max(peak[0], Math.abs(x));
          }
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    audio.join();
    session.close();
    assertNull(failure.get(), () -> "fill on another thread failed: " + failure.get());
    assertTrue(peak[0] > 0.01, "the note sounded: " + peak[0]);
  }
}
