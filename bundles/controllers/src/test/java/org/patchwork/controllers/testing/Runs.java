package org.patchwork.controllers.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.Callable;

/**
 * Real-time runs on a shared two-core machine: as bundles/playback's PlayIT does, a run whose
 * only fault is an xrun is run again, up to six runs. On these virtual machines jackd's dummy
 * driver itself wakes late now and then (measured: 4 "JackTimedDriver::Process XRun" in 40 s
 * with no client at all, docs/benchmarks.md), so a 10-s run has about even odds of one.
 * Every other assertion must hold in every run.
 */
public final class Runs {

  private Runs() {
  }

  /** Runs {@code run} (which returns its xruns) until one has none, at most six times. */
  public static void withoutXruns(String what, Callable<Long> run) throws Exception {
    for (int i = 1; ; i++) {
      long xruns = run.call();
      if (xruns == 0 || i == 6) {
        assertEquals(0, xruns, what + ": xruns in each of " + i + " runs");
        return;
      }
      System.out.println(what + ": run " + i + " had " + xruns + " xruns; running again");
    }
  }
}
