package org.patchwork.engine.internal;

import java.util.Arrays;
import java.util.List;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.Transport;

/**
 * A graph made runnable: module instances activated, every buffer allocated and assigned, the
 * schedule fixed. The audio thread only walks {@link #steps}. Built and closed on a control
 * thread; handed to the audio thread through the engine ring.
 */
public final class CompiledPlan {

  final Wiring wiring;
  final double sampleRate;
  final int maxFrames;
  /** Largest block the steps may see: maxFrames, or less when a feedback delay is shorter. */
  final int chunk;
  final int latency;
  final Step[] steps;
  final NodeStep[] nodes;
  final NodeContext[] instruments;
  final float[][] output;
  final float[] silence;
  final float[] gainFrom;
  final float[] gainTo;
  final int bufferCount;
  final List<String> warnings;
  private final AudioModule[] modules;
  private MixGains initialMix;
  private boolean closed;
  private volatile Object owner;

  CompiledPlan(Wiring wiring, double sampleRate, int maxFrames, int chunk, int latency, Step[] steps,
      NodeStep[] nodes, NodeContext[] instruments, float[][] output, float[] silence,
      int gainSlots, int bufferCount, List<String> warnings, AudioModule[] modules) {
    this.wiring = wiring;
    this.sampleRate = sampleRate;
    this.maxFrames = maxFrames;
    this.chunk = chunk;
    this.latency = latency;
    this.steps = steps;
    this.nodes = nodes;
    this.instruments = instruments;
    this.output = output;
    this.silence = silence;
    this.gainFrom = new float[gainSlots];
    this.gainTo = new float[gainSlots];
    this.bufferCount = bufferCount;
    this.warnings = List.copyOf(warnings);
    this.modules = modules;
  }

  void initialMix(MixGains mix) {
    initialMix = mix;
    System.arraycopy(mix.gains, 0, gainFrom, 0, gainFrom.length);
    System.arraycopy(mix.gains, 0, gainTo, 0, gainTo.length);
  }

  /** Points every node at the engine's transport. Thread: audio, when the plan is adopted. */
  void bind(Transport transport) {
    for (NodeStep n : nodes) {
      n.context.bind(transport);
    }
  }

  /** One block through every step. Thread: audio. */
  void run(Block b) {
    // A module that wrongly writes into an unconnected input must not leak into the next one.
    Arrays.fill(silence, 0, b.frames, 0f);
    for (Step s : steps) {
      s.run(b);
    }
  }

  /** The API object wrapping this plan, so the engine can report which plan is playing. */
  public Object owner() {
    return owner;
  }

  /** Sets {@link #owner()}, once, right after compilation. */
  public void owner(Object apiPlan) {
    owner = apiPlan;
  }

  /** Sample rate the modules were activated at. */
  public double sampleRate() {
    return sampleRate;
  }

  /** Largest block the modules were activated for. */
  public int maxFrames() {
    return maxFrames;
  }

  /** Frames by which the output lags the notes (the longest compensated path). */
  public int latency() {
    return latency;
  }

  /** The checked graph. */
  public Wiring wiring() {
    return wiring;
  }

  /** Distinct audio buffers the plan uses, after reuse. */
  public int bufferCount() {
    return bufferCount;
  }

  /** Things that did not stop the plan but should be reported (a state that did not restore). */
  public List<String> warnings() {
    return warnings;
  }

  /** The mix the graph asked for. */
  public MixGains initialMix() {
    return initialMix;
  }

  /** Whether node {@code node} has been bypassed after a fault. Thread: any (a hint). */
  public boolean bypassed(int node) {
    return nodes[node].bypassed();
  }

  /**
   * Deactivates every module. Thread: control, only once no engine runs this plan. Further
   * calls do nothing.
   */
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException first = null;
    for (AudioModule m : modules) {
      try {
        m.deactivate();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
