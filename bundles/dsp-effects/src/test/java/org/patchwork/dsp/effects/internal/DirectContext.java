package org.patchwork.dsp.effects.internal;

import java.util.Arrays;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;
import org.patchwork.sdk.module.Transport;

/**
 * A bare host for one stereo effect: fixed buffers, constant parameters and a settable tempo,
 * so a test can call {@code process} directly (to count allocated bytes, or to play at a tempo
 * other than the harness's 120 BPM).
 */
final class DirectContext implements ProcessContext, Transport {

  final AudioModule module;
  final double[] parameters;
  final float[][] in;
  final float[][] out;
  private final float[] ramp;
  private final double sampleRate;
  double tempo = 120;
  private int frames;
  private long songFrame;

  DirectContext(AudioModule module, ModuleDescriptor descriptor, double sampleRate, int blockSize) {
    this.module = module;
    this.sampleRate = sampleRate;
    parameters = new double[descriptor.parameters().size()];
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] = descriptor.parameters().get(i).defaultValue();
    }
    in = new float[2][blockSize];
    out = new float[2][blockSize];
    ramp = new float[blockSize];
    module.activate(sampleRate, blockSize);
  }

  /** Processes one block of {@code n} frames of whatever {@link #in} holds. */
  ProcessStatus block(int n) {
    frames = n;
    ProcessStatus status = module.process(this);
    songFrame += n;
    return status;
  }

  /** Renders a whole signal ({@code [channel][frame]}, 2 channels) block by block. */
  float[][] render(float[][] signal, int blockSize) {
    int length = signal[0].length;
    float[][] result = new float[2][length];
    for (int done = 0; done < length; done += blockSize) {
      int n = Math.min(blockSize, length - done);
      for (int ch = 0; ch < 2; ch++) {
        Arrays.fill(in[ch], 0f);
        System.arraycopy(signal[ch], done, in[ch], 0, n);
      }
      block(n);
      for (int ch = 0; ch < 2; ch++) {
        System.arraycopy(out[ch], 0, result[ch], done, n);
      }
    }
    return result;
  }

  @Override public int frames() { return frames; }
  @Override public double sampleRate() { return sampleRate; }
  @Override public float[] input(int port, int channel) { return in[channel]; }
  @Override public boolean isConnected(int port) { return port == 0; }
  @Override public float[] output(int port, int channel) { return out[channel]; }
  @Override public int eventCount() { return 0; }
  @Override public Event event(int index) { throw new IndexOutOfBoundsException(index); }
  @Override public double parameter(int index) { return parameters[index]; }

  @Override
  public float[] parameterRamp(int index) {
    Arrays.fill(ramp, (float) parameters[index]);
    return ramp;
  }

  @Override public boolean isParameterConstant(int index) { return true; }
  @Override public Transport transport() { return this; }
  @Override public boolean isPlaying() { return true; }
  @Override public double tempo() { return tempo; }
  @Override public long songFrame() { return songFrame; }
  @Override public double songBeat() { return songFrame / sampleRate * tempo / 60; }
  @Override public int beatsPerBar() { return 4; }
}
