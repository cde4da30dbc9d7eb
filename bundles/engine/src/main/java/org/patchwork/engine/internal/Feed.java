package org.patchwork.engine.internal;

/**
 * One source channel summed into a gather buffer: directly, through a latency-compensation
 * delay, or from a feedback edge's delay line; scaled by a mix gain slot (sends) or not.
 */
final class Feed {

  private final float[] source;
  private final float[] dest;
  private final DelayLine line;
  private final int delay;
  private final boolean writes;
  private final int gainSlot;

  /**
   * @param source the source buffer; null when reading a feedback line another step writes
   * @param line null for a direct feed
   * @param delay frames the line delays by
   * @param writes whether this feed writes {@code source} into the line first (compensation)
   */
  Feed(float[] source, float[] dest, DelayLine line, int delay, boolean writes, int gainSlot) {
    this.source = source;
    this.dest = dest;
    this.line = line;
    this.delay = delay;
    this.writes = writes;
    this.gainSlot = gainSlot;
  }

  void run(Block b) {
    int n = b.frames;
    float g0 = gainSlot < 0 ? 1f : b.gainFrom[gainSlot];
    float g1 = gainSlot < 0 ? 1f : b.gainTo[gainSlot];
    if (line != null) {
      if (writes) {
        line.write(b.frame, source, n);
      }
      line.readAdd(b.frame - delay, dest, n, g0, g1);
    } else if (g0 == g1) {
      for (int i = 0; i < n; i++) {
        dest[i] += g0 * source[i];
      }
    } else {
      float step = (g1 - g0) / n;
      for (int i = 0; i < n; i++) {
        dest[i] += (g0 + step * (i + 1)) * source[i];
      }
    }
  }
}
