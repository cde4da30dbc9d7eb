package org.patchwork.engine.internal;

import org.patchwork.engine.FaultReason;
import org.patchwork.sdk.module.AudioModule;

/**
 * A request to change one node's instance at a block boundary, prepared off the audio thread
 * and sent through the engine ring: the new instance, already restored and activated (or null
 * to fall back to the node's placeholder), buffers for it to write while both instances run,
 * and the crossfade curve. The audio thread fills in the outcome and publishes it with
 * {@link #state}; the control thread then deactivates whichever instance left.
 */
public final class NodeSwap {

  /** Prepared; not yet taken by the audio thread. */
  static final int PENDING = 0;
  /** Taken: both instances run and the output fades from the old to the new. */
  static final int FADING = 1;
  /** The new instance (or the placeholder) alone plays; {@link #old} has left. */
  static final int DONE = 2;
  /** The new instance failed while fading in ({@link #failure}); the old one plays on. */
  static final int FAILED = 3;
  /** The plan this swap was made for is not playing; nothing changed. */
  static final int REJECTED = 4;

  final CompiledPlan plan;
  final int node;
  /** The incoming instance; null for the placeholder. */
  final AudioModule module;
  /** The incoming side's output buffers, shaped like the node's outputs (ports, channels). */
  final float[][][] routed;
  /** The same buffers as one list. */
  final float[][] flat;
  /** Weight of the new side at each frame of the fade; ends at 1. */
  final float[] curve;

  // Audio thread.
  int position;
  NodeSwap next;
  /** Set on the audio thread when taken, read by the control thread after {@link #state}. */
  AudioModule old;
  boolean oldWasPlaceholder;
  long takenFrame = -1;
  long takenNanos;
  /** The longest engine block while both instances ran (written before the audio thread lets go). */
  volatile long longestBlockNanos;
  FaultReason failure;
  long failedFrame;
  volatile int state = PENDING;

  /** Control-thread bookkeeping, kept with the swap for the record. */
  Object ticket;

  NodeSwap(CompiledPlan plan, int node, AudioModule module, float[][][] routed, float[][] flat, float[] curve) {
    this.plan = plan;
    this.node = node;
    this.module = module;
    this.routed = routed;
    this.flat = flat;
    this.curve = curve;
  }

  /** Output buffers shaped like {@code main} (null entries stay null), for the incoming side. */
  static float[][][] shaped(float[][][] main, int maxFrames) {
    float[][][] out = new float[main.length][][];
    for (int p = 0; p < main.length; p++) {
      if (main[p] != null) {
        out[p] = new float[main[p].length][];
        for (int c = 0; c < main[p].length; c++) {
          out[p][c] = new float[maxFrames];
        }
      }
    }
    return out;
  }

  /** The buffers of {@link #shaped} as one list. */
  static float[][] flatten(float[][][] routed) {
    int n = 0;
    for (float[][] port : routed) {
      n += port == null ? 0 : port.length;
    }
    float[][] flat = new float[n][];
    int k = 0;
    for (float[][] port : routed) {
      if (port != null) {
        for (float[] b : port) {
          flat[k++] = b;
        }
      }
    }
    return flat;
  }

  int state() {
    return state;
  }
}
