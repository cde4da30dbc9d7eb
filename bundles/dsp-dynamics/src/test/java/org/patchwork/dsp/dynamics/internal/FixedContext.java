package org.patchwork.dsp.dynamics.internal;

import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.Transport;

/**
 * A minimal allocation-free host context for measuring a module's own allocation: every input
 * holds noise, every parameter its default, optionally as a glide across its range.
 */
final class FixedContext implements ProcessContext {

  private final ModuleDescriptor descriptor;
  private final double sampleRate;
  private final int frames;
  private final float[][][] buffers;
  private final float[][] ramps;
  private final java.util.SplittableRandom random = new java.util.SplittableRandom(5);
  boolean ramping;

  FixedContext(ModuleDescriptor descriptor, double sampleRate, int frames) {
    this.descriptor = descriptor;
    this.sampleRate = sampleRate;
    this.frames = frames;
    buffers = new float[descriptor.ports().size()][][];
    for (int p = 0; p < buffers.length; p++) {
      buffers[p] = new float[Math.max(1, descriptor.ports().get(p).channels())][frames];
    }
    ramps = new float[descriptor.parameters().size()][frames];
  }

  /** New input noise and parameter ramps for block number {@code block}. */
  void fill(int block) {
    for (int p = 0; p < buffers.length; p++) {
      for (float[] channel : buffers[p]) {
        for (int i = 0; i < frames; i++) {
          channel[i] = (float) (random.nextDouble() * 2 - 1);
        }
      }
    }
    for (int k = 0; k < ramps.length; k++) {
      ParameterDescriptor p = descriptor.parameters().get(k);
      for (int i = 0; i < frames; i++) {
        double t = ramping ? ((block * frames + i) % 10_000) / 10_000.0 : -1;
        ramps[k][i] = (float) (t < 0 ? p.defaultValue() : p.min() + t * (p.max() - p.min()));
      }
    }
  }

  @Override public int frames() { return frames; }
  @Override public double sampleRate() { return sampleRate; }
  @Override public float[] input(int port, int channel) { return buffers[port][channel]; }
  @Override public boolean isConnected(int port) { return true; }
  @Override public float[] output(int port, int channel) { return buffers[port][channel]; }
  @Override public int eventCount() { return 0; }
  @Override public Event event(int index) { throw new IndexOutOfBoundsException(index); }
  @Override public double parameter(int index) { return ramps[index][0]; }
  @Override public float[] parameterRamp(int index) { return ramps[index]; }
  @Override public boolean isParameterConstant(int index) { return !ramping; }
  @Override public Transport transport() { return null; }
}
