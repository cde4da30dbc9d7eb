package org.patchwork.engine.internal;

import java.util.Arrays;
import java.util.List;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;

/**
 * A node's parameter values and their per-frame ramps. A change lands at its exact frame and
 * then glides linearly to the new value over the descriptor's {@code smoothingMillis}; stepped
 * parameters and those without smoothing jump. A ramp is filled only while its parameter
 * moves; a resting parameter's ramp is filled once with its value and left alone.
 *
 * <p>The glide is counted in frames and carried across blocks, so the same changes give the
 * same values at the same frames whatever the block size.
 */
final class ParameterState {

  /** Parameter changes a node takes per block; more are dropped and reported. */
  static final int MAX_CHANGES = 256;

  private final int count;
  private final double[] min;
  private final double[] max;
  private final boolean[] stepped;
  private final int[] glide;
  private final double[] current;
  private final double[] target;
  private final double[] step;
  private final int[] remaining;
  private final double[] first;
  private final boolean[] constant;
  private final boolean[] changed;
  private final float[][] ramps;
  private final int[] changeFrame = new int[MAX_CHANGES];
  private final int[] changeParam = new int[MAX_CHANGES];
  private final double[] changeValue = new double[MAX_CHANGES];
  private int changes;

  ParameterState(List<ParameterDescriptor> parameters, double[] initial, double sampleRate, int maxFrames) {
    count = parameters.size();
    min = new double[count];
    max = new double[count];
    stepped = new boolean[count];
    glide = new int[count];
    current = new double[count];
    target = new double[count];
    step = new double[count];
    remaining = new int[count];
    first = new double[count];
    constant = new boolean[count];
    changed = new boolean[count];
    ramps = new float[count][maxFrames];
    for (int p = 0; p < count; p++) {
      ParameterDescriptor d = parameters.get(p);
      min[p] = d.min();
      max[p] = d.max();
      stepped[p] = d.has(ParameterFlag.STEPPED);
      glide[p] = stepped[p] ? 0 : (int) Math.round(d.smoothingMillis() * sampleRate / 1000.0);
      current[p] = target[p] = first[p] = d.clamp(initial[p]);
      constant[p] = true;
      Arrays.fill(ramps[p], (float) current[p]);
    }
  }

  /**
   * Queues a change at frame {@code offset} of the coming block; changes arrive in frame order.
   * Out-of-range values are clamped, unknown parameters ignored.
   *
   * @return false if the block already holds {@link #MAX_CHANGES} changes
   */
  boolean change(int offset, int parameter, double value) {
    if (parameter < 0 || parameter >= count || value != value) {
      return true;
    }
    if (changes == MAX_CHANGES) {
      return false;
    }
    double v = Math.max(min[parameter], Math.min(max[parameter], value));
    changeFrame[changes] = offset;
    changeParam[changes] = parameter;
    changeValue[changes] = stepped[parameter] ? Math.rint(v) : v;
    changes++;
    changed[parameter] = true;
    return true;
  }

  /** Computes this block's ramps. */
  void begin(int frames) {
    for (int p = 0; p < count; p++) {
      if (remaining[p] == 0 && !changed[p]) {
        if (!constant[p]) {
          // Came to rest: fill the whole ramp once so it stays valid for any block size.
          Arrays.fill(ramps[p], (float) current[p]);
          constant[p] = true;
        }
        first[p] = current[p];
        continue;
      }
      ramp(p, frames);
    }
  }

  private void ramp(int p, int frames) {
    float[] ramp = ramps[p];
    double cur = current[p];
    double tgt = target[p];
    double st = step[p];
    int left = remaining[p];
    int c = 0;
    for (int f = 0; f < frames; f++) {
      while (c < changes && changeFrame[c] <= f) {
        if (changeParam[c] == p) {
          tgt = changeValue[c];
          if (glide[p] == 0) {
            cur = tgt;
            left = 0;
          } else {
            left = glide[p];
            st = (tgt - cur) / left;
          }
        }
        c++;
      }
      if (left > 0) {
        cur += st;
        if (--left == 0) {
          cur = tgt;
        }
      }
      ramp[f] = (float) cur;
      if (f == 0) {
        first[p] = cur;
      }
    }
    current[p] = cur;
    target[p] = tgt;
    step[p] = st;
    remaining[p] = left;
    constant[p] = false;
    changed[p] = false;
  }

  /** Forgets this block's changes. */
  void end() {
    changes = 0;
  }

  double value(int p) {
    return first[p];
  }

  float[] ramp(int p) {
    return ramps[p];
  }

  boolean isConstant(int p) {
    return constant[p];
  }
}
