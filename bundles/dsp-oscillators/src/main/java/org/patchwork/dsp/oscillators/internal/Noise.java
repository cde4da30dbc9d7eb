package org.patchwork.dsp.oscillators.internal;

import java.util.List;
import java.util.Set;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;

/**
 * The generator under both noise modules: SplitMix64 (Steele, Lea and Flood, "Fast Splittable
 * Pseudorandom Number Generators", OOPSLA 2014), chosen because it is a few integer operations
 * per sample, passes BigCrush, and any 64-bit seed (even 0) gives a good stream, so the same
 * {@code seed} parameter renders the same bytes on every machine.
 */
final class Noise {

  static final int NOTES = 0;
  static final int OUT = 1;
  static final int LEVEL = 0;
  static final int SEED = 1;

  /**
   * Notes start the noise: like every instrument it is silent until played (from the first
   * NOTE_ON's frame, see {@link Frequency#firstSound}), and then runs freely.
   */
  static final List<PortDescriptor> PORTS =
      List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.audioOut("out", 1));

  static final List<ParameterDescriptor> PARAMETERS = List.of(
      ParameterDescriptor.of("level", "Level", 0, 1, 0.5, ""),
      // Not automatable: a seed that changes while playing is a new stream, not a gesture.
      new ParameterDescriptor("seed", "Seed", 0, 16_777_215, 1, "",
          Set.of(ParameterFlag.STEPPED), 0, List.of()));

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Noise() {
  }

  /** The state that follows {@code state}. */
  static long advance(long state) {
    return state + GOLDEN_GAMMA;
  }

  /**
   * A uniform value in (−1, 1) from a state: the SplitMix64 output function, then its top 24
   * bits centred, so the distribution is symmetric and exactly representable as a float.
   */
  static double uniform(long state) {
    long z = state;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return ((z >>> 40) + 0.5) * 0x1.0p-23 - 1;
  }
}
