package org.patchwork.sdk.module;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a module sees during {@link AudioModule#process}: the block's buffers, its events and
 * parameter values, and the transport. The host reuses one context object; nothing read from
 * it may be kept after {@code process} returns.
 *
 * <p>Thread: audio. Every method is allocation-free and constant time.
 */
@ProviderType
public interface ProcessContext {

  /** Frames in this block, 1..maxFrames. */
  int frames();

  /** Frames per second. */
  double sampleRate();

  /**
   * The input buffer of a channel of an audio or CV input port. Holds silence (zeros) when the
   * port is not connected. Length is at least {@link #frames()}.
   *
   * @param port the port's index in {@link ModuleDescriptor#ports()}
   */
  float[] input(int port, int channel);

  /** Whether something is connected to this input port. */
  boolean isConnected(int port);

  /**
   * The output buffer of a channel of an audio or CV output port; the module writes frames
   * {@code 0..frames()-1}. Contents on entry are undefined.
   *
   * @param port the port's index in {@link ModuleDescriptor#ports()}
   */
  float[] output(int port, int channel);

  /** Events for this block, in ascending frame order. */
  int eventCount();

  /**
   * The {@code index}-th event of this block; the returned view is only valid until the next
   * call of this method.
   */
  Event event(int index);

  /**
   * The value of a parameter at the first frame of this block, already smoothed.
   *
   * @param index the parameter's index in {@link ModuleDescriptor#parameters()}
   */
  double parameter(int index);

  /**
   * Per-frame values of a parameter in this block: smoothed, with changes placed at their
   * frame. Read it when {@link #isParameterConstant} is false.
   */
  float[] parameterRamp(int index);

  /** True when the parameter keeps the same value through the whole block. */
  boolean isParameterConstant(int index);

  /** Tempo and position of the song. */
  Transport transport();
}
