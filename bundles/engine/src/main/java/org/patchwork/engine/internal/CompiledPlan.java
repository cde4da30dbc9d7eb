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
  private final AudioModule[] modules;
  private MixGains initialMix;
  private boolean closed;
  private volatile Object owner;

  CompiledPlan(Wiring wiring, double sampleRate, int maxFrames, int chunk, int latency, Step[] steps,
      int[] groupStart, NodeStep[] nodes, NodeContext[] instruments, float[][] output, float[][] silences,
      int gainSlots, int bufferCount, List<String> warnings, AudioModule[] modules) {
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
      logs[g] = new FaultLog(groupStart[g + 1] - groupStart[g]);
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
