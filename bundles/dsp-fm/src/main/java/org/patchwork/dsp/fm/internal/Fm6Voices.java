package org.patchwork.dsp.fm.internal;

/**
 * The voices of {@link Fm6Synth}: six sine operators each, with their phases, envelopes and
 * the feedback history, rendered voice by voice and, inside a voice, frame by frame from
 * operator 6 down to operator 1 (the order {@link Fm6Algorithms} guarantees is valid).
 *
 * <p>Operator k of a voice at frame n, with a_k its level times velocity gain times envelope:
 *
 * <pre>  y_k[n] = a_k[n] · sin(2π·(φ_k[n] + Σ_{j modulates k} y_j[n] + fb·(y_f[n−1] + y_f[n−2])/4))
 *  φ_k[n+1] = φ_k[n] + f_k[n]/fs  (mod 1)</pre>
 *
 * <p>A modulator's output is added to its target's phase in cycles, so a modulator of
 * amplitude a gives a modulation index of I = 2π·a radians. Feedback averages the last two
 * outputs of the feedback operator y_f, Tomisawa's anti-hunting filter as in the DX7, and at
 * {@code feedback} = 1 the feedback factor is β = π rad. The sine is a 4096-point table read
 * with linear interpolation: its error is below 3e-7 (−130 dB), and the phase is a double, so
 * the tuning is exact to far below a cent.
 *
 * <p>Envelopes are linear segments in amplitude: attack from the current level to 1, decay to
 * the sustain level, release to 0, each at least one frame long; a voice ends when the
 * envelopes of all of its carriers have finished their release.
 */
final class Fm6Voices {

  static final int MAX = 32;
  static final int OPS = Fm6Algorithms.OPS;
  static final int IDLE = 0;
  static final int ATTACK = 1;
  static final int DECAY = 2;
  static final int SUSTAIN = 3;
  static final int RELEASE = 4;

  private static final int TABLE_BITS = 12;
  private static final int TABLE_SIZE = 1 << TABLE_BITS;
  private static final int TABLE_MASK = TABLE_SIZE - 1;
  /** An operator whose amplitude is below this (−180 dB) is silent; avoids subnormal doubles. */
  private static final double SILENT = 1e-9;
  /** Increments beyond Nyquist are folded to it: an operator there is meaningless anyway. */
  private static final double MAX_INCREMENT = 0.5;

  private final double[] sine = new double[TABLE_SIZE + 1];

  // Per voice.
  final boolean[] active = new boolean[MAX];
  final boolean[] released = new boolean[MAX];
  final int[] key = new int[MAX];
  final int[] noteId = new int[MAX];
  final long[] startedAt = new long[MAX];
  private final double[] velocity = new double[MAX];
  private final double[] bend = new double[MAX];
  private final double[] feedback1 = new double[MAX];
  private final double[] feedback2 = new double[MAX];

  // Per voice and operator, at [voice·OPS + op].
  private final double[] phase = new double[MAX * OPS];
  private final double[] env = new double[MAX * OPS];
  private final double[] envStep = new double[MAX * OPS];
  private final int[] stage = new int[MAX * OPS];
  private final int[] remaining = new int[MAX * OPS];

  private final double[] y = new double[OPS];
  private final double[] amp = new double[OPS];
  private final double invRate;

  // Settings of the current block, written by the synth before events and rendering.
  int algorithm;
  double feedback;
  double tuning;
  final boolean[] fixed = new boolean[OPS];
  /** Ratio times the detune factor. */
  final double[] ratio = new double[OPS];
  /** Fixed frequency times the detune factor, in cycles per frame. */
  final double[] fixedIncrement = new double[OPS];
  final double[] level = new double[OPS];
  final double[] velocitySensitivity = new double[OPS];
  final double[] sustain = new double[OPS];
  final int[] attackFrames = new int[OPS];
  final int[] decayFrames = new int[OPS];
  final int[] releaseFrames = new int[OPS];
  /** 2^pitch per frame, valid when {@link #pitchOn}. */
  final double[] pitchFactor;
  boolean pitchOn;
  /** Linear FM in Hz per frame, valid when {@link #fmOn}. */
  final double[] fmHz;
  boolean fmOn;

  Fm6Voices(double sampleRate, int maxFrames) {
    invRate = 1 / sampleRate;
    pitchFactor = new double[maxFrames];
    fmHz = new double[maxFrames];
    for (int i = 0; i <= TABLE_SIZE; i++) {
      sine[i] = Math.sin(2 * Math.PI * i / TABLE_SIZE);
    }
  }

  /** Number of sounding voices. */
  int active() {
    int n = 0;
    for (int v = 0; v < MAX; v++) {
      n += active[v] ? 1 : 0;
    }
    return n;
  }

  /** Starts a note on voice v: phases restart (key sync), envelopes attack from where they are. */
  void start(int v, int noteKey, int id, double noteVelocity, long now) {
    boolean wasActive = active[v];
    active[v] = true;
    released[v] = false;
    key[v] = noteKey;
    noteId[v] = id;
    velocity[v] = noteVelocity;
    bend[v] = 0;
    startedAt[v] = now;
    feedback1[v] = 0;
    feedback2[v] = 0;
    for (int op = 0; op < OPS; op++) {
      int k = v * OPS + op;
      if (!wasActive) {
        env[k] = 0;
      }
      phase[k] = 0;
      stage[k] = ATTACK;
      remaining[k] = attackFrames[op];
      envStep[k] = (1 - env[k]) / attackFrames[op];
    }
  }

  void release(int v) {
    released[v] = true;
    for (int op = 0; op < OPS; op++) {
      int k = v * OPS + op;
      stage[k] = RELEASE;
      remaining[k] = releaseFrames[op];
      envStep[k] = -env[k] / releaseFrames[op];
    }
  }

  void bend(int v, double semitones) {
    bend[v] = Double.isFinite(semitones) ? Math.max(-96, Math.min(96, semitones)) : 0;
  }

  void clear() {
    for (int v = 0; v < MAX; v++) {
      active[v] = false;
      released[v] = false;
      feedback1[v] = 0;
      feedback2[v] = 0;
    }
    for (int k = 0; k < MAX * OPS; k++) {
      phase[k] = 0;
      env[k] = 0;
      envStep[k] = 0;
      stage[k] = IDLE;
      remaining[k] = 0;
    }
  }

  /** Adds frames {@code from..to-1} of every sounding voice to {@code sum}. */
  void render(double[] sum, int from, int to) {
    if (from >= to) {
      return;
    }
    int[] modulators = Fm6Algorithms.MODULATORS[algorithm];
    int carriers = Fm6Algorithms.CARRIERS[algorithm];
    int feedbackFrom = Fm6Algorithms.FEEDBACK_FROM[algorithm];
    int feedbackTo = Fm6Algorithms.FEEDBACK_TO[algorithm];
    // β/(2π) cycles per unit of the two-frame average (y1 + y2)/2.
    double feedbackGain = 0.25 * feedback;
    for (int v = 0; v < MAX; v++) {
      if (!active[v]) {
        continue;
      }
      double keyHz = tuning * Math.pow(2, (key[v] - 69 + bend[v]) / 12.0);
      for (int op = 0; op < OPS; op++) {
        double s = velocitySensitivity[op];
        amp[op] = level[op] * (1 - s + s * velocity[v]);
      }
      double h1 = feedback1[v];
      double h2 = feedback2[v];
      int base = v * OPS;
      for (int i = from; i < to; i++) {
        double hz = keyHz;
        if (pitchOn) {
          hz *= pitchFactor[i];
        }
        if (fmOn) {
          hz += fmHz[i];
        }
        double voiceIncrement = hz * invRate;
        double out = 0;
        for (int op = OPS - 1; op >= 0; op--) {
          int k = base + op;
          double a = amp[op] * envelope(k, op);
          double p = phase[k];
          double value = 0;
          if (a > SILENT) {
            double m = 0;
            int bits = modulators[op];
            for (int j = op + 1; j < OPS; j++) {
              if ((bits >> j & 1) != 0) {
                m += y[j];
              }
            }
            if (op == feedbackTo) {
              m += feedbackGain * (h1 + h2);
            }
            value = a * sine(p + m);
          }
          y[op] = value;
          if (op == feedbackFrom) {
            h2 = h1;
            h1 = value;
          }
          if ((carriers >> op & 1) != 0) {
            out += value;
          }
          p += fixed[op] ? fixedIncrement[op] : clampIncrement(voiceIncrement * ratio[op]);
          phase[k] = p - Math.floor(p);
        }
        sum[i] += out;
      }
      feedback1[v] = h1;
      feedback2[v] = h2;
      boolean sounding = false;
      for (int op = 0; op < OPS; op++) {
        sounding |= (carriers >> op & 1) != 0 && stage[base + op] != IDLE;
      }
      active[v] = sounding;
    }
  }

  /** Advances operator k's envelope by one frame and returns its level at this frame. */
  private double envelope(int k, int op) {
    int st = stage[k];
    double e = env[k];
    if (st == SUSTAIN) {
      e = sustain[op];
    } else if (st != IDLE) {
      e += envStep[k];
      if (--remaining[k] <= 0) {
        if (st == ATTACK) {
          e = 1;
          stage[k] = DECAY;
          remaining[k] = decayFrames[op];
          envStep[k] = (sustain[op] - 1) / decayFrames[op];
        } else if (st == DECAY) {
          e = sustain[op];
          stage[k] = SUSTAIN;
        } else {
          e = 0;
          stage[k] = IDLE;
        }
      }
    }
    env[k] = e;
    return e;
  }

  /** sin(2π·t) by linear interpolation in the table. */
  private double sine(double t) {
    double x = (t - Math.floor(t)) * TABLE_SIZE;
    int i = (int) x;
    double frac = x - i;
    // t − floor(t) can round up to exactly 1 for a tiny negative t; the mask wraps it to 0.
    i &= TABLE_MASK;
    double a = sine[i];
    return a + frac * (sine[i + 1] - a);
  }

  /** Limits an increment to ±Nyquist; NaN (from a NaN pitch or FM input) gives 0. */
  static double clampIncrement(double x) {
    if (x != x) {
      return 0;
    }
    return x > MAX_INCREMENT ? MAX_INCREMENT : x < -MAX_INCREMENT ? -MAX_INCREMENT : x;
  }
}
