package org.patchwork.dsp.sampler.internal;

/**
 * One note of one zone of the {@link Sampler}: a read position moved by the note's increment,
 * the {@link SincKernel} interpolator, a TPT state-variable low-pass per channel and the amp
 * envelope. Per output frame:
 *
 * <pre>  inc = inc0 · (2^(tune/12 + pitch) + fm_depth·fm / f_key),   inc0 = 2^((k − root)/12 + cents/1200) · fs_sample/fs
 *  y = env · velocity_gain · zone_gain · svf_lp(interpolate(u)),   u ← u + inc</pre>
 *
 * The low-pass is Zavalishin's TPT SVF ("The Art of VA Filter Design", rev. 2.1.0, ch. 4) in
 * Simper's form (Cytomic, "Solving the continuous SVF equations using trapezoidal
 * integration", 2013): with g = tan(π·fc/fs), k = 1/Q, a1 = 1/(1 + g(g + k)), a2 = g·a1,
 * a3 = g·a2 and v3 = x − ic2: {@code v1 = a1·ic1 + a2·v3}, {@code v2 = ic2 + a2·ic1 + a3·v3},
 * {@code ic1 ← 2v1 − ic1}, {@code ic2 ← 2v2 − ic2}, {@code lp = v2}. Its cutoff
 * {@code fc = cutoff · 2^(env_amount·fenv + keytrack·(k − 60)/12)} is updated every
 * {@link Settings#CONTROL} frames of the voice, and fenv falls from 1 by 80 dB over the
 * filter decay. The amp envelope rises linearly over the attack, falls exponentially (80 dB
 * over the decay time) to the sustain level, and on release falls 80 dB over the release time
 * and then ends the voice.
 */
final class Voice {

  static final int IDLE = 0;
  static final int ATTACK = 1;
  static final int DECAY = 2;
  static final int SUSTAIN = 3;
  static final int RELEASE = 4;
  /** Stolen: a short linear fade to silence, then idle. */
  static final int KILL = 5;

  private static final int PAD = Keymap.PAD;
  private static final int HALF = SincKernel.HALF;
  private static final int TAPS = SincKernel.TAPS;
  private static final int PHASES = SincKernel.PHASES;
  private static final double LN2 = Math.log(2);

  int stage = IDLE;
  int key;
  int noteId;
  long startedAt;
  double level;

  private Keymap.Playback zone;
  private double position;
  private double baseIncrement;
  private double invKeyHz;
  private double gain;
  private int stageFrames;
  private int control;
  private double filterEnvelope;
  private double a1;
  private double a2;
  private double a3;
  private double ic1Left;
  private double ic2Left;
  private double ic1Right;
  private double ic2Right;

  /** Starts {@code zone} for a note; {@code bend} in semitones. Thread: audio. */
  void start(Keymap.Playback zone, int key, int noteId, double velocityGain, long now, double outputRate) {
    this.zone = zone;
    this.key = key;
    this.noteId = noteId;
    startedAt = now;
    gain = velocityGain * zone.gain;
    tune(0, outputRate);
    position = 0;
    stage = ATTACK;
    level = 0;
    stageFrames = 0;
    control = 0;
    filterEnvelope = 1;
    ic1Left = ic2Left = ic1Right = ic2Right = 0;
  }

  /** Sets the note's bend in semitones (NOTE_EXPRESSION). */
  void tune(double bend, double outputRate) {
    double semitones = key + bend - zone.rootKey + zone.cents / 100;
    baseIncrement = Math.exp(semitones / 12 * LN2) * zone.sampleRate / outputRate;
    invKeyHz = 1 / (440 * Math.exp((key + bend - 69) / 12.0 * LN2));
  }

  void release() {
    if (stage != IDLE && stage != KILL) {
      stage = RELEASE;
      stageFrames = 0;
    }
  }

  void kill() {
    if (stage != IDLE) {
      stage = KILL;
    }
  }

  /**
   * Adds frames {@code from..to-1} of this voice to {@code left} and {@code right}. Thread:
   * audio.
   */
  void render(float[] left, float[] right, int from, int to, Settings s) {
    Keymap.Playback z = zone;
    float[] dl = z.data[0];
    float[] dr = z.data[z.data.length - 1];
    boolean stereo = z.data.length > 1;
    boolean looped = z.looped;
    double wrapAt = z.wrapAt;
    double period = z.period;
    double end = z.end;
    double[] factor = s.factor;
    double[] fmHz = s.fmHz;
    double inc0 = baseIncrement;
    double invHz = invKeyHz;
    // A constant pitch is stored at frame 0 only.
    int first = s.constantPitch ? 0 : from;
    double inc = Settings.clamp(inc0 * (factor[first] + fmHz[first] * invHz), 0, Settings.MAX_INCREMENT);
    float[] table = SincKernel.table(SincKernel.bankFor(inc));
    double u = position;
    double env = level;
    int st = stage;
    int count = stageFrames;
    int ctl = control;
    double c1 = a1;
    double c2 = a2;
    double c3 = a3;
    double l1 = ic1Left;
    double l2 = ic2Left;
    double r1 = ic1Right;
    double r2 = ic2Right;
    double g = gain;
    for (int i = from; i < to; i++) {
      if (!s.constantPitch) {
        inc = Settings.clamp(inc0 * (factor[i] + fmHz[i] * invHz), 0, Settings.MAX_INCREMENT);
      }
      if (ctl == 0) {
        double fc = s.cutoff * Math.exp((s.filterEnvelopeOctaves * filterEnvelope
            + s.keytrack * (key - 60) / 12.0) * LN2);
        double t = Math.tan(Math.PI * Settings.clamp(fc, 20, s.maxCutoff) / s.sampleRate);
        c1 = 1 / (1 + t * (t + s.damping));
        c2 = t * c1;
        c3 = t * c2;
        filterEnvelope = filterEnvelope < 1e-4 ? 0 : filterEnvelope * s.filterDecay;
        ctl = Settings.CONTROL;
      }
      ctl--;
      // The interpolator: phase row p and the next, blended by t.
      int n = (int) u;
      double fp = (u - n) * PHASES;
      int p = (int) fp;
      float blend = (float) (fp - p);
      int row = p * TAPS;
      int base = PAD + n - HALF + 1;
      float xl = 0;
      float xr = 0;
      if (stereo) {
        for (int k = 0; k < TAPS; k++) {
          float a = table[row + k];
          float c = a + blend * (table[row + TAPS + k] - a);
          xl += c * dl[base + k];
          xr += c * dr[base + k];
        }
      } else {
        for (int k = 0; k < TAPS; k++) {
          float a = table[row + k];
          xl += (a + blend * (table[row + TAPS + k] - a)) * dl[base + k];
        }
      }
      // Envelope.
      switch (st) {
        case ATTACK -> {
          env += s.attackStep;
          if (env >= 1) {
            env = 1;
            st = DECAY;
            count = 0;
          }
        }
        case DECAY -> {
          env = s.sustain + (env - s.sustain) * s.decayCoefficient;
          if (++count >= s.decayFrames) {
            env = s.sustain;
            st = SUSTAIN;
          }
        }
        case SUSTAIN -> env = s.sustain;
        case RELEASE -> {
          env *= s.releaseCoefficient;
          if (++count >= s.releaseFrames) {
            env = 0;
            st = IDLE;
          }
        }
        default -> {
          env -= s.killStep;
          if (env <= 0) {
            env = 0;
            st = IDLE;
          }
        }
      }
      double amp = env * g;
      double v3 = xl - l2;
      double v1 = c1 * l1 + c2 * v3;
      double v2 = l2 + c2 * l1 + c3 * v3;
      l1 = 2 * v1 - l1;
      l2 = 2 * v2 - l2;
      float yl = (float) (v2 * amp);
      float yr = yl;
      if (stereo) {
        v3 = xr - r2;
        v1 = c1 * r1 + c2 * v3;
        double w2 = r2 + c2 * r1 + c3 * v3;
        r1 = 2 * v1 - r1;
        r2 = 2 * w2 - r2;
        yr = (float) (w2 * amp);
      }
      left[i] += yl;
      right[i] += yr;
      u += inc;
      if (looped) {
        if (u >= wrapAt) {
          u -= period * (Math.floor((u - wrapAt) / period) + 1);
        }
      } else if (u >= end) {
        st = IDLE;
      }
      if (st == IDLE) {
        break;
      }
    }
    position = u;
    level = env;
    stage = st;
    stageFrames = count;
    control = ctl;
    a1 = c1;
    a2 = c2;
    a3 = c3;
    // Tiny filter states would turn denormal as a voice rings out; they are silence.
    ic1Left = flush(l1);
    ic2Left = flush(l2);
    ic1Right = flush(r1);
    ic2Right = flush(r2);
  }

  private static double flush(double x) {
    return Math.abs(x) < 1e-30 || !Double.isFinite(x) ? 0 : x;
  }
}
