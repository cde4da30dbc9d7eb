package org.patchwork.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ControlRingTest {

  @Test
  void manyProducersKeepTheirOwnOrderAndNothingIsLost() throws Exception {
    int producers = 4;
    int each = 50_000;
    int[] last = new int[producers];
    java.util.Arrays.fill(last, -1);
    AtomicInteger received = new AtomicInteger();
    AtomicInteger disorder = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(1);
    ControlHandler handler = (m, end) -> {
      int src = m.source();
      if (m.number() != last[src] + 1) {
        disorder.incrementAndGet();
      }
      last[src] = m.number();
      if (received.incrementAndGet() == producers * each) {
        done.countDown();
      }
    };
    try (ControlRing ring = new ControlRing(1024, 5, TimeUnit.MILLISECONDS, handler)) {
      ring.start(r -> new Thread(r, "test-sequencer"));
      List<Thread> threads = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        int source = p;
        Thread t = new Thread(() -> {
          for (int i = 0; i < each; ) {
            // A full ring refuses; a real producer would drop, this one retries to count all.
            if (ring.controlChange(System.nanoTime(), source, 0, i, 64)) {
              i++;
            } else {
              Thread.onSpinWait();
            }
          }
        });
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }
      assertTrue(done.await(30, TimeUnit.SECONDS), "all messages handled, got " + received.get());
    }
    assertEquals(0, disorder.get(), "per-producer order");
    for (int p = 0; p < producers; p++) {
      assertEquals(each - 1, last[p]);
    }
  }

  @Test
  void aFullRingDropsAndCountsWhileTheConsumerIsNotRunning() {
    try (ControlRing ring = new ControlRing(4, 5, TimeUnit.MILLISECONDS, (m, end) -> { })) {
      int ok = 0;
      for (int i = 0; i < 10; i++) {
        ok += ring.noteOn(i, 0, 0, 60, 1.0) ? 1 : 0;
      }
      assertEquals(4, ok, "messages before start() wait in the ring, up to its size");
      assertEquals(6, ring.dropped());
    }
  }

  @Test
  void theConsumerSurvivesAThrowingHandlerAndIdles() throws Exception {
    List<String> events = new ArrayList<>();
    CountDownLatch idle = new CountDownLatch(1);
    CountDownLatch second = new CountDownLatch(1);
    Object[] commandAfter = new Object[1];
    ControlMessage[] slot = new ControlMessage[1];
    ControlHandler handler = new ControlHandler() {
      @Override
      public void onMessage(ControlMessage m, boolean end) {
        synchronized (events) {
          events.add(m.kind() + " " + m.value());
        }
        if (m.kind() == ControlMessage.Kind.TEMPO) {
          throw new IllegalStateException("boom");
        }
        slot[0] = m;
        second.countDown();
      }

      @Override
      public void onIdle() {
        idle.countDown();
      }

      @Override
      public void onError(Throwable error, ControlMessage m) {
        synchronized (events) {
          events.add("error " + error.getMessage() + " on " + m.kind());
        }
      }
    };
    try (ControlRing ring = new ControlRing(16, 2, TimeUnit.MILLISECONDS, handler)) {
      ring.start(r -> new Thread(r, "test-sequencer"));
      ring.tempo(1, 140);
      ring.command(2, "edit");
      assertTrue(second.await(10, TimeUnit.SECONDS));
      assertTrue(idle.await(10, TimeUnit.SECONDS), "onIdle after the timeout");
      commandAfter[0] = slot[0].command();
    }
    synchronized (events) {
      assertEquals(List.of("TEMPO 140.0", "error boom on TEMPO", "COMMAND 0.0"), events);
    }
    assertNull(commandAfter[0], "the slot lets go of the command after handling");
    assertFalse(Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("test-sequencer") && t.isAlive()), "closed");
  }
}
