package org.patchwork.controllers.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchwork.drivers.DriverStats;

/**
 * Real-time runs on a shared two-core machine: as bundles/playback's PlayIT does, a run whose
 * only fault is an xrun is run again, up to {@value #RUNS} runs. On these virtual machines the
 * host stops a vCPU for more than a 1.3-ms period every 10 to 20 s, and for stretches much more
 * often (cyclictest: 17 wake-ups later than 1 ms in 180 s on an idle machine; jackd's dummy
 * driver then wakes late itself, and a native C client loses as many periods as Patchwork:
 * docs/benchmarks.md), so a 10-s run has about even odds of one, and in a bad stretch every
 * run has some (seen in CI on 2026-11-24: ten runs in a row).
 *
 * <p>When every run lost periods, the test still passes only if, in most of them (at least
 * half), the audio callback itself never took more than half a period: then those xruns were
 * not the code's lateness (the callback is timed whole, so a lock or a wait inside it would
 * show) but the host's. A callback that is late because of the code is late in every run; one
 * stretched by the host stopping its vCPU mid-callback is late in a few. Every other assertion
 * must hold in every run.
 */
public final class Runs {

  /** Most runs made. */
  public static final int RUNS = 10;

  /**
   * What one run measured.
   *
   * @param callbackMaxMicros the longest audio callback of the run; {@link Long#MAX_VALUE} when
   *     the run's fault is not one an xrun of the host explains (then only a clean run passes)
   */
  public record Run(long xruns, long callbackMaxMicros, long periodMicros) {

    /** {@code xruns} with the callback figures of the rig's driver. */
    public static Run of(long xruns, DriverStats stats, int blockSize, int sampleRate) {
      return new Run(xruns, stats.maxMicros(), Math.round(blockSize * 1e6 / sampleRate));
    }

    boolean callbackWithinHalfAPeriod() {
      return callbackMaxMicros <= periodMicros / 2;
    }
  }

  private Runs() {
  }

  /** Runs {@code run} until one has no xrun, at most {@value #RUNS} times (see the class comment). */
  public static void withoutXruns(String what, Callable<Run> run) throws Exception {
    List<Run> runs = new ArrayList<>();
    for (int i = 1; i <= RUNS; i++) {
      Run r = run.call();
      if (r.xruns() == 0) {
        return;
      }
      runs.add(r);
      System.out.println(what + ": run " + i + " had " + r.xruns() + " xruns (callback max "
          + (r.callbackMaxMicros() == Long.MAX_VALUE ? "not counted" : r.callbackMaxMicros() + " us") + " of a "
          + r.periodMicros() + "-us period)" + (i < RUNS ? "; running again" : ""));
    }
    long inTime = runs.stream().filter(Run::callbackWithinHalfAPeriod).count();
    assertTrue(inTime * 2 >= RUNS, what + ": xruns in each of " + RUNS + " runs, and the audio callback took more than "
        + "half a period (or the run's fault was not an xrun) in " + (RUNS - inTime) + " of them: " + runs);
    System.out.println(what + ": xruns in each of " + RUNS + " runs, with the audio callback within half a period in "
        + inTime + " of them: the host's scheduling, not the code's lateness; accepted");
  }
}
