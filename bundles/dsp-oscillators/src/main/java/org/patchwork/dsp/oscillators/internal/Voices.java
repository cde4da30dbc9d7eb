package org.patchwork.dsp.oscillators.internal;

/**
 * The voices of {@link SubtractiveSynth}, stored as struct-of-arrays and rendered two at a
 * time, so that the two voices' independent recursions overlap in the CPU's pipelines.
 *
 * <p>Per voice and frame: a PolyBLEP saw or square ({@link Blep}, one frame of delay), a TPT
 * state-variable low-pass (Zavalishin, "The Art of VA Filter Design", rev. 2.1.0, ch. 4) and a
 * linear ADSR whose level is stepped before use, so a note is audible at its own frame. The
 * SVF's trapezoidal integrator states s1, s2 follow
 *
 * <pre>  hp = (x − (k+g)·s1 − s2)·n,  bp = g·hp + s1,  lp = g·bp + s2,  s1' = 2bp − s1,
 *  s2' = 2lp − s2,  g = tan(π·fc/fs),  k = 1/q,  n = 1/(1 + g·(g+k))</pre>
 *
 * which the loop evaluates in the equivalent state-space form {@code s' = A·s + B·x},
 * {@code lp = (s2 + s2')/2}: the same states and the same response (so cutoff modulation
 * behaves as in the TPT structure), with a loop-carried dependency of two operations instead
 * of six.
 *
 * <p>The cutoff {@code fc = (cutoff + depth·sin 2π·(lfo_rate + f_voice·lfo_keytrack)·t)·2^cv},
 * with t counted from the note's start, and from it A and B, are evaluated when a note starts
 * and then on a grid of {@link #CONTROL} frames of the song clock shared by all voices, in one
 * pass over the voices whose iterations are independent; sin and tan are polynomials
 * ({@link FastTrig}). A sub-20 Hz LFO moves the cutoff by far less than a semitone in 16
 * frames. The inner loops run between control points, envelope segment ends and events, so
 * they contain no such tests. Together these choices took 256 voices from 11 to about 24
 * times real time on a 2-core Xeon (10 s rendered, thread CPU time).
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

  private static final double LN2 = Math.log(2);
  private static final double MIN_CUTOFF = 20;
  /** Highest oscillator increment; keeps both pulse edges in different frames. */
  private static final double MAX_INCREMENT = 0.45;
  private static final int NEVER = Integer.MAX_VALUE;
  /** A slot that is always silent: the partner of the last voice when their number is odd. */
  private static final int GHOST = MAX;

  final int[] stage = new int[MAX + 1];
  final int[] key = new int[MAX + 1];
  final int[] noteId = new int[MAX + 1];
  final long[] startedAt = new long[MAX + 1];
  private final double[] hz = new double[MAX + 1];
  private final double[] amp = new double[MAX + 1];
  private final double[] phase = new double[MAX + 1];
  private final double[] inc = new double[MAX + 1];
  private final double[] invInc = new double[MAX + 1];
  private final double[] held = new double[MAX + 1];
  private final double[] s1 = new double[MAX + 1];
  private final double[] s2 = new double[MAX + 1];
  // The filter in state-space form, s' = A·s + B·x, refreshed at control points.
  private final double[] a11 = new double[MAX + 1];
  private final double[] a12 = new double[MAX + 1];
  private final double[] a21 = new double[MAX + 1];
  private final double[] a22 = new double[MAX + 1];
  private final double[] b1 = new double[MAX + 1];
  private final double[] b2 = new double[MAX + 1];
  /** The envelope times the voice's amplitude, stepped as one, so the loop saves a multiply. */
  private final double[] env = new double[MAX + 1];
  private final double[] envStep = new double[MAX + 1];
  private final int[] envLeft = new int[MAX + 1];
  private final boolean[] due = new boolean[MAX + 1];
  private final long[] refreshedAt = new long[MAX + 1];
  private final double[] lfoPhase = new double[MAX + 1];
  private final int[] order = new int[MAX + 1];
  private final double sampleRate;
  private final double invRate;
  private final double maxCutoff;

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

  /** Starts a note on voice {@code v}; a stolen voice keeps its phase and filter, so it glides in. */
  void start(int v, int k, int id, double velocity, long now) {
    boolean fresh = stage[v] == IDLE;
    key[v] = k;
    noteId[v] = id;
    startedAt[v] = now;
    double was = amp[v];
    amp[v] = 0.5 * velocity; // the loop's output is twice the low-pass
    tune(v, 440 * Math.pow(2, (k - 69) / 12.0));
    if (fresh) {
      phase[v] = 0;
      held[v] = square ? 1 : -1;
      s1[v] = 0;
      s2[v] = 0;
      env[v] = 0;
    } else {
      // A stolen voice goes on from its envelope's level, now at the new note's amplitude.
      env[v] = was > 0 ? env[v] / was * amp[v] : 0;
    }
    lfoPhase[v] = 0;
    refreshedAt[v] = now;
    due[v] = true;
    stage[v] = ATTACK;
    envLeft[v] = attackFrames;
    envStep[v] = (amp[v] - env[v]) / attackFrames;
  }

  /** Sets voice {@code v}'s oscillator frequency, e.g. for pitch bend. */
  void tune(int v, double frequency) {
    hz[v] = frequency;
    inc[v] = Math.min(frequency / sampleRate, MAX_INCREMENT);
    invInc[v] = 1 / inc[v];
  }

  /** Moves voice {@code v} to its release, which lasts {@code releaseFrames} from any level. */
  void release(int v) {
    stage[v] = RELEASE;
    envLeft[v] = releaseFrames;
    envStep[v] = -env[v] / releaseFrames;
  }

  /** Silences every voice at once. */
  void clear() {
    for (int v = 0; v <= MAX; v++) {
      silence(v);
      noteId[v] = -1;
    }
    amp[GHOST] = 0;
    tune(GHOST, 100);
  }

  private void silence(int v) {
    stage[v] = IDLE;
    env[v] = 0;
    envStep[v] = 0;
    envLeft[v] = NEVER;
  }

  int active() {
    int n = 0;
    for (int v = 0; v < MAX; v++) {
      if (stage[v] != IDLE) {
        n++;
      }
    }
    return n;
  }

  /**
   * Adds every sounding voice's frames {@code from..to-1} to {@code out}; {@code clock} is the
   * song frame of the block's frame 0. Thread: audio.
   */
  void render(double[] out, int from, int to, long clock) {
    if (from >= to) {
      return;
    }
    int n = 0;
    for (int v = 0; v < MAX; v++) {
      if (stage[v] != IDLE) {
        order[n++] = v;
      }
    }
    if ((n & 1) == 1) {
      order[n++] = GHOST;
    }
    int i = from;
    while (i < to) {
      long now = clock + i;
      boolean grid = (now & (CONTROL - 1)) == 0;
      // One pass over all voices: their updates are independent, so they overlap in the CPU.
      for (int k = 0; k < n; k++) {
        int v = order[k];
        if (grid || due[v]) {
          refresh(v, i, now);
        }
      }
      int stop = (int) Math.min(to, i + CONTROL - (now & (CONTROL - 1)));
      for (int k = 0; k < n; k += 2) {
        renderPair(order[k], order[k + 1], out, i, stop);
      }
      i = stop;
    }
  }

  private void renderPair(int v, int w, double[] out, int from, int to) {
    // Oscillator and filter states stay in locals between control points; only what an
    // envelope stage changes is reloaded between the inner loops.
    double pv = phase[v];
    double dv = inc[v];
    double iv = invInc[v];
    double hv = held[v];
    double sv1 = s1[v];
    double sv2 = s2[v];
    double pw = phase[w];
    double dw = inc[w];
    double iw = invInc[w];
    double hw = held[w];
    double sw1 = s1[w];
    double sw2 = s2[w];
    int i = from;
    while (i < to) {
      if (envLeft[v] == 0) {
        nextStage(v);
      }
      if (envLeft[w] == 0) {
        nextStage(w);
      }
      int n = Math.min(to - i, Math.min(envLeft[v], envLeft[w]));
      int end = i + n;
      double v11 = a11[v];
      double v12 = a12[v];
      double v21 = a21[v];
      double v22 = a22[v];
      double vb1 = b1[v];
      double vb2 = b2[v];
      double gv = env[v];
      double tv = envStep[v];
      double w11 = a11[w];
      double w12 = a12[w];
      double w21 = a21[w];
      double w22 = a22[w];
      double wb1 = b1[w];
      double wb2 = b2[w];
      double gw = env[w];
      double tw = envStep[w];
      if (square) {
        for (int j = i; j < end; j++) {
          double xv = hv;
          double afterV = 0;
          double wasV = pv;
          pv += dv;
          if (pv >= 1) {
            pv -= 1;
            double d = pv * iv;
            xv += Blep.stepBefore(2, d);
            afterV = Blep.stepAfter(2, d);
          } else if (wasV < 0.5 && pv >= 0.5) {
            double d = (pv - 0.5) * iv;
            xv += Blep.stepBefore(-2, d);
            afterV = Blep.stepAfter(-2, d);
          }
          hv = (pv < 0.5 ? 1 : -1) + afterV;
          double xw = hw;
          double afterW = 0;
          double wasW = pw;
          pw += dw;
          if (pw >= 1) {
            pw -= 1;
            double d = pw * iw;
            xw += Blep.stepBefore(2, d);
            afterW = Blep.stepAfter(2, d);
          } else if (wasW < 0.5 && pw >= 0.5) {
            double d = (pw - 0.5) * iw;
            xw += Blep.stepBefore(-2, d);
            afterW = Blep.stepAfter(-2, d);
          }
          hw = (pw < 0.5 ? 1 : -1) + afterW;
          double nv1 = v11 * sv1 + (v12 * sv2 + vb1 * xv);
          double nv2 = v22 * sv2 + (v21 * sv1 + vb2 * xv);
          double nw1 = w11 * sw1 + (w12 * sw2 + wb1 * xw);
          double nw2 = w22 * sw2 + (w21 * sw1 + wb2 * xw);
          gv += tv;
          gw += tw;
          out[j] += (sv2 + nv2) * gv + (sw2 + nw2) * gw;
          sv1 = nv1;
          sv2 = nv2;
          sw1 = nw1;
          sw2 = nw2;
        }
      } else {
        // The saw runs on q = 2φ − 1 directly, which saves two operations per frame.
        double qv = 2 * pv - 1;
        double qw = 2 * pw - 1;
        double dqv = 2 * dv;
        double dqw = 2 * dw;
        double hiv = 0.5 * iv;
        double hiw = 0.5 * iw;
        for (int j = i; j < end; j++) {
          double xv = hv;
          qv += dqv;
          if (qv >= 1) {
            qv -= 2;
            double d = (qv + 1) * hiv;
            xv += Blep.stepBefore(-2, d);
            hv = qv + Blep.stepAfter(-2, d);
          } else {
            hv = qv;
          }
          double xw = hw;
          qw += dqw;
          if (qw >= 1) {
            qw -= 2;
            double d = (qw + 1) * hiw;
            xw += Blep.stepBefore(-2, d);
            hw = qw + Blep.stepAfter(-2, d);
          } else {
            hw = qw;
          }
          double nv1 = v11 * sv1 + (v12 * sv2 + vb1 * xv);
          double nv2 = v22 * sv2 + (v21 * sv1 + vb2 * xv);
          double nw1 = w11 * sw1 + (w12 * sw2 + wb1 * xw);
          double nw2 = w22 * sw2 + (w21 * sw1 + wb2 * xw);
          gv += tv;
          gw += tw;
          out[j] += (sv2 + nv2) * gv + (sw2 + nw2) * gw;
          sv1 = nv1;
          sv2 = nv2;
          sw1 = nw1;
          sw2 = nw2;
        }
        pv = 0.5 * (qv + 1);
        pw = 0.5 * (qw + 1);
      }
      env[v] = gv;
      env[w] = gw;
      envLeft[v] -= n;
      envLeft[w] -= n;
      i = end;
    }
    phase[v] = pv;
    held[v] = hv;
    s1[v] = sv1;
    s2[v] = sv2;
    phase[w] = pw;
    held[w] = hw;
    s1[w] = sw1;
    s2[w] = sw2;
  }

  /** Moves voice {@code v} on when its envelope segment has ended. */
  private void nextStage(int v) {
    switch (stage[v]) {
      case ATTACK -> {
        env[v] = amp[v];
        stage[v] = DECAY;
        envLeft[v] = decayFrames;
        envStep[v] = (sustain - 1) * amp[v] / decayFrames;
      }
      case DECAY, SUSTAIN -> {
        env[v] = sustain * amp[v];
        stage[v] = SUSTAIN;
        envLeft[v] = NEVER;
        envStep[v] = 0;
      }
      default -> silence(v); // the release has ended; rides along silently until the block ends
    }
  }

  /** Recomputes voice {@code v}'s LFO, cutoff and filter coefficients at block frame {@code i}. */
  private void refresh(int v, int i, long now) {
    double lfo = lfoPhase[v] + (lfoRate + hz[v] * lfoKeytrack) * (now - refreshedAt[v]) * invRate;
    if (lfo >= 1) {
      lfo -= Math.floor(lfo);
    }
    lfoPhase[v] = lfo;
    refreshedAt[v] = now;
    due[v] = false;
    double fc = (cutoffConstant ? cutoff : cutoffRamp[i]) + lfoDepth * FastTrig.sin2pi(lfo);
    if (cutoffCvOn) {
      fc *= Math.exp(cutoffCv[i] * LN2);
    }
    fc = Frequency.clamp(fc, MIN_CUTOFF, maxCutoff);
    double g = FastTrig.tan(Math.PI * fc * invRate);
    double gn = g / (1 + g * (g + damping));
    a11[v] = 1 - 2 * gn * (g + damping);
    a12[v] = -2 * gn;
    b1[v] = 2 * gn;
    a21[v] = g * (1 + a11[v]);
    a22[v] = 1 - 2 * g * gn;
    b2[v] = 2 * g * gn;
    if (stage[v] == SUSTAIN) {
      env[v] = sustain * amp[v];
    }
  }
}
