package org.patchwork.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineRingTest {

  @Test
  void everyKindArrivesWithItsFields() {
    EngineRing ring = new EngineRing(16);
    Object plan = new Object();
    ring.noteOn(10, 2, 7, 60, 0.5f);
    ring.noteOff(20, 2, 7, 60);
    ring.parameter(30, 4, 1, 0.25);
    ring.tempo(40, 133);
    ring.start(50, 96_000);
    ring.swap(plan);
    List<String> seen = new ArrayList<>();
    Object[] payload = new Object[1];
    int n = ring.reader().drain(m -> {
      seen.add(m.kind() + " " + m.frame() + " " + m.target() + " " + m.noteId() + " " + m.key()
          + " " + m.velocity() + " " + m.parameter() + " " + m.value() + " " + m.position());
      if (m.kind() == EngineMessage.Kind.SWAP) {
        payload[0] = m.takePayload();
        assertNull(m.payload(), "the slot lets go of the plan");
      }
    });
    assertEquals(6, n);
    assertEquals(List.of(
        "NOTE_ON 10 2 7 60 0.5 -1 0.0 0",
        "NOTE_OFF 20 2 7 60 0.0 -1 0.0 0",
        "PARAMETER 30 4 -1 -1 0.0 1 0.25 0",
        "TEMPO 40 -1 -1 -1 0.0 -1 133.0 0",
        "TRANSPORT_START 50 -1 -1 -1 0.0 -1 0.0 96000",
        "SWAP 0 -1 -1 -1 0.0 -1 0.0 0"), seen);
    assertSame(plan, payload[0]);
  }

  @Test
  void aBatchArrivesInOrderAndOnlyOnceWholeAndPublished() {
    EngineRing ring = new EngineRing(8);
    List<String> seen = new ArrayList<>();
    MessageHandler<EngineMessage> record = m -> seen.add(m.kind() + " " + m.frame() + " " + m.key()
        + " " + m.parameter() + " " + m.value());
    EngineRing.Batch b = ring.batch(4)
        .noteOn(100, 0, 1, 60, 0.5f)
        .noteExpression(110, 0, 1, 50)
        .parameter(120, 3, 2, 0.75)
        .noteOff(130, 0, 1, 60);
    assertEquals(0, ring.reader().drain(record), "nothing is visible before publish");
    b.publish();
    assertEquals(4, ring.reader().drain(record));
    assertEquals(List.of("NOTE_ON 100 60 -1 0.0", "NOTE_EXPRESSION 110 -1 -1 50.0",
        "PARAMETER 120 -1 2 0.75", "NOTE_OFF 130 60 -1 0.0"), seen);
    // batches wrap around the ring like single events
    for (int round = 0; round < 5; round++) {
      ring.batch(3).noteOn(round, 0, round, 40 + round, 1f).noteOn(round, 0, round, 41, 1f)
          .noteOff(round + 1, 0, round, 40 + round).publish();
      assertEquals(3, ring.reader().drain(m -> { }));
    }
  }

  @Test
  void aBatchRefusesWrongSizesAndHalfFilledPublication() {
    EngineRing ring = new EngineRing(8);
    assertEquals("a batch holds 1..8 messages, not 9",
        assertThrows(IllegalArgumentException.class, () -> ring.batch(9)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> ring.batch(0));
    EngineRing.Batch b = ring.batch(2).noteOn(1, 0, 1, 60, 1f);
    assertEquals("a batch of 2 published with 1 slots filled",
        assertThrows(IllegalStateException.class, b::publish).getMessage());
    assertEquals("the previous batch has 1 slots not filled",
        assertThrows(IllegalStateException.class, () -> ring.batch(1)).getMessage());
    b.noteOff(2, 0, 1, 60);
    assertEquals("the batch is full: 2 slots",
        assertThrows(IllegalStateException.class, () -> b.noteOn(3, 0, 2, 61, 1f)).getMessage());
    b.publish();
    assertEquals(2, ring.reader().drain(m -> { }));
  }

  @Test
  void pollingAnEmptyRingReturnsAtOnceWithNothing() {
    EngineRing ring = new EngineRing(64);
    int[] handled = {0};
    MessageHandler<EngineMessage> handler = m -> handled[0]++;
    // A hang detector, not a timing: a million polls of an empty ring must all come back.
    int total = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      int sum = 0;
      for (int i = 0; i < 1_000_000; i++) {
        sum += ring.reader().drain(handler);
      }
      return sum;
    });
    assertEquals(0, total);
    assertEquals(0, handled[0]);
    assertEquals(-1, ring.reader().sequence());
  }

  @Test
  void aFullRingParksOnlyTheProducer() throws Exception {
    EngineRing ring = new EngineRing(4);
    // One producer (the ring checks that under -ea): the fifth note finds the ring full and
    // parks the producer until the reader frees a slot; the reader never waits meanwhile.
    Thread producer = new Thread(() -> {
      for (int i = 1; i <= 5; i++) {
        ring.noteOn(i, 0, i, 59 + i, 1f);
      }
    });
    producer.start();
    List<Long> frames = new ArrayList<>();
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      while (frames.size() < 5) {
        ring.reader().drain(m -> frames.add(m.frame()));
      }
    });
    producer.join();
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), frames);
  }

  @Test
  void orderIsKeptAcrossThreads() throws Exception {
    EngineRing ring = new EngineRing(256);
    int count = 200_000;
    Thread producer = new Thread(() -> {
      for (int i = 0; i < count; i++) {
        ring.noteOn(i, i % 8, i, i % 128, 1f);
      }
    });
    long[] next = {0};
    long[] outOfOrder = {0};
    producer.start();
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      while (next[0] < count) {
        ring.reader().drain(m -> {
          if (m.frame() != next[0] || m.noteId() != (int) next[0]) {
            outOfOrder[0]++;
          }
          next[0]++;
        });
      }
    });
    producer.join();
    assertEquals(count, next[0]);
    assertEquals(0, outOfOrder[0], "messages out of order");
  }
}
