package org.patchwork.dsp.granular.internal;

/**
 * The grain pool of {@link Granular}: up to {@link #MAX} grains as struct-of-arrays. A grain
 * reads its source from a start point at a fixed increment (negative when reversed) under a
 * window, with fixed pan gains, and is scaled by its note's envelope:
 *
 * <pre>  grain(t) = env_note(t) · a · w(t/D) · src(start + inc·t),  t = 0..D−1
 *  inc = ±2^((k − root + pitch + pitch_rand·(2u₁ − 1))/12 + pitch_cv) · fs_src/fs
 *  a = velocity / √max(1, density·D/fs)</pre>
 *
 * The grain's centre reads the source at {@code position + spray·(u₂ − ½)} of its length
 * (wrapping, the source is circular), so spray 1 spreads grains over the whole source; with
 * probability {@code reverse} it plays backwards; its pan is {@code spread·(2u₃ − 1)}, with
 * equal-power gains cos/sin((pan + 1)·π/4). The amplitude a keeps the level about constant
 * as grains overlap more (uncorrelated grains add in power). Every grain draws the same four
 * random numbers, whatever the parameters, so changing one parameter never shifts the random
 * sequence of the others.
 *
 * <p>Grains on the live ring read behind its write head: the centre sits
 * {@code (position + spray·(u₂ − ½))·capacity} frames back, moved as little as needed so
 * that no tap ever reads a frame not yet written or already overwritten during the grain's
 * life; a grain too long for that at its speed is shortened.
 */
final class Grains {

  static final int MAX = 128;
  private static final double QUARTER_PI = Math.PI / 4;

  private final boolean[] active = new boolean[MAX];
  private final boolean[] live = new boolean[MAX];
  private final int[] owner = new int[MAX];
  private final int[] startFrame = new int[MAX];
  private final double[] position = new double[MAX];
  private final double[] increment = new double[MAX];
  private final double[] phase = new double[MAX];
  private final double[] phaseStep = new double[MAX];
  private final float[] gainLeft = new float[MAX];
  private final float[] gainRight = new float[MAX];
  private final float[][] windows = Windows.tables();
  private final double sampleRate;
  /** Frames of the ring a block may overwrite before its grains are rendered, plus taps. */
  private final int ringMargin;
  private int count;

  // The block's settings, written by the module before it spawns.
  double sizeFrames;
  double density;
  double where;
  double spray;
  double pitch;
  double pitchRandom;
  double reverse;
  double spread;
  int window;

  Grains(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    ringMargin = maxFrames + 4;
  }

  /** Grains sounding. */
  int count() {
    return count;
  }

  void clear() {
    for (int g = 0; g < MAX; g++) {
      active[g] = false;
    }
    count = 0;
  }

  /**
   * Starts a grain of note {@code voice} at block frame {@code frame}; without a free slot it
   * is dropped (the random numbers are drawn all the same). {@code head} is the number of
   * frames written to {@code ring} up to and including this frame. Thread: audio.
   */
  void spawn(int voice, double semitones, double velocity, int frame, Rng rng, GrainSource source,
      GrainSource ring, long head) {
    double u1 = rng.next();
    double u2 = rng.next();
    double u3 = rng.next();
    double u4 = rng.next();
    int g = 0;
    while (g < MAX && active[g]) {
      g++;
    }
    if (g == MAX) {
      return;
    }
    boolean fromRing = ring != null;
    GrainSource src = fromRing ? ring : source;
    double st = semitones - src.rootKey + pitch + pitchRandom * (2 * u1 - 1);
    double speed = Math.min(64, Math.exp(Math.max(-120, Math.min(120, st)) / 12 * Math.log(2))
        * src.sampleRate / sampleRate);
    double inc = u3 < reverse ? -speed : speed;
    double d = sizeFrames;
    double at = where + spray * (u2 - 0.5);
    double start;
    if (fromRing) {
      long capacity = ring.frames;
      double room = capacity - ringMargin - 3;
      d = Math.min(d, room / Math.max(1e-9, Math.abs(inc - 1)));
      double centre = head - Math.max(0, Math.min(1, at)) * capacity;
      double lo = head - capacity + ringMargin + Math.max(0, (1 - inc) * d);
      double hi = head - 3 - Math.max(0, (inc - 1) * d);
      start = Math.max(lo, Math.min(hi, centre - inc * d / 2));
    } else {
      start = (at - Math.floor(at)) * src.frames - inc * d / 2;
    }
    double amplitude = velocity / Math.sqrt(Math.max(1, density * d / sampleRate));
    if (src.data.length > 1) {
      amplitude *= Math.sqrt(2); // a stereo source is balanced, not panned: centre is unity
    }
    double angle = (spread * (2 * u4 - 1) + 1) * QUARTER_PI;
    active[g] = true;
    live[g] = fromRing;
    owner[g] = voice;
    startFrame[g] = frame;
    position[g] = start;
    increment[g] = inc;
    phase[g] = 0;
    phaseStep[g] = 1 / Math.max(2, d);
    gainLeft[g] = (float) (amplitude * Math.cos(angle));
    gainRight[g] = (float) (amplitude * Math.sin(angle));
    count++;
  }

  /**
   * Adds every grain's frames of this block to {@code left} and {@code right}; {@code env} is
   * {@code [voice][frame]}. Thread: audio.
   */
  void render(float[] left, float[] right, int frames, float[][] env, GrainSource source, GrainSource ring) {
    float[] table = windows[window];
    for (int g = 0; g < MAX; g++) {
      if (!active[g]) {
        continue;
      }
      GrainSource src = live[g] ? ring : source;
      float[] dl = src.data[0];
      float[] dr = src.data[src.data.length - 1];
      boolean stereo = src.data.length > 1;
      int n = src.frames;
      float[] e = env[owner[g]];
      float gl = gainLeft[g];
      float gr = gainRight[g];
      double p = position[g];
      double inc = increment[g];
      double ph = phase[g];
      double step = phaseStep[g];
      int i = startFrame[g];
      startFrame[g] = 0;
      for (; i < frames; i++) {
        if (ph >= 1) {
          active[g] = false;
          count--;
          break;
        }
        double x = ph * Windows.SIZE;
        int w = (int) x;
        float window = table[w] + (float) (x - w) * (table[w + 1] - table[w]);
        double base = Math.floor(p);
        int index;
        if (live[g]) {
          index = (int) Math.floorMod((long) base, n);
        } else {
          if (base >= n || base < 0) {
            p -= n * Math.floor(p / n);
            base = Math.floor(p);
          }
          index = Math.min(n - 1, (int) base);
        }
        float f = (float) (p - base);
        float amp = window * e[i];
        float yl = GrainSource.read(dl, index, f) * amp;
        float yr = stereo ? GrainSource.read(dr, index, f) * amp : yl;
        left[i] += yl * gl;
        right[i] += yr * gr;
        p += inc;
        ph += step;
      }
      position[g] = p;
      phase[g] = ph;
    }
  }

  /** Ends the grains of a note whose envelope has ended: they would be silent. */
  void silence(int voice) {
    for (int g = 0; g < MAX; g++) {
      if (active[g] && owner[g] == voice) {
        active[g] = false;
        count--;
      }
    }
  }
}
