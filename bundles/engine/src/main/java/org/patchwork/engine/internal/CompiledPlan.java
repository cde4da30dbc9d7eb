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

  /** Longest crossfade of a hot-swap, in seconds (the bound: 10 ms). */
  static final double FADE_SECONDS = 0.010;

  final Wiring wiring;
  final double sampleRate;
  final int maxFrames;
  /** Largest block the steps may see: maxFrames, or less when a feedback delay is shorter. */
  final int chunk;
  final int latency;
  /** The schedule: group g is steps[groupStart[g]..groupStart[g+1]), then the serial rest. */
  final Step[] steps;
  final int[] groupStart;
  final int groups;
  /** Each group's view of the block, with its own fault log. */
  private final Block[] groupBlocks;
  private final FaultLog[] logs;
  final NodeStep[] nodes;
  final NodeContext[] instruments;
  final float[][] output;
  /** The silence read by unconnected inputs: one per group, then the serial steps'. */
  final float[][] silences;
  final float[] gainFrom;
  final float[] gainTo;
  final int bufferCount;
  final List<String> warnings;
  /** Weight of the new instance over a hot-swap's crossfade: a raised cosine ending at 1. */
  final float[] fadeCurve;
  private MixGains initialMix;
  private boolean closed;
  private volatile Object owner;

  CompiledPlan(Wiring wiring, double sampleRate, int maxFrames, int chunk, int latency, Step[] steps,
      int[] groupStart, NodeStep[] nodes, NodeContext[] instruments, float[][] output, float[][] silences,
      int gainSlots, int bufferCount, List<String> warnings) {
    this.wiring = wiring;
    this.sampleRate = sampleRate;
    this.maxFrames = maxFrames;
    this.chunk = chunk;
    this.latency = latency;
    this.steps = steps;
    this.groupStart = groupStart;
    this.groups = groupStart.length - 1;
    this.groupBlocks = new Block[groups];
    this.logs = new FaultLog[groups];
    for (int g = 0; g < groups; g++) {
      logs[g] = new FaultLog(2 * (groupStart[g + 1] - groupStart[g]));
      groupBlocks[g] = new Block();
      groupBlocks[g].faults = logs[g];
    }
    this.nodes = nodes;
    this.instruments = instruments;
    this.output = output;
    this.silences = silences;
    this.gainFrom = new float[gainSlots];
    this.gainTo = new float[gainSlots];
    this.bufferCount = bufferCount;
    this.warnings = List.copyOf(warnings);
    this.fadeCurve = curve(sampleRate);
  }

  /**
   * {@code w[k] = (1 − cos(π (k+1) / L)) / 2} for {@code L = ⌊10 ms · rate⌋} frames: the two
   * sides' weights sum to 1, so a signal both instances agree on passes unchanged, and the
   * curve starts and ends flat, so the fade adds no corner of its own.
   */
  private static float[] curve(double sampleRate) {
    int length = Math.max(1, (int) Math.floor(FADE_SECONDS * sampleRate));
    float[] w = new float[length];
    for (int k = 0; k < length; k++) {
      w[k] = (float) (0.5 - 0.5 * Math.cos(Math.PI * (k + 1) / length));
    }
    w[length - 1] = 1f;
    return w;
  }

  /**
   * A swap of node {@code node} to {@code module} (null: its placeholder), with its own buffers.
   * Thread: control.
   */
  NodeSwap swap(int node, AudioModule module) {
    float[][][] routed = NodeSwap.shaped(nodes[node].context.mainOutputs(), maxFrames);
    return new NodeSwap(this, node, module, routed, NodeSwap.flatten(routed), fadeCurve);
  }

  /** Frames a hot-swap's crossfade lasts. */
  public int fadeFrames() {
    return fadeCurve.length;
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

  /**
   * One block through every step: the groups, on {@code workers} when there are several of
   * both (else here, in order), then the rest here. A group only touches its own buffers and
   * its steps run in schedule order on one thread, so the result does not depend on the number
   * of threads. Faults found in groups are reported after them, in group order. Thread: audio.
   */
  void run(Block b, Workers workers) {
    // A module that wrongly writes into an unconnected input must not leak into the next one.
    for (float[] silence : silences) {
      Arrays.fill(silence, 0, b.frames, 0f);
    }
    for (int g = 0; g < groups; g++) {
      Block gb = groupBlocks[g];
      gb.frame = b.frame;
      gb.frames = b.frames;
      gb.gainFrom = b.gainFrom;
      gb.gainTo = b.gainTo;
      gb.budgetNanosPerFrame = b.budgetNanosPerFrame;
      gb.overrunBlocks = b.overrunBlocks;
    }
    if (workers != null && groups > 1) {
      workers.run(this);
    } else {
      for (int g = 0; g < groups; g++) {
        runGroup(g);
      }
    }
    for (int g = 0; g < groups; g++) {
      logs[g].forward(b.faults);
    }
    for (int s = groupStart[groups]; s < steps.length; s++) {
      steps[s].run(b);
    }
  }

  /** Runs group {@code g}'s steps. Thread: the audio thread or one engine worker. */
  void runGroup(int g) {
    Block gb = groupBlocks[g];
    for (int s = groupStart[g]; s < groupStart[g + 1]; s++) {
      steps[s].run(gb);
    }
  }

  /** Records a fault of the engine itself while running group {@code g} (a worker's catch). */
  void groupFailed(int g) {
    logs[g].fault(groupBlocks[g].frame, -1, org.patchwork.engine.FaultReason.ENGINE);
  }

  /** Groups of steps that may run at the same time. */
  public int groups() {
    return groups;
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

  /** Whether node {@code node} plays as a placeholder (no instance). Thread: any (a hint). */
  public boolean placeholder(int node) {
    return nodes[node].placeholder();
  }

  /**
   * Deactivates every instance the nodes hold (those a hot-swap brought in included; those a
   * swap or a fault dropped are the lifecycle's to deactivate). Thread: control, only once no
   * engine runs this plan. Further calls do nothing.
   */
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException first = null;
    for (NodeStep n : nodes) {
      for (AudioModule m : new AudioModule[] {n.current(), n.takeFaulted()}) {
        try {
          if (m != null) {
            m.deactivate();
          }
        } catch (RuntimeException e) {
          if (first == null) {
            first = e;
          }
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
