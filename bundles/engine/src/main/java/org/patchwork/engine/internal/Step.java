package org.patchwork.engine.internal;

import java.util.Arrays;

/**
 * One entry of a compiled plan's schedule: gather the inputs, do the work, feed the feedback
 * lines. Subclasses are the module step and the mixer strip step.
 */
abstract class Step {

  private final float[][] gathers;
  private final Feed[] feeds;
  private final DelayLine[] tapLines;
  private final float[][] tapSources;

  Step(float[][] gathers, Feed[] feeds, DelayLine[] tapLines, float[][] tapSources) {
    this.gathers = gathers;
    this.feeds = feeds;
    this.tapLines = tapLines;
    this.tapSources = tapSources;
  }

  abstract void run(Block b);

  /** Clears the summing buffers, then adds every feed into them. */
  final void gather(Block b) {
    for (float[] g : gathers) {
      Arrays.fill(g, 0, b.frames, 0f);
    }
    for (Feed f : feeds) {
      f.run(b);
    }
  }

  /** Writes this step's outputs into the delay lines of feedback edges leaving it. */
  final void tap(Block b) {
    for (int i = 0; i < tapLines.length; i++) {
      tapLines[i].write(b.frame, tapSources[i], b.frames);
    }
  }
}
