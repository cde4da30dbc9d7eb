package org.patchwork.sdk.module;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One running instance of a module. The lifecycle is
 * {@code create → activate → (process | reset)* → deactivate}, possibly activated again.
 *
 * <p>Real-time rules for {@link #process} and {@link #reset}: no allocation, no locks, no I/O,
 * no logging, no capturing lambdas, no exceptions by design. Everything those methods need is
 * allocated in {@link #activate}.
 *
 * <pre>{@code
 * public ProcessStatus process(ProcessContext ctx) {
 *   float[] out = ctx.output(OUT, 0);
 *   float gain = (float) ctx.parameter(GAIN);
 *   for (int i = 0; i < ctx.frames(); i++) {
 *     out[i] = gain * (float) Math.sin(phase);
 *     phase += step;
 *   }
 *   return ProcessStatus.CONTINUE;
 * }
 * }</pre>
 */
@ConsumerType
public interface AudioModule {

  /**
   * Prepares for processing: allocate buffers, tables and voices here. Thread: the engine's
   * control thread, never the audio thread; never concurrent with {@link #process}.
   *
   * @param sampleRate frames per second, e.g. 48000
   * @param maxFrames the largest {@link ProcessContext#frames()} that {@link #process} will see
   */
  void activate(double sampleRate, int maxFrames);

  /**
   * Processes one block: reads inputs, events and parameters from {@code context}, writes every
   * frame of every output channel (unless it returns {@link ProcessStatus#SILENT}). Thread:
   * audio. Must not allocate, lock, log or do I/O, and must not throw; a module that throws
   * or writes NaN/Inf is bypassed and reported.
   */
  ProcessStatus process(ProcessContext context);

  /**
   * Clears all audio state (delay lines, envelopes, voices) so that the same input gives the
   * same output again. Parameter values are kept. Thread: audio, between two blocks; the same
   * real-time rules as {@link #process} apply.
   */
  void reset();

  /** Releases what {@link #activate} allocated. Thread: the engine's control thread. */
  void deactivate();

  /**
   * Internal state beyond parameter values (a loaded wavetable, a sample reference) for
   * presets and hot-swap; {@code null} when parameters say everything. Thread: a control
   * thread of the engine. For presets and saving it is called while the instance is not
   * processing; for a hot-swap it is called while the old instance still plays (as CLAP and
   * VST hosts do), so read only state that {@code process} does not change, or that it
   * publishes safely (a volatile or final field, an immutable object).
   */
  default byte[] saveState() {
    return null;
  }

  /**
   * Restores what {@link #saveState()} returned, possibly from an older version of the module.
   * Thread: the engine's control thread, before {@link #activate} or while not processing.
   *
   * @throws IllegalArgumentException if the state cannot be understood; the host then keeps
   *     the instance at its defaults and reports the message
   */
  default void restoreState(byte[] state) {
  }
}
