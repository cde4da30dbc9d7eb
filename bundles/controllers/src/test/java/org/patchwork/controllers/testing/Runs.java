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
 * half), the audio callback's 99th percentile stayed within half a period: then those xruns
 * were not the code's lateness (the callback is timed whole, so a lock or a wait inside it that
 * happens often would show) but the host's. Not the longest callback: on a host that stops the
 * VM every second or two (seen on 2026-11-25: 50-70 lost periods in 20 s, jackd's own timer
 * late), some callback of every run is stretched by a stop in its middle. Weaker than 0 xruns,
 * on purpose; a rare block of the audio thread shows only in a run the host left alone. Every
 * other assertion must hold in every run.
 */
public final class Runs {

  /** Most runs made. */
  public static final int RUNS = 10;

  /**
   * What one run measured.
   *
   * @param callbackP99Micros the audio callback's 99th percentile; {@link Long#MAX_VALUE} when
   *     the run's fault is not one an xrun of the host explains (then only a clean run passes)
   */
  public record Run(long xruns, long callbackP99Micros, long periodMicros) {

    /** {@code xruns} with the callback figures of the rig's driver. */
    public static Run of(long xruns, DriverStats stats, int blockSize, int sampleRate) {
      return new Run(xruns, stats.p99Micros(), Math.round(blockSize * 1e6 / sampleRate));
    }

    boolean callbackWithinHalfAPeriod() {
      return callbackP99Micros <= periodMicros / 2;
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
      System.out.println(what + ": run " + i + " had " + r.xruns() + " xruns (callback p99 "
          + (r.callbackP99Micros() == Long.MAX_VALUE ? "not counted" : r.callbackP99Micros() + " us") + " of a "
          + r.periodMicros() + "-us period)" + (i < RUNS ? "; running again" : ""));
    }
    long inTime = runs.stream().filter(Run::callbackWithinHalfAPeriod).count();
    assertTrue(inTime * 2 >= RUNS, what + ": xruns in each of " + RUNS + " runs, and the audio callback took more than "
        + "half a period at its 99th percentile (or the run's fault was not an xrun) in " + (RUNS - inTime) + " of them: " + runs);
    System.out.println(what + ": xruns in each of " + RUNS + " runs, with the audio callback p99 within half a period in "
        + inTime + " of them: the host's scheduling, not the code's lateness; accepted");
  }
}
