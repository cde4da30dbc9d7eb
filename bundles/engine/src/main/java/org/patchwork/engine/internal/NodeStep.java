package org.patchwork.engine.internal;

import java.util.Arrays;
import org.patchwork.engine.FaultReason;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * Runs one module instance. A module that throws, returns {@link ProcessStatus#ERROR} or writes
 * NaN or infinity is bypassed from then on: its outputs are silence, the fault is reported once
 * and the rest of the plan plays on.
 */
final class NodeStep extends Step {

  final int node;
  final NodeContext context;
  private final AudioModule module;
  private final float[][] outputs;
  private boolean bypassed;

  NodeStep(float[][] gathers, Feed[] feeds, DelayLine[] tapLines, float[][] tapSources, int node,
      NodeContext context, AudioModule module, float[][] outputs) {
    super(gathers, feeds, tapLines, tapSources);
    this.node = node;
    this.context = context;
    this.module = module;
    this.outputs = outputs;
  }

  @Override
  void run(Block b) {
    gather(b);
    int n = b.frames;
    if (!bypassed) {
      context.begin(n);
      ProcessStatus status;
      try {
        status = module.process(context);
      } catch (Throwable t) {
        // Only a faulty module allocates here (its exception); the engine does not.
        status = null;
        fail(b, FaultReason.EXCEPTION);
      }
      if (!bypassed) {
        if (status == ProcessStatus.SILENT) {
          silence(n);
        } else if (status != ProcessStatus.CONTINUE) {
          fail(b, FaultReason.ERROR_STATUS);
        } else if (!finite(n)) {
          fail(b, FaultReason.NOT_FINITE);
        }
      }
    }
    if (bypassed) {
      silence(n);
    }
    context.end();
    tap(b);
  }

  boolean bypassed() {
    return bypassed;
  }

  private void fail(Block b, FaultReason reason) {
    bypassed = true;
    b.faults.fault(b.frame, node, reason);
  }

  private boolean finite(int n) {
    // x * 0 is 0 for every finite x and NaN for NaN and ±infinity, so one sum checks a buffer
    // with a branch-free loop.
    float sum = 0f;
    for (float[] out : outputs) {
      for (int i = 0; i < n; i++) {
        sum += out[i] * 0f;
      }
    }
    return sum == 0f;
  }

  private void silence(int n) {
    for (float[] out : outputs) {
      Arrays.fill(out, 0, n, 0f);
    }
  }
}
