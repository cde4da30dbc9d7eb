package org.patchwork.engine.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A small fixed pool of threads that help the audio thread run a plan's independent track
 * groups ({@link CompiledPlan#groups()}) within a block. The audio thread takes part itself, so
 * {@code threads} threads work in all and {@code threads − 1} are started here.
 *
 * <p>The hand-off allocates nothing and takes no lock. Each block is one round: the audio
 * thread publishes the plan, resets a ticket counter that carries the round number in its high
 * half (so a helper that is late from the previous round can never claim a group of this one),
 * bumps the round and unparks helpers that went to sleep. Every thread claims groups by
 * compare-and-set on the ticket until none is left; the audio thread then waits, spinning
 * briefly and then parking, until the count of finished groups is complete. Helpers spin for a
 * while between rounds (offline rendering sends rounds back to back) and then park.
 *
 * <p>Which thread runs which group varies, but a group runs entirely on one thread and touches
 * only its own buffers, so the output is the same bytes as with one thread.
 */
public final class Workers implements AutoCloseable {

  /**
   * Spins before a waiting thread parks: about 0.1 ms ({@link Thread#onSpinWait} is a PAUSE
   * of 40 to 140 cycles on x86), longer than the audio thread's own work between two rounds
   * when rendering offline, far shorter than a block.
   */
  private static final int SPINS = 2_000;

  private final Thread[] helpers;
  private final AtomicLong ticket = new AtomicLong();
  private final AtomicInteger finished = new AtomicInteger();
  private volatile CompiledPlan job;
  private volatile long round;
  /** 1 while helper i is parked or about to park. */
  private final AtomicIntegerArray sleeping;
  private volatile Thread coordinator;
  private volatile boolean coordinatorWaiting;
  private volatile boolean stopped;

  /**
   * @param threads threads working on a block, the caller's included; at least 2
   * @param name prefix of the helper threads' names
   */
  public Workers(int threads, String name) {
    if (threads < 2) {
      throw new IllegalArgumentException("a worker pool needs at least 2 threads: " + threads);
    }
    helpers = new Thread[threads - 1];
    sleeping = new AtomicIntegerArray(threads - 1);
    for (int i = 0; i < helpers.length; i++) {
      int index = i;
      helpers[i] = new Thread(() -> help(index), name + "-" + (i + 1));
      helpers[i].setDaemon(true);
      helpers[i].setPriority(Thread.MAX_PRIORITY);
      helpers[i].start();
    }
  }

  /** Threads working on a block, the caller's included. */
  public int threads() {
    return helpers.length + 1;
  }

  /** The helper threads, e.g. for measuring them. */
  public Thread[] helpers() {
    return helpers.clone();
  }

  /** Runs every group of {@code plan} and returns when all are done. Thread: audio. */
  void run(CompiledPlan plan) {
    int groups = plan.groups;
    long r = round + 1;
    job = plan;
    finished.set(0);
    ticket.set(r << 32);
    coordinator = Thread.currentThread();
    round = r; // publishes the above
    for (int i = 0; i < helpers.length; i++) {
      if (sleeping.get(i) != 0) {
        wake(helpers[i]);
      }
    }
    work(plan, r);
    int spins = 0;
    while (finished.get() < groups) {
      if (++spins < SPINS) {
        Thread.onSpinWait();
      } else {
        coordinatorWaiting = true;
        if (finished.get() < groups) {
          doze();
        }
        coordinatorWaiting = false;
      }
    }
  }

  /** Claims and runs groups of round {@code r} until none is left. */
  private void work(CompiledPlan plan, long r) {
    int groups = plan.groups;
    while (true) {
      long t = ticket.get();
      int g = (int) t;
      if ((int) (t >>> 32) != (int) r || g >= groups) {
        return;
      }
      if (!ticket.compareAndSet(t, t + 1)) {
        continue;
      }
      try {
        plan.runGroup(g);
      } catch (Throwable e) {
        // Steps catch their modules' failures; this is a bug in the engine itself.
        plan.groupFailed(g);
      }
      if (finished.incrementAndGet() == groups && coordinatorWaiting) {
        wake(coordinator);
      }
    }
  }

  /**
   * The hand-off's only blocking calls, kept apart so the real-time check can name them: a
   * thread that spun in vain for {@link #SPINS} rounds sleeps until woken (or 100 µs).
   */
  private static void wake(Thread t) {
    LockSupport.unpark(t);
  }

  private void doze() {
    LockSupport.parkNanos(this, 100_000);
  }

  private void help(int index) {
    long seen = 0;
    int idle = 0;
    while (!stopped) {
      long r = round;
      if (r != seen) {
        seen = r;
        idle = 0;
        CompiledPlan plan = job;
        if (plan != null) {
          work(plan, r);
        }
        continue;
      }
      if (++idle < SPINS) {
        Thread.onSpinWait();
        continue;
      }
      sleeping.set(index, 1);
      if (round == seen && !stopped) {
        LockSupport.park(this);
      }
      sleeping.set(index, 0);
      idle = 0;
    }
  }

  /** Stops the helpers (they finish the round they are in). */
  @Override
  public void close() {
    stopped = true;
    for (Thread t : helpers) {
      LockSupport.unpark(t);
    }
    for (Thread t : helpers) {
      try {
        t.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
