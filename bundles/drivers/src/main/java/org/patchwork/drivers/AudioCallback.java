package org.patchwork.drivers;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a driver calls once per block to fill its outputs, typically the engine.
 *
 * <pre>{@code
 * AudioCallback silence = (in, out, frames) -> {
 *   for (float[] channel : out) java.util.Arrays.fill(channel, 0, frames, 0f);
 * };
 * }</pre>
 */
@ConsumerType
@FunctionalInterface
public interface AudioCallback {

  /**
   * Renders one block. Thread: the driver's audio thread, never two calls at once. It must not
   * allocate, block, log, do I/O or throw: a throw is counted in
   * {@link DriverStats#callbackFailures()} and the block is played as silence.
   *
   * @param inputs  {@code [channel][frame]} captured audio, valid up to {@code frames}; the
   *                arrays belong to the driver and are reused on every call
   * @param outputs {@code [channel][frame]} to write up to {@code frames}; the driver zeroes
   *                them before each call
   * @param frames  frames in this block, at most {@link AudioDriver#blockSize()}
   */
  void process(float[][] inputs, float[][] outputs, int frames);
}
