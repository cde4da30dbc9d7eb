package org.patchwork.dsp.oscillators.internal;

import java.util.Arrays;

/**
 * The voices of {@link SubtractiveSynth}, stored as struct-of-arrays over packed lanes and
 * rendered one frame at a time across all sounding voices, so that the JIT's superword pass
 * turns every per-frame loop into SIMD code (16 voices per 512-bit vector). One voice's
 * recursion cannot be vectorised along time, but the voices are independent, so they can be
 * along the voice axis.
 *
 * <p>Per voice and frame: a PolyBLEP saw or square ({@link Blep}, one frame of delay), a TPT
 * state-variable low-pass (Zavalishin, "The Art of VA Filter Design", rev. 2.1.0, ch. 4) and a
 * linear ADSR whose level is stepped before use, so a note is audible at its own frame. The
 * SVF's trapezoidal integrator states s1, s2 follow
 *
 * <pre>  hp = (x − (k+g)·s1 − s2)·n,  bp = g·hp + s1,  lp = g·bp + s2,  s1' = 2bp − s1,
 *  s2' = 2lp − s2,  g = tan(π·fc/fs),  k = 1/q,  n = 1/(1 + g·(g+k))</pre>
 *
 * which the loop evaluates in Simper's equivalent form ("Solving the continuous SVF equations
 * using trapezoidal integration", Cytomic, 2013): with a = n, v = x − s2,
 * {@code s1' = (2a−1)·s1 + 2ga·v}, {@code s2' = s2 + 2ga·s1 + 2g²a·v} and
 * {@code lp = (s2 + s2')/2}. It updates the states by increments, which keeps single precision
 * accurate down to the lowest cutoffs.
 *
 * <p>The cutoff {@code fc = (cutoff + depth·sin 2π·(lfo_rate + f_voice·lfo_keytrack)·t)·2^cv},
 * with t counted from the note's start, and from it the filter's coefficients, are evaluated
 * when a note starts and then on a grid of {@link #CONTROL} frames of the song clock shared by
 * all voices, in vectorised passes over the lanes; sin and tan are polynomials
 * ({@link FastTrig}). A sub-20 Hz LFO moves the cutoff by far less than a semitone in 16
 * frames.
 *
 * <p>How it is made vectorisable (C2 vectorises counted loops over arrays without branches,
 * and only loops small enough for its default unroll limit, so the work of a frame is split
 * into a few short loops):
 *
 * <ul>
 *   <li>the oscillator's phase is a 32-bit fixed-point integer whose overflow is the wrap, so
 *       the wrap is found with integer operations and the PolyBLEP corrections are computed
 *       every frame and multiplied by 0 or 1; the results are those of the branching code;
 *   <li>the envelope of a segment is {@code start + step·frames}, evaluated per frame from the
 *       segment's start level (never accumulated, so single precision does not drift); segment
 *       ends are absolute frames and the frame loop is split at the earliest one, where the
 *       segment changes are applied. A finished voice's lane is refilled with the last lane, so
 *       sounding voices stay packed in lanes {@code 0..lanes-1}; padding lanes are silent;
 *   <li>each frame's lane outputs are summed inside the filter loop as 64-bit integers in
 *       units of 2^-32 (exact for the float values down to that unit): an integer sum is
 *       vectorised, a float sum is not (its order is fixed by the language), and it is the
 *       same in any order, so block sizes and lane moves do not change it.
 * </ul>
 *
 * <p>Single precision keeps the result within rounding of the former double-precision loop
 * (about −90 dB at first); the 32-bit phase quantises a voice's frequency to fs/2^32
 * (1.1e-5 Hz at 48 kHz), which over a minute shifts a high voice's phase by up to 3e-4 of a
 * cycle. Together these took 256 voices from about 20 to about 85 times real time on one core
 * of a 2-core Xeon (20 s rendered through the module harness, thread CPU time).
 */
final class Voices {

  static final int MAX = 256;
  /** Frames between control points; a power of two, so the grid is a mask of the clock. */
  static final int CONTROL = 16;
  static final int IDLE = 0;
  static final int ATTACK = 1;
  static final int DECAY = 2;
  static final int SUSTAIN = 3;
  static final int RELEASE = 4;

  /** Lanes are padded to a multiple of this: one 512-bit vector of floats. */
  private static final int LANES = 16;
  private static final double LN2 = Math.log(2);
  private static final float TWO_PI_F = (float) (2 * Math.PI);
  private static final double MIN_CUTOFF = 20;
  /** Highest oscillator increment; keeps both pulse edges in different frames. */
  private static final double MAX_INCREMENT = 0.45;
  private static final long NEVER = Long.MAX_VALUE;
  /** One unit of the fixed-point phase, in q = 2φ − 1. */
  private static final float UNIT = 0x1p-31f;
  /** Lane outputs are summed as integers in units of 2^-32. */
  private static final float SUM_SCALE = 0x1p32f;
  private static final double SUM_UNIT = 0x1p-32;

  // Per voice (what the synth's allocation reads).
  final int[] stage = new int[MAX];
  final int[] key = new int[MAX];
  final int[] noteId = new int[MAX];
  final long[] startedAt = new long[MAX];
  /** Lane of each voice; -1 when idle. */
  private final int[] laneOf = new int[MAX];

  // Per lane.
  private final int[] voiceAt = new int[MAX];
  private final double[] hz = new double[MAX];
  private final float[] amp = new float[MAX];
  /** The phase as q = 2φ − 1 in [−1, 1), times 2^31: wraps by integer overflow. */
  private final int[] phase = new int[MAX];
  private final int[] step = new int[MAX];
  /** Frames per unit of q, 2^31/step: turns q past an edge into the edge's age in frames. */
  private final float[] perUnit = new float[MAX];
  /** The next frame's oscillator value (the oscillator runs one frame late). */
  private final float[] held = new float[MAX];
  /** This frame's oscillator value. */
  private final float[] x = new float[MAX];
  private final float[] s1 = new float[MAX];
  private final float[] s2 = new float[MAX];
  // The filter: s1' = m1·s1 + m2·v, s2' = s2 + m2·s1 + m3·v, refreshed at control points.
  private final float[] m1 = new float[MAX];
  private final float[] m2 = new float[MAX];
  private final float[] m3 = new float[MAX];
  private final float[] cutoffHz = new float[MAX];
  /** tan(π·fc/fs), between the two halves of a refresh. */
  private final float[] g = new float[MAX];
  // The envelope times the voice's amplitude: segmentStart + segmentStep·(age + k).
  private final float[] segmentStart = new float[MAX];
  private final float[] segmentStep = new float[MAX];
  /** Frames of the segment rendered before the current run. */
  private final float[] age = new float[MAX];
  /** The level at the last rendered frame: segmentStart + segmentStep·age. */
  private final float[] level = new float[MAX];
  /** 1 while the voice sustains (its level follows the sustain parameter), else 0. */
  private final float[] sustaining = new float[MAX];
  /** Absolute frame at which the envelope segment ends. */
  private final long[] segmentEnd = new long[MAX];
  private final boolean[] due = new boolean[MAX];
  private final double[] refreshedAt = new double[MAX];
  private final double[] lfoPhase = new double[MAX];
  private final double sampleRate;
  private final double invRate;
  private final double maxCutoff;
  private int lanes;
  /** Lanes the loops cover: lanes rounded up to {@link #LANES}. */
  private int width;
  private int pending;
  private long nextEnd = NEVER;

  // Settings of the current block, written by the synth before it renders.
  boolean square;
  double cutoff;
  float[] cutoffRamp;
  boolean cutoffConstant;
  float[] cutoffCv;
  boolean cutoffCvOn;
  double damping;
  double lfoRate;
  double lfoDepth;
  double lfoKeytrack;
  double sustain;
  int attackFrames;
  int decayFrames;
  int releaseFrames;

  Voices(double sampleRate) {
    this.sampleRate = sampleRate;
    this.invRate = 1 / sampleRate;
    this.maxCutoff = 0.45 * sampleRate;
    clear();
  }

  /**
   * Starts a note on voice {@code v} at frame {@code now}; a stolen voice keeps its phase and
   * filter, so it glides in.
   */
  void start(int v, int k, int id, double velocity, long now) {
    boolean fresh = stage[v] == IDLE;
    int l;
    if (fresh) {
      l = lanes++;
      laneOf[v] = l;
      voiceAt[l] = v;
      reshape();
    } else {
      l = laneOf[v];
    }
    key[v] = k;
    noteId[v] = id;
    startedAt[v] = now;
    float was = amp[l];
    amp[l] = (float) (0.5 * velocity); // the loop's output is twice the low-pass
    tune(v, 440 * Math.pow(2, (k - 69) / 12.0));
    float from;
    if (fresh) {
      phase[l] = Integer.MIN_VALUE; // q = −1
      held[l] = square ? 1 : -1;
      s1[l] = 0;
      s2[l] = 0;
      from = 0;
    } else {
      // A stolen voice goes on from its envelope's level, now at the new note's amplitude.
      from = was > 0 ? level[l] / was * amp[l] : 0;
    }
    lfoPhase[l] = 0;
    refreshedAt[l] = now;
    if (!due[l]) {
      due[l] = true;
      pending++;
    }
    stage[v] = ATTACK;
    segment(l, from, (amp[l] - from) / attackFrames, now + attackFrames, 0);
  }

  /** Sets voice {@code v}'s oscillator frequency, e.g. for pitch bend. */
  void tune(int v, double frequency) {
    int l = laneOf[v];
    if (l < 0) {
      return;
    }
    hz[l] = frequency;
    double inc = Math.min(frequency / sampleRate, MAX_INCREMENT);
    // Cycles per frame in units of 2^-32; at least one, so the edge's age stays finite.
    int s = (int) Math.max(1, Math.round(inc * 0x1p32));
    step[l] = s;
    perUnit[l] = (float) (0x1p31 / s);
  }

  /** Moves voice {@code v} to its release at frame {@code now}; it lasts {@code releaseFrames} from any level. */
  void release(int v, long now) {
    int l = laneOf[v];
    stage[v] = RELEASE;
    float from = level[l];
    segment(l, from, -from / releaseFrames, now + releaseFrames, 0);
  }

  /** Silences every voice at once. */
  void clear() {
    for (int v = 0; v < MAX; v++) {
      stage[v] = IDLE;
      noteId[v] = -1;
      laneOf[v] = -1;
    }
    for (int l = 0; l < MAX; l++) {
      wipe(l);
    }
    lanes = 0;
    pending = 0;
    nextEnd = NEVER;
    reshape();
  }

  /** Voices sounding. */
  int active() {
    return lanes;
  }

  /**
   * Adds every sounding voice's frames {@code from..to-1} to {@code out}; {@code clock} is the
   * song frame of the block's frame 0. Thread: audio.
   */
  void render(double[] out, int from, int to, long clock) {
    int i = from;
    while (i < to && lanes > 0) {
      long now = clock + i;
      if (now >= nextEnd) {
        segmentsEnd(now);
        if (lanes == 0) {
          return;
        }
      }
      if ((now & (CONTROL - 1)) == 0) {
        refresh(0, lanes, i, now);
        if (pending > 0) {
          Arrays.fill(due, false);
          pending = 0;
        }
      } else if (pending > 0) {
        for (int l = 0; l < lanes; l++) {
          if (due[l]) {
            refresh(l, l + 1, i, now);
            due[l] = false;
          }
        }
        pending = 0;
      }
      long stop = Math.min(clock + to, Math.min(nextEnd, (now | (CONTROL - 1)) + 1));
      int n = (int) (stop - now);
      for (int r = 0; r < n; r++) {
        if (square) {
          square(width);
        } else {
          saw(width);
        }
        out[i + r] += filter(width, r + 1) * SUM_UNIT;
      }
      advance(width, n);
      i += n;
    }
  }

  /**
   * One frame of the saw oscillators into {@link #x}. The saw runs on q = 2φ − 1; w is 1 in the
   * frame where the phase wraps (its sign bit turns on), and then the PolyBLEP corrections −d²
   * (this frame) and (1−d)² (the next, through {@link #held}) of a step of −2 that happened d
   * frames ago apply; otherwise they are multiplied by 0.
   */
  private void saw(int width) {
    int[] phase = this.phase;
    int[] step = this.step;
    float[] perUnit = this.perUnit;
    float[] held = this.held;
    float[] x = this.x;
    for (int l = 0; l < width; l++) {
      int p = phase[l];
      int pn = p + step[l];
      phase[l] = pn;
      float w = (~p & pn) >>> 31;
      float q = pn * UNIT;
      float d = (q + 1) * perUnit[l];
      float e = 1 - d;
      x[l] = held[l] - w * (d * d);
      held[l] = q + w * (e * e);
    }
  }

  /**
   * One frame of the square oscillators into {@link #x}: +1 while q &lt; 0 (the sign bit is on),
   * else −1. {@code sign} is +1 at the rising edge (the wrap), −1 at the falling edge (q
   * crossing 0) and 0 otherwise; the edge happened d frames ago, and the PolyBLEP corrections
   * of a step of 2·sign are sign·d² before and −sign·(1−d)² after.
   */
  private void square(int width) {
    int[] phase = this.phase;
    int[] step = this.step;
    float[] perUnit = this.perUnit;
    float[] held = this.held;
    float[] x = this.x;
    for (int l = 0; l < width; l++) {
      int p = phase[l];
      int pn = p + step[l];
      phase[l] = pn;
      int low = pn >>> 31;
      float sign = low - (p >>> 31);
      float lowF = low;
      float q = pn * UNIT;
      float d = (q + lowF) * perUnit[l];
      float e = 1 - d;
      x[l] = held[l] + sign * (d * d);
      held[l] = (2 * lowF - 1) - sign * (e * e);
    }
  }

  /**
   * One frame of the filters and envelopes; returns the sum of the lanes' outputs in units of
   * {@link #SUM_UNIT}. {@code k} is the frame's number in the run, from 1. Each output is
   * turned into a 64-bit integer, exactly for all but the last bits below 2^-32, and summed as
   * such: an integer sum is vectorised (a float sum is not, its order being fixed), and it
   * is the same in any order.
   */
  private long filter(int width, float k) {
    float[] x = this.x;
    float[] s1 = this.s1;
    float[] s2 = this.s2;
    float[] m1 = this.m1;
    float[] m2 = this.m2;
    float[] m3 = this.m3;
    float[] level = this.level;
    float[] segmentStep = this.segmentStep;
    long sum = 0;
    for (int l = 0; l < width; l++) {
      float u1 = s1[l];
      float u2 = s2[l];
      float v = x[l] - u2;
      float c2 = m2[l];
      float n1 = m1[l] * u1 + c2 * v;
      float n2 = u2 + (c2 * u1 + m3[l] * v);
      s1[l] = n1;
      s2[l] = n2;
      sum += (long) ((u2 + n2) * (level[l] + segmentStep[l] * k) * SUM_SCALE);
    }
    return sum;
  }

  /** Moves the envelopes on by a run of {@code n} frames. */
  private void advance(int width, int n) {
    float[] age = this.age;
    float[] level = this.level;
    float[] segmentStart = this.segmentStart;
    float[] segmentStep = this.segmentStep;
    for (int l = 0; l < width; l++) {
      float a = age[l] + n;
      age[l] = a;
      level[l] = segmentStart[l] + segmentStep[l] * a;
    }
  }

  /** Applies the envelope segment changes due at frame {@code now}. */
  private void segmentsEnd(long now) {
    // From the top, so a lane refilled from the end has been looked at already.
    for (int l = lanes - 1; l >= 0; l--) {
      if (segmentEnd[l] <= now) {
        nextStage(l, now);
      }
    }
    long next = NEVER;
    for (int l = 0; l < lanes; l++) {
      next = Math.min(next, segmentEnd[l]);
    }
    nextEnd = next;
  }

  /** Moves lane {@code l} on when its envelope segment has ended. */
  private void nextStage(int l, long now) {
    int v = voiceAt[l];
    switch (stage[v]) {
      case ATTACK -> {
        stage[v] = DECAY;
        segment(l, amp[l], (float) ((sustain - 1) * amp[l] / decayFrames), now + decayFrames, 0);
      }
      case DECAY, SUSTAIN -> {
        stage[v] = SUSTAIN;
        segment(l, (float) (sustain * amp[l]), 0, NEVER, 1);
      }
      default -> remove(l); // the release has ended
    }
  }

  private void segment(int l, float start, float slope, long end, float sustains) {
    segmentStart[l] = start;
    segmentStep[l] = slope;
    age[l] = 0;
    level[l] = start;
    sustaining[l] = sustains;
    segmentEnd[l] = end;
    nextEnd = Math.min(nextEnd, end);
  }

  /** Ends lane {@code l}'s voice and moves the last lane into its place. */
  private void remove(int l) {
    int v = voiceAt[l];
    stage[v] = IDLE;
    laneOf[v] = -1;
    int last = --lanes;
    if (due[l]) {
      pending--;
    }
    if (l != last) {
      voiceAt[l] = voiceAt[last];
      laneOf[voiceAt[l]] = l;
      hz[l] = hz[last];
      amp[l] = amp[last];
      phase[l] = phase[last];
      step[l] = step[last];
      perUnit[l] = perUnit[last];
      held[l] = held[last];
      x[l] = x[last];
      s1[l] = s1[last];
      s2[l] = s2[last];
      m1[l] = m1[last];
      m2[l] = m2[last];
      m3[l] = m3[last];
      cutoffHz[l] = cutoffHz[last];
      segmentStart[l] = segmentStart[last];
      segmentStep[l] = segmentStep[last];
      age[l] = age[last];
      level[l] = level[last];
      sustaining[l] = sustaining[last];
      segmentEnd[l] = segmentEnd[last];
      due[l] = due[last];
      refreshedAt[l] = refreshedAt[last];
      lfoPhase[l] = lfoPhase[last];
    }
    wipe(last);
    reshape();
  }

  /** Makes lane {@code l} a silent padding lane. */
  private void wipe(int l) {
    voiceAt[l] = -1;
    hz[l] = 0;
    amp[l] = 0;
    phase[l] = Integer.MIN_VALUE;
    step[l] = 0;
    perUnit[l] = 0;
    held[l] = 0;
    x[l] = 0;
    s1[l] = 0;
    s2[l] = 0;
    m1[l] = 0;
    m2[l] = 0;
    m3[l] = 0;
    cutoffHz[l] = 0;
    segmentStart[l] = 0;
    segmentStep[l] = 0;
    age[l] = 0;
    level[l] = 0;
    sustaining[l] = 0;
    segmentEnd[l] = NEVER;
    due[l] = false;
    refreshedAt[l] = 0;
    lfoPhase[l] = 0;
  }

  /** Recomputes the loops' width after the number of lanes changed. */
  private void reshape() {
    width = (lanes + LANES - 1) & -LANES;
  }

  /**
   * Recomputes the LFO, cutoff and filter coefficients of lanes {@code from..to-1} at block
   * frame {@code i} (song frame {@code now}), and makes sustaining voices follow the sustain
   * parameter. Three loops without branches, each small enough to be vectorised.
   */
  private void refresh(int from, int to, int i, long now) {
    double base = cutoffConstant ? cutoff : cutoffRamp[i];
    double scale = 1;
    if (cutoffCvOn) {
      scale = Math.exp(cutoffCv[i] * LN2);
      if (!(scale >= 0)) {
        scale = 0; // NaN: the lowest cutoff, as the clamp gives it
      }
    }
    advanceLfo(from, to, now);
    cutoffs(from, to, base, scale);
    tangents(from, to);
    coefficients(from, to);
    float hold = (float) sustain;
    float[] amp = this.amp;
    float[] sustaining = this.sustaining;
    float[] segmentStart = this.segmentStart;
    float[] level = this.level;
    for (int l = from; l < to; l++) {
      // 0·x + 1·y and 1·x + 0·y are exact, so this is a select.
      float on = sustaining[l];
      float target = on * (hold * amp[l]);
      segmentStart[l] = segmentStart[l] * (1 - on) + target;
      level[l] = level[l] * (1 - on) + target;
    }
  }

  private void advanceLfo(int from, int to, long now) {
    double rate = lfoRate * invRate;
    double track = lfoKeytrack * invRate;
    double time = now;
    double[] lfoPhase = this.lfoPhase;
    double[] refreshedAt = this.refreshedAt;
    double[] hz = this.hz;
    for (int l = from; l < to; l++) {
      double lfo = lfoPhase[l] + (rate + hz[l] * track) * (time - refreshedAt[l]);
      lfoPhase[l] = lfo - Math.floor(lfo);
      refreshedAt[l] = time;
    }
  }

  /**
   * {@code fc = (base + depth·sin 2π·lfo)·scale}, clamped to [20 Hz, 0.45·fs]. The sine is
   * {@link FastTrig#sin2pi}'s polynomial in single precision (its last, 1e-8 term dropped),
   * folded without branches: sin 2πx = sin t with t = 2π·(|½ − |x − ¼|| − ¼) in [−π/2, π/2].
   * The clamp (min and max are slow in vector code) runs only when the LFO's range crosses
   * a limit.
   */
  private void cutoffs(int from, int to, double base, double scale) {
    float b = (float) base;
    float depth = (float) lfoDepth;
    float s = (float) scale;
    double[] lfoPhase = this.lfoPhase;
    float[] cutoffHz = this.cutoffHz;
    for (int l = from; l < to; l++) {
      float t = TWO_PI_F * (Math.abs(0.5f - Math.abs((float) lfoPhase[l] - 0.25f)) - 0.25f);
      float z = t * t;
      float p = -1f / 39916800f;
      p = p * z + 1f / 362880f;
      p = p * z - 1f / 5040f;
      p = p * z + 1f / 120f;
      p = p * z - 1f / 6f;
      p = p * z + 1f;
      cutoffHz[l] = (b + depth * (t * p)) * s;
    }
    float lowest = (b - depth) * s;
    float highest = (b + depth) * s;
    if (!(lowest >= MIN_CUTOFF && highest <= maxCutoff)) {
      float min = (float) MIN_CUTOFF;
      float max = (float) maxCutoff;
      for (int l = from; l < to; l++) {
        float fc = cutoffHz[l];
        cutoffHz[l] = fc >= min ? Math.min(fc, max) : min; // NaN gives the lowest
      }
    }
  }

  /**
   * {@code g = tan(π·fc/fs)} as {@link FastTrig#tan} computes it (sine over cosine), in single
   * precision with the terms below its resolution dropped.
   */
  private void tangents(int from, int to) {
    float toAngle = (float) (Math.PI * invRate);
    float[] cutoffHz = this.cutoffHz;
    float[] g = this.g;
    for (int l = from; l < to; l++) {
      float t = toAngle * cutoffHz[l];
      float z = t * t;
      float s = -1f / 39916800f;
      s = s * z + 1f / 362880f;
      s = s * z - 1f / 5040f;
      s = s * z + 1f / 120f;
      s = s * z - 1f / 6f;
      s = s * z + 1f;
      float c = 1f / 479001600f;
      c = c * z - 1f / 3628800f;
      c = c * z + 1f / 40320f;
      c = c * z - 1f / 720f;
      c = c * z + 1f / 24f;
      c = c * z - 0.5f;
      c = c * z + 1f;
      g[l] = t * s / c;
    }
  }

  /** The filter's coefficients from {@link #g}: a = 1/(1 + g·(g+k)), m1 = 2a − 1, m2 = 2ga, m3 = g·m2. */
  private void coefficients(int from, int to) {
    float k = (float) damping;
    float[] g = this.g;
    float[] m1 = this.m1;
    float[] m2 = this.m2;
    float[] m3 = this.m3;
    for (int l = from; l < to; l++) {
      float t = g[l];
      float a = 1 / (1 + t * (t + k));
      float ga = 2 * t * a;
      m1[l] = 2 * a - 1;
      m2[l] = ga;
      m3[l] = t * ga;
    }
  }
}
