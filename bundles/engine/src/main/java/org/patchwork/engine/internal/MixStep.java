package org.patchwork.engine.internal;

/**
 * A mixer point: a track strip, a bus input or return, the master input or output. Stereo in,
 * stereo out, scaled by two gain slots (left, right) that carry fader, equal-power pan, mute
 * and solo, precomputed off the audio thread.
 */
final class MixStep extends Step {

  private final float[] inLeft;
  private final float[] inRight;
  private final float[] outLeft;
  private final float[] outRight;
  private final int gainSlot;

  MixStep(float[][] gathers, Feed[] feeds, DelayLine[] tapLines, float[][] tapSources,
      float[][] in, float[][] out, int gainSlot) {
    super(gathers, feeds, tapLines, tapSources);
    this.inLeft = in[0];
    this.inRight = in[1];
    this.outLeft = out[0];
    this.outRight = out[1];
    this.gainSlot = gainSlot;
  }

  @Override
  void run(Block b) {
    gather(b);
    if (gainSlot < 0) {
      System.arraycopy(inLeft, 0, outLeft, 0, b.frames);
      System.arraycopy(inRight, 0, outRight, 0, b.frames);
    } else {
      scale(inLeft, outLeft, b.frames, b.gainFrom[gainSlot], b.gainTo[gainSlot]);
      scale(inRight, outRight, b.frames, b.gainFrom[gainSlot + 1], b.gainTo[gainSlot + 1]);
    }
    tap(b);
  }

  private static void scale(float[] in, float[] out, int n, float g0, float g1) {
    if (g0 == g1) {
      for (int i = 0; i < n; i++) {
        out[i] = g0 * in[i];
      }
    } else {
      // A new mix glides over one block instead of jumping, so fader moves do not click.
      float step = (g1 - g0) / n;
      for (int i = 0; i < n; i++) {
        out[i] = (g0 + step * (i + 1)) * in[i];
      }
    }
  }
}
