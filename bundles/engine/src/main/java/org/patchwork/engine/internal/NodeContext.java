package org.patchwork.engine.internal;

import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.Transport;

/**
 * The {@link ProcessContext} of one node: buffers fixed when the plan was compiled, this
 * block's events and parameter ramps, and the engine's transport. Every method is a field or
 * array read.
 *
 * <p>During a hot-swap two instances read the same context in one block: the outputs are
 * {@linkplain #route routed} to the incoming instance's own buffers while it runs, and an
 * instrument's incoming instance first hears the notes held so far ({@link HeldNotes}).
 */
final class NodeContext implements ProcessContext {

  final ModuleDescriptor descriptor;
  private final double sampleRate;
  private final float[][][] inputs;
  private final float[][][] main;
  private float[][][] outputs;
  private final boolean[] connected;
  private final ParameterState parameters;
  private final EventList events = new EventList();
  /** Notes held at the block boundary and their replay; null for nodes that get no notes. */
  private HeldNotes held;
  private EventList replay;
  private boolean replaying;
  private Transport transport;
  private int frames;

  NodeContext(ModuleDescriptor descriptor, double sampleRate, float[][][] inputs, float[][][] outputs,
      boolean[] connected, ParameterState parameters) {
    this.descriptor = descriptor;
    this.sampleRate = sampleRate;
    this.inputs = inputs;
    this.main = outputs;
    this.outputs = outputs;
    this.connected = connected;
    this.parameters = parameters;
  }

  void bind(Transport t) {
    transport = t;
  }

  /** Keeps track of held notes, for a node that receives a track's notes. Thread: control. */
  void trackNotes() {
    held = new HeldNotes();
    replay = new EventList(2 * HeldNotes.CAPACITY);
  }

  /** The node's own output buffers, as compiled. */
  float[][][] mainOutputs() {
    return main;
  }

  /** Sends {@link #output} to {@code to} (same shape as the node's outputs). Thread: audio. */
  void route(float[][][] to) {
    outputs = to;
  }

  /** Sends {@link #output} back to the node's own buffers. Thread: audio. */
  void routeMain() {
    outputs = main;
  }

  /**
   * While on, the events are the held notes (as note-ons at frame 0) followed by the block's
   * own: what a newly swapped-in instrument instance must hear. Thread: audio.
   */
  void replayHeld(boolean on) {
    if (on && held != null) {
      held.replayInto(replay);
      replaying = replay.count() > 0;
    } else {
      replaying = false;
    }
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
    if (held != null) {
      held.update(events);
    }
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
    return replaying ? replay.count() + events.count() : events.count();
  }

  @Override
  public Event event(int index) {
    if (replaying) {
      int r = replay.count();
      return index < r ? replay.view(index) : events.view(index - r);
    }
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
