package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VoiceAllocatorTest {

  @Test
  void freeVoicesAreUsedFirstAndNotesAreReleasedById() {
    VoiceAllocator v = new VoiceAllocator(4, VoiceAllocator.Stealing.OLDEST);
    assertEquals(0, v.noteOn(10, 60, 1f));
    assertEquals(1, v.noteOn(11, 64, 1f));
    assertEquals(-1, v.lastStolenNoteId());
    assertEquals(2, v.activeCount());
    assertEquals(1, v.noteOff(11, 64));
    assertTrue(v.isReleasing(1));
    assertEquals(-1, v.noteOff(11, 64), "already released");
    assertEquals(0, v.noteOff(-1, 60), "by key when there is no id");
  }

  @Test
  void aReleaseTailKeepsItsVoiceUntilItIsSilent() {
    VoiceAllocator v = new VoiceAllocator(2, VoiceAllocator.Stealing.OLDEST);
    int a = v.noteOn(1, 60, 1f);
    v.noteOff(1, 60);
    int b = v.noteOn(2, 62, 1f);
    assertEquals(1, b, "the releasing voice is not taken while another is free");
    v.level(a, 0.3f);
    assertTrue(v.isActive(a));
    v.level(a, 0f);
    assertFalse(v.isActive(a), "silent: the tail is over");
    assertEquals(a, v.noteOn(3, 64, 1f));
  }

  @Test
  void oldestStealingTakesReleasingVoicesBeforeHeldOnes() {
    VoiceAllocator v = new VoiceAllocator(3, VoiceAllocator.Stealing.OLDEST);
    v.noteOn(1, 60, 1f);
    v.noteOn(2, 62, 1f);
    v.noteOn(3, 64, 1f);
    assertEquals(0, v.noteOn(4, 65, 1f), "all held: the oldest");
    assertEquals(1, v.lastStolenNoteId());
    v.noteOff(3, 64);
    assertEquals(2, v.noteOn(5, 67, 1f), "a releasing voice goes before an older held one");
    assertEquals(3, v.lastStolenNoteId());
    assertEquals(5, v.noteId(2));
    assertEquals(67, v.key(2));
  }

  @Test
  void quietestStealingFollowsTheReportedLevels() {
    VoiceAllocator v = new VoiceAllocator(3, VoiceAllocator.Stealing.QUIETEST);
    v.noteOn(1, 60, 1f);
    v.noteOn(2, 62, 0.2f);
    v.noteOn(3, 64, 1f);
    v.level(0, 0.9f);
    v.level(2, 0.5f);
    assertEquals(1, v.noteOn(4, 65, 1f), "velocity 0.2 is the quietest");
    v.level(1, 1f);
    assertEquals(2, v.noteOn(5, 67, 1f));
    assertEquals(3, v.lastStolenNoteId());
  }

  @Test
  void resetFreesEverythingAndBadSizesFail() {
    VoiceAllocator v = new VoiceAllocator(2, VoiceAllocator.Stealing.OLDEST);
    v.noteOn(1, 60, 1f);
    v.noteOn(2, 61, 1f);
    v.reset();
    assertEquals(0, v.activeCount());
    assertEquals("voices must be within 1..1024: 0",
        assertThrows(IllegalArgumentException.class,
            () -> new VoiceAllocator(0, VoiceAllocator.Stealing.OLDEST)).getMessage());
  }
}
