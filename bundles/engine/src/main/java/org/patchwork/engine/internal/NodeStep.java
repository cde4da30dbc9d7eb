package org.patchwork.engine.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.patchwork.engine.FaultReason;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * Runs one node: its module instance, or its {@link Bypass} while it has none (a placeholder
 * whose bundle is gone or held back, or after a fault).
 *
 * <p>Quarantine: an instance that throws, returns {@link ProcessStatus#ERROR}, writes NaN or
 * infinity, or (when the engine watches CPU) overruns its budget for
 * {@link Block#overrunBlocks} blocks in a row is dropped in that same block: the block's output
 * is the bypass's, the fault is reported once, and the rest of the plan plays on. The control
 * thread learns of it through {@link #faultCount()} and deactivates the instance.
 *
 * <p>Hot-swap: {@link #begin} takes a {@link NodeSwap} at a block boundary; from then on both
 * instances process every block (the new one into its own buffers, an instrument's new one
 * first hearing the held notes) and the node's output fades from the old to the new along the
 * swap's curve. When the curve ends the new instance (or the bypass) is the node's.
 */
final class NodeStep extends Step {

  final int node;
  final NodeContext context;
  private final Bypass bypass;
  private final float[][] outputs;
  private AudioModule current;
  private NodeSwap swap;
  private int overruns;
  // Written by the audio thread, read by control threads: the volatile count publishes the rest.
  private final AtomicReference<AudioModule> faulted = new AtomicReference<>();
  private FaultReason lastReason;
  private long lastFaultFrame;
  private volatile int faultCount;
  private volatile boolean quarantined;
  private volatile boolean placeholder;

  /**
   * @param module the activated instance, or null for a placeholder
   */
  NodeStep(float[][] gathers, Feed[] feeds, DelayLine[] tapLines, float[][] tapSources, int node,
      NodeContext context, AudioModule module, float[][] outputs, Bypass bypass) {
    super(gathers, feeds, tapLines, tapSources);
    this.node = node;
    this.context = context;
    this.current = module;
    this.outputs = outputs;
    this.bypass = bypass;
    this.placeholder = module == null;
  }

  @Override
  void run(Block b) {
    gather(b);
    int n = b.frames;
    context.begin(n);
    AudioModule m = current;
    if (m != null) {
      FaultReason r = call(m, outputs, b, n, true);
      if (r != null) {
        quarantine(b, r);
      }
    }
    if (current == null) {
      bypass.run(context, n);
    }
    NodeSwap s = swap;
    if (s != null) {
      fadeIn(s, b, n);
    }
    context.end();
    tap(b);
  }

  /**
   * One call of {@code m.process}, with the checks every block gets.
   *
   * @return null, or why {@code m} must be dropped
   */
  private FaultReason call(AudioModule m, float[][] out, Block b, int n, boolean timed) {
    boolean watch = timed && b.budgetNanosPerFrame > 0;
    long start = watch ? System.nanoTime() : 0L;
    ProcessStatus status;
    try {
      status = m.process(context);
    } catch (Throwable t) {
      // Only a faulty module allocates here (its exception); the engine does not.
      return FaultReason.EXCEPTION;
    }
    if (status == ProcessStatus.SILENT) {
      silence(out, n);
    } else if (status != ProcessStatus.CONTINUE) {
      return FaultReason.ERROR_STATUS;
    } else if (!finite(out, n)) {
      return FaultReason.NOT_FINITE;
    }
    if (watch) {
      // One late block is the machine's (a safepoint, a preempted core); several in a row are the module's.
      if (System.nanoTime() - start > b.budgetNanosPerFrame * n) {
        if (++overruns >= b.overrunBlocks) {
          return FaultReason.CPU_BUDGET;
        }
      } else {
        overruns = 0;
      }
    }
    return null;
  }

  private void quarantine(Block b, FaultReason r) {
    faulted.set(current);
    current = null;
    overruns = 0;
    lastReason = r;
    lastFaultFrame = b.frame;
    quarantined = true;
    faultCount = faultCount + 1;
    b.faults.fault(b.frame, node, r);
  }

  /** Runs the incoming side of {@code s} and mixes it into the node's output. */
  private void fadeIn(NodeSwap s, Block b, int n) {
    context.route(s.routed);
    if (s.module != null) {
      context.replayHeld(s.position == 0);
      FaultReason r = call(s.module, s.flat, b, n, false);
      context.replayHeld(false);
      if (r != null) {
        context.routeMain();
        s.failure = r;
        s.failedFrame = b.frame;
        swap = null;
        s.state = NodeSwap.FAILED;
        b.faults.fault(b.frame, node, r);
        return;
      }
    } else {
      bypass.run(context, n);
    }
    context.routeMain();
    float[] curve = s.curve;
    int length = curve.length;
    int pos = s.position;
    float[][] in = s.flat;
    for (int i = 0; i < outputs.length; i++) {
      float[] out = outputs[i];
      float[] next = in[i];
      int f = 0;
      for (; f < n && pos + f < length; f++) {
        out[f] += curve[pos + f] * (next[f] - out[f]);
      }
      if (f < n) {
        System.arraycopy(next, f, out, f, n - f);
      }
    }
    s.position = pos + n;
    if (s.position >= length) {
      complete(s);
    }
  }

  /** Takes {@code s} at a block boundary. Thread: audio (the engine's ring handler). */
  void begin(NodeSwap s, long frame) {
    if (swap != null) {
      // The control thread waits for a swap to end before it sends the next; should two meet
      // anyway, the first ends at once.
      complete(swap);
    }
    s.takenFrame = frame;
    s.takenNanos = System.nanoTime();
    s.oldWasPlaceholder = current == null;
    s.position = 0;
    swap = s;
    s.state = NodeSwap.FADING;
  }

  private void complete(NodeSwap s) {
    s.old = current;
    current = s.module;
    placeholder = s.module == null;
    quarantined = false;
    overruns = 0;
    swap = null;
    s.state = NodeSwap.DONE;
  }

  /** Whether the node was quarantined after a fault. Thread: any (a hint). */
  boolean bypassed() {
    return quarantined;
  }

  /** Whether the node has no instance: its bundle is gone or held back. Thread: any (a hint). */
  boolean placeholder() {
    return placeholder;
  }

  /** Faults so far; {@link #lastReason()} and {@link #lastFaultFrame()} are the latest's. */
  int faultCount() {
    return faultCount;
  }

  FaultReason lastReason() {
    return lastReason;
  }

  long lastFaultFrame() {
    return lastFaultFrame;
  }

  /** The instance dropped by the latest fault, once; null if taken already. Thread: control. */
  AudioModule takeFaulted() {
    return faulted.getAndSet(null);
  }

  /** The instance playing. Thread: control, once no engine runs the plan. */
  AudioModule current() {
    return current;
  }

  /** Whether the bypass passes audio through (an effect) rather than going silent. */
  boolean passesThrough() {
    return bypass.passesThrough();
  }

  private static boolean finite(float[][] out, int n) {
    // x * 0 is 0 for every finite x and NaN for NaN and ±infinity, so one sum checks a buffer
    // with a branch-free loop.
    float sum = 0f;
    for (float[] o : out) {
      for (int i = 0; i < n; i++) {
        sum += o[i] * 0f;
      }
    }
    return sum == 0f;
  }

  private static void silence(float[][] out, int n) {
    for (float[] o : out) {
      Arrays.fill(o, 0, n, 0f);
    }
  }
}
