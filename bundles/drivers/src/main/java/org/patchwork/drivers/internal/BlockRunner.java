package org.patchwork.drivers.internal;

import java.util.Arrays;
import org.patchwork.drivers.AudioCallback;

/**
 * Runs one block on the audio thread: zeroes the outputs, calls the callback, times it and
 * records the result. The buffers are allocated once, here, when the driver opens.
 */
public final class BlockRunner {

  private static final AudioCallback SILENCE = (in, out, frames) -> { };

  private final float[][] inputs;
  private final float[][] outputs;
  private final StatsRecorder stats;
  private volatile AudioCallback callback = SILENCE;

  public BlockRunner(int inputs, int outputs, int maxFrames, StatsRecorder stats) {
    this.inputs = new float[inputs][maxFrames];
    this.outputs = new float[outputs][maxFrames];
    this.stats = stats;
  }

  /** Rounds of {@link #prime}: past C2's invocation threshold (Tier4InvocationThreshold 5000). */
  private static final int PRIME_ROUNDS = 20_000;

  /**
   * Control thread, at open. Runs a scratch runner and recorder through the per-block path
   * until the JIT has compiled it here, so compilation's one-time allocations (constant strings,
   * profiling data) never land in the audio thread's measured window.
   */
  static void prime(int inputs, int outputs, int maxFrames) {
    BlockRunner scratch = new BlockRunner(inputs, outputs, maxFrames,
        new StatsRecorder(AllocationMeter.create(), 1));
    AudioCallback[] kinds = primingCallbacks();
    for (int i = 0; i < PRIME_ROUNDS; i++) {
      scratch.callback(kinds[i % kinds.length]);
      scratch.run(Math.min(64, maxFrames), Long.MAX_VALUE, Long.MAX_VALUE);
    }
  }

  /**
   * Three callbacks of three classes, for priming loops to take turns with. C2 compiles a call
   * site that saw one or two receiver classes with a type check that traps on any other class:
   * primed with one scratch callback, {@link #run} was thrown out and recompiled at the first
   * real block, which then ran interpreted past JACK's deadline (measured: "client was not
   * finished" at block 2 or 3). Seen with three classes the call stays virtual and never traps.
   */
  static AudioCallback[] primingCallbacks() {
    return new AudioCallback[] {
        (in, out, frames) -> out[0][0] = 0f,
        (in, out, frames) -> out[out.length - 1][frames - 1] = 0f,
        SILENCE,
    };
  }

  /** Control thread, before the audio thread runs. */
  public void callback(AudioCallback callback) {
    this.callback = callback == null ? SILENCE : callback;
  }

  public float[][] inputs() {
    return inputs;
  }

  public float[][] outputs() {
    return outputs;
  }

  public int maxFrames() {
    return outputs[0].length;
  }

  public StatsRecorder stats() {
    return stats;
  }

  /**
   * Audio thread. Renders {@code frames} frames. A miss is counted if the callback ends after
   * {@code deadlineNanos} (an absolute {@link System#nanoTime()}) or runs longer than
   * {@code budgetNanos}. Returns the time the callback ended.
   */
  public long run(int frames, long deadlineNanos, long budgetNanos) {
    float[][] out = outputs;
    for (float[] channel : out) {
      Arrays.fill(channel, 0, frames, 0f);
    }
    boolean failed = false;
    long start = stats.beginBlock();
    try {
      callback.process(inputs, out, frames);
    } catch (Throwable t) { // the contract says never; if it happens, the music goes on
      failed = true;
      for (float[] channel : out) {
        Arrays.fill(channel, 0, frames, 0f);
      }
    }
    long end = System.nanoTime();
    stats.endBlock(start, end, end > deadlineNanos || end - start > budgetNanos, failed);
    return end;
  }
}
