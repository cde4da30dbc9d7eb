package org.patchwork.drivers.internal;

import java.util.concurrent.TimeUnit;

/** Starting and joining the audio threads the null and Java Sound drivers own. */
final class AudioThreads {

  private AudioThreads() {}

  /**
   * A platform thread at the highest Java priority. Java cannot ask for SCHED_FIFO; on Linux
   * the priority only matters with -XX:ThreadPriorityPolicy, but it costs nothing elsewhere.
   */
  static Thread start(String name, Runnable loop) {
    Thread t = Thread.ofPlatform().name(name).daemon(true).priority(Thread.MAX_PRIORITY).unstarted(loop);
    t.start();
    return t;
  }

  /** Waits for the thread to end, keeping the caller's interrupt for later. */
  static void join(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(1));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
