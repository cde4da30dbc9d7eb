package org.patchwork.sdk.testkit.internal;

import org.opentest4j.TestAbortedException;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.internal.Stimuli.Signal;
import org.patchwork.sdk.testkit.internal.Stimuli.Stimulus;

/**
 * Rule 3: {@code process} allocates nothing after {@code activate}, measured with the thread's
 * allocated-bytes counter around each call.
 *
 * <p>Why the warm-up is one full pass of the same scenario on another instance, and the
 * measured instance is counted from its very first block: an allocation in the source code
 * allocates in the interpreter, and C1 does the same; C2's escape analysis can only remove
 * allocations, never add one. So measuring from the start, while the code is still
 * interpreted, is the strictest test, and it also catches buffers created lazily on the first
 * {@code process} call. What the first pass takes out is what is not the module's doing and
 * happens once per JVM: class initialisation (an enum switch's map, a lambda's call site,
 * constants resolved on first use). One second of audio is about 750 blocks, which runs every
 * path of the scenario several times and usually into compiled code as well.
 */
public final class AllocationCheck {

  static final int FRAMES = Subject.RATE;
  /** Block sizes in turn: the full block and the odd short ones a host also sends. */
  private static final int[] BLOCKS = {64, 64, 64, 17, 64, 1, 64, 63, 64, 64, 32, 64};
  private static final int RAMP_UP = 4800;
  private static final int RAMP_DOWN = 9600;
  private static final int RAMP_BACK = 14_400;
  private static final int RAMP_END = 19_200;

  private AllocationCheck() {
  }

  /** Fails naming the first block that allocated, with what was going on then. */
  public static void noAllocation(Subject s) {
    measure(s, null);
    if (s.has(PortDescriptor.Type.CV)) {
      measure(s, Stimuli.noise(1));
    }
  }

  /**
   * Warms up on one instance, then measures another; if that one allocated, measures a third
   * and fails only if it allocates too. The JVM itself now and then allocates on the measured
   * thread, once per run: 72 bytes in one block of a module with no allocation in its code,
   * in some runs on JDK 25 (never twice in one), never with {@code -XX:-BackgroundCompilation}, so
   * the compiler's work is the likely source. An allocation in the module's code happens again
   * on every instance; the JVM's did not in any run.
   */
  private static void measure(Subject s, Signal cv) {
    run(s, cv, false);
    String first = run(s, cv, true);
    if (first != null && run(s, cv, true) != null) {
      throw new AssertionError(first);
    }
  }

  /** Renders the scenario on a new instance; with {@code measure}, the first allocation found or null. */
  private static String run(Subject s, Signal cv, boolean measure) {
    ModuleHarness h = s.harness();
    if (measure) {
      try {
        h.trackAllocations();
      } catch (UnsupportedOperationException e) {
        throw new TestAbortedException(s.id() + ": allocation not checked: " + e.getMessage());
      }
    }
    new Stimulus("", Stimuli.noise(1), cv).apply(s, h, FRAMES);
    if (s.hasEvents()) {
      notes(h);
    }
    String inputs = "audio inputs white noise, CV inputs " + (cv == null ? "unconnected" : "white noise")
        + (s.hasEvents() ? ", notes playing" : "");
    int frame = 0;
    int stage = 0;
    for (int b = 0; frame < FRAMES; b++) {
      stage = ramps(s, h, frame, stage);
      int n = Math.min(BLOCKS[b % BLOCKS.length], FRAMES - frame);
      long before = measure ? h.processAllocatedBytes() : 0;
      s.render(h, n, inputs + ", frame " + frame);
      if (measure && h.processAllocatedBytes() != before) {
        return s.id() + ": process allocated " + (h.processAllocatedBytes() - before)
            + " bytes in the block at frame " + frame + " (" + n + " frames) after activation, with "
            + inputs + ", " + phase(frame) + ": allocate in activate(), never in process()";
      }
      frame += n;
    }
    return null;
  }

  /**
   * Every parameter sweeps to its max, to its min and back to its default, moving inside
   * blocks; {@code stage} counts the sweeps started, the new count is returned.
   */
  private static int ramps(Subject s, ModuleHarness h, int frame, int stage) {
    int[] starts = {RAMP_UP, RAMP_DOWN, RAMP_BACK, RAMP_END};
    if (stage >= 3 || frame < starts[stage]) {
      return stage;
    }
    for (ParameterDescriptor p : s.descriptor().parameters()) {
      double to = stage == 0 ? p.max() : stage == 1 ? p.min() : p.defaultValue();
      h.ramp(p.id(), to, starts[stage + 1] - starts[stage]);
    }
    return stage + 1;
  }

  private static String phase(int frame) {
    if (frame >= RAMP_UP && frame < RAMP_END) {
      return "every parameter ramping (frames " + RAMP_UP + " to " + RAMP_END + ")";
    }
    return "parameters steady";
  }

  /**
   * More notes than most modules have voices (stealing), releases, extreme keys, a panic and a
   * new note after it.
   */
  private static void notes(ModuleHarness h) {
    int[] ids = new int[24];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = h.noteOn(2000 + 100 * k, 36 + 2 * k, 0.8f);
    }
    for (int k = 0; k < ids.length; k++) {
      h.noteOff(20_000 + 50 * k, 36 + 2 * k, ids[k]);
    }
    int low = h.noteOn(25_000, 0, 1f);
    int high = h.noteOn(25_000, 127, 1e-6f);
    h.noteOff(28_000, 0, low);
    h.allNotesOff(30_000);
    int again = h.noteOn(31_000, 60, 1f);
    h.noteOff(40_000, 60, again);
    h.noteOff(41_000, 127, high);
  }
}
