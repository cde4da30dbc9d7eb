package org.patchwork.engine.internal;

import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.Transport;

/**
 * The {@link ProcessContext} of one node: buffers fixed when the plan was compiled, this
 * block's events and parameter ramps, and the engine's transport. Every method is a field or
 * array read.
 */
final class NodeContext implements ProcessContext {

  final ModuleDescriptor descriptor;
  private final double sampleRate;
  private final float[][][] inputs;
  private final float[][][] outputs;
  private final boolean[] connected;
  private final ParameterState parameters;
  private final EventList events = new EventList();
  private Transport transport;
  private int frames;

  NodeContext(ModuleDescriptor descriptor, double sampleRate, float[][][] inputs, float[][][] outputs,
      boolean[] connected, ParameterState parameters) {
    this.descriptor = descriptor;
    this.sampleRate = sampleRate;
    this.inputs = inputs;
    this.outputs = outputs;
    this.connected = connected;
    this.parameters = parameters;
  }

  void bind(Transport t) {
    transport = t;
  }

  /** Queues a note event at {@code offset} in the coming block. @return false when full */
  boolean event(int offset, Event.Type type, int key, float velocity, int noteId, double value) {
    return events.add(offset, type, key, velocity, noteId, value);
  }

  /** Queues a parameter change. @return false when full */
  boolean parameter(int offset, int index, double value) {
    return parameters.change(offset, index, value);
  }

  void begin(int n) {
    frames = n;
    parameters.begin(n);
  }

  void end() {
    events.clear();
    parameters.end();
  }

  @Override
  public int frames() {
    return frames;
  }

  @Override
  public double sampleRate() {
    return sampleRate;
  }

  @Override
  public float[] input(int port, int channel) {
    return inputs[port][channel];
  }

  @Override
  public boolean isConnected(int port) {
    return connected[port];
  }

  @Override
  public float[] output(int port, int channel) {
    return outputs[port][channel];
  }

  @Override
  public int eventCount() {
    return events.count();
  }

  @Override
  public Event event(int index) {
    return events.view(index);
  }

  @Override
  public double parameter(int index) {
    return parameters.value(index);
  }

  @Override
  public float[] parameterRamp(int index) {
    return parameters.ramp(index);
  }

  @Override
  public boolean isParameterConstant(int index) {
    return parameters.isConstant(index);
  }

  @Override
  public Transport transport() {
    return transport;
  }
}
