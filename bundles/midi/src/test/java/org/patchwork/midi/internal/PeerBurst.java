package org.patchwork.midi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.patchwork.midi.MidiEvent;

/**
 * A burst of note-ons that a peer JACK client writes at chosen frames, 700 frames apart plus a
 * random offset below 640 (so they fall anywhere in a period, in order), and what the service
 * under test heard.
 *
 * <p>The frames are the test's measure, so the peer itself must write every note in the period
 * it belongs to. When the machine's host stops the VM for longer than a period, jackd skips the
 * peer's cycle and the peer writes the note a period late ({@link JackMidiClient#late()}): that
 * burst says nothing about the service and is played again, at most {@link #ATTEMPTS} times.
 */
record PeerBurst(List<Long> sent, List<MidiEvent> heard, long late, int attempt) {

  static final int ATTEMPTS = 8;

  /**
   * Plays bursts until the peer wrote one entirely on time.
   *
   * @param heard the service's listener fills it; cleared before each burst
   * @param key the note number of the i-th note
   * @return the first on-time burst, or the last one if the peer was late in every burst
   */
  static PeerBurst playOnTime(JackMidiClient peer, List<MidiEvent> heard, int notes, long leadFrames, long seed,
      IntUnaryOperator key) throws InterruptedException {
    PeerBurst burst = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      burst = play(peer, heard, notes, leadFrames, seed, key, attempt);
      if (burst.late() == 0) {
        return burst;
      }
      System.out.printf("burst %d: the peer wrote %d of %d notes a period late (host stall); again%n", attempt,
          burst.late(), notes);
    }
    return burst;
  }

  private static PeerBurst play(JackMidiClient peer, List<MidiEvent> heard, int notes, long leadFrames, long seed,
      IntUnaryOperator key, int attempt) throws InterruptedException {
    heard.clear();
    long lateBefore = peer.late();
    Random r = new Random(seed);
    long first = peer.frameTime() + leadFrames;
    List<Long> sent = new ArrayList<>();
    for (int i = 0; i < notes; i++) {
      long f = first + i * 700L + r.nextInt(640);
      sent.add(f);
      if (!peer.sendAt(f, new byte[] {(byte) 0x90, (byte) key.applyAsInt(i), 100})) {
        throw new IllegalStateException("the peer's queue refused note " + i);
      }
    }
    long deadline = System.nanoTime() + 10_000_000_000L + leadFrames * 1_000_000_000L / 48_000;
    while (heard.size() < notes && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return new PeerBurst(sent, List.copyOf(heard), peer.late() - lateBefore, attempt);
  }
}
