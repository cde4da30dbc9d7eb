package org.patchwork.dsp.effects.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * A stereo reverb: a 16-line feedback delay network (Jot and Chaigne, "Digital delay networks
 * for designing artificial reverberators", AES 90th Convention, 1991; Smith, "Physical Audio
 * Signal Processing", 2010, "Feedback Delay Networks"). With y the line outputs and H the
 * 16×16 Hadamard matrix scaled by 1/4 (orthogonal, so the loop itself loses nothing):
 *
 * <pre>  y_i[n] = line_i[n − D_i]
 *  line[n] = H·(g_i·A_i(y_i))[n] + u[n]
 *  g_i = 10^(−3·D_i / (RT60·fs))</pre>
 *
 * Every pass through line i costs exactly the attenuation of D_i frames of a 60 dB-per-RT60
 * decay, so every mode of the network decays at the rate {@code decay} asks for.
 * A_i is Jot's absorbent one-pole {@code (1 − b_i)/(1 − b_i·z⁻¹)}: gain 1 at DC, and
 * at Nyquist the gain of a decay {@code ratio = 1 − 0.9·damping} times as long:
 * {@code b_i = (1 − r_i)/(1 + r_i)}, {@code r_i = 10^(−3·D_i/(RT60·fs)·(1/ratio − 1))}.
 *
 * <p>The lengths D_i are primes from 701 to 2801 frames at 48 kHz (14.6 to 58 ms), scaled
 * by {@code size} (glided over {@value #SIZE_GLIDE_SECONDS} s) and lengthened by
 * {@code modulation}·{@value #MOD_FRAMES}·(1 + sin) frames, one slow sine per line (0.11 to
 * 0.9 Hz), so the tail does not ring metallically. Lines are read between frames through a first-order allpass, whose unit
 * gain at every frequency keeps the moving taps from shortening the decay of the highs (a
 * cubic read cost 6 % of the broadband RT60 and 16 % at 10 kHz). The left input feeds
 * the even lines, the right the odd ones, after a pre-delay (read by linear interpolation,
 * so automating it slides rather than clicks); the outputs are two orthogonal ±1
 * combinations of all lines (Hadamard rows 5 and 10), so even a mono input leaves in two
 * decorrelated channels, narrowed by {@code width} in mid/side. There is no separate
 * early-reflection section: the network's first returns play that part.
 */
public final class Reverb implements AudioModule {

  static final int IN = 0;
  static final int OUT = 1;
  static final int SIZE = 0;
  static final int DECAY = 1;
  static final int DAMPING = 2;
  static final int PREDELAY = 3;
  static final int MODULATION = 4;
  static final int WIDTH = 5;
  static final int MIX = 6;

  static final int LINES = 16;
  static final int[] LENGTHS = {701, 769, 839, 929, 1013, 1109, 1217, 1327, 1471, 1609, 1759, 1933,
      2129, 2333, 2551, 2801};
  static final double MIN_SIZE = 0.3;
  static final double MAX_SIZE = 2;
  static final double MIN_DECAY = 0.1;
  static final double MAX_DECAY = 20;
  static final double MAX_PREDELAY_MS = 250;
  static final double MOD_FRAMES = 12;
  static final double SIZE_GLIDE_SECONDS = 0.1;
  /** Gains in and out of the network: a 2 s tail of unit noise comes out near unit level. */
  private static final double IN_GAIN = 0.5;
  private static final double OUT_GAIN = 0.25;
  private static final double[] TAP_LEFT = hadamardRow(5);
  private static final double[] TAP_RIGHT = hadamardRow(10);
  private static final double[] IN_SIGN = hadamardRow(3);

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.reverb", "Reverb", "Patchwork", "1.0.0", ModuleKind.EFFECT,
      Set.of("effect", "reverb"),
      List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioOut("out", 2)),
      List.of(
          ParameterDescriptor.of("size", "Size", MIN_SIZE, MAX_SIZE, 1, ""),
          ParameterDescriptor.of("decay", "Decay (RT60)", MIN_DECAY, MAX_DECAY, 2, "s"),
          ParameterDescriptor.of("damping", "Damping", 0, 1, 0.4, ""),
          ParameterDescriptor.of("predelay", "Pre-delay", 0, MAX_PREDELAY_MS, 10, "ms"),
          ParameterDescriptor.of("modulation", "Modulation", 0, 1, 0.3, ""),
          ParameterDescriptor.of("width", "Width", 0, 1, 1, ""),
          ParameterDescriptor.of("mix", "Mix", 0, 1, 0.3, "")),
      0);

  private static final float[] NONE = new float[0];

  private double sampleRate = 48_000;
  private double sizeGlide;
  /** All 16 lines in one array, line i at {@code i << shift}: one bounds check, one cache stream. */
  private float[] network = NONE;
  private int shift;
  private int mask;
  private int write;
  private float[] preLeft = NONE;
  private float[] preRight = NONE;
  private int preMask;
  private int preWrite;
  private final double[] lengths = new double[LINES];
  private final double[] gain = new double[LINES];
  private final double[] pole = new double[LINES];
  private final double[] absorb = new double[LINES];
  private final double[] cos = new double[LINES];
  private final double[] sin = new double[LINES];
  private final double[] cosStart = new double[LINES];
  private final double[] sinStart = new double[LINES];
  private final double[] turnCos = new double[LINES];
  private final double[] turnSin = new double[LINES];
  private final double[] z = new double[LINES];
  private final double[] allpass = new double[LINES];
  private double size;
  /** What the loop filters were last computed for; NaN forces a computation. */
  private final double[] filtersFor = new double[4];
  private boolean primed;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    double scale = sampleRate / 48_000;
    sizeGlide = 1 - Math.exp(-1 / (SIZE_GLIDE_SECONDS * sampleRate));
    double longest = LENGTHS[LINES - 1] * MAX_SIZE * scale + 2 * MOD_FRAMES * scale;
    int lineSize = Ring.length(longest);
    shift = Integer.numberOfTrailingZeros(lineSize);
    mask = lineSize - 1;
    network = new float[LINES << shift];
    for (int i = 0; i < LINES; i++) {
      lengths[i] = LENGTHS[i] * scale;
      double hz = 0.11 * Math.pow(1.15, i);
      turnCos[i] = Math.cos(2 * Math.PI * hz / sampleRate);
      turnSin[i] = Math.sin(2 * Math.PI * hz / sampleRate);
      cosStart[i] = Math.cos(2 * Math.PI * 0.37 * i);
      sinStart[i] = Math.sin(2 * Math.PI * 0.37 * i);
    }
    preLeft = Ring.allocate(MAX_PREDELAY_MS / 1000 * sampleRate);
    preRight = Ring.allocate(MAX_PREDELAY_MS / 1000 * sampleRate);
    preMask = preLeft.length - 1;
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    float[] inL = ctx.input(IN, 0);
    float[] inR = ctx.input(IN, 1);
    float[] outL = ctx.output(OUT, 0);
    float[] outR = ctx.output(OUT, 1);
    double sizeTarget = Ring.clamp(ctx.parameter(SIZE), MIN_SIZE, MAX_SIZE);
    double s = primed ? size : sizeTarget;
    double depth = Ring.clamp(ctx.parameter(MODULATION), 0, 1) * MOD_FRAMES * sampleRate / 48_000;
    loopFilters(s, depth, Ring.clamp(ctx.parameter(DECAY), MIN_DECAY, MAX_DECAY),
        Ring.clamp(ctx.parameter(DAMPING), 0, 1));
    double pre = Ring.clamp(ctx.parameter(PREDELAY), 0, MAX_PREDELAY_MS) / 1000 * sampleRate;
    int preWhole = (int) pre;
    double preFrac = pre - preWhole;
    boolean widthConstant = ctx.isParameterConstant(WIDTH);
    float[] widthRamp = ctx.parameterRamp(WIDTH);
    double widthBlock = Ring.clamp(ctx.parameter(WIDTH), 0, 1);
    boolean mixConstant = ctx.isParameterConstant(MIX);
    float[] mixRamp = ctx.parameterRamp(MIX);
    double mixBlock = Ring.clamp(ctx.parameter(MIX), 0, 1);
    float[] net = network;
    int sh = shift;
    float[] pl = preLeft;
    float[] pr = preRight;
    double[] len = lengths;
    double[] g = gain;
    double[] b = pole;
    double[] lp = absorb;
    double[] ap = allpass;
    double[] c = cos;
    double[] sn = sin;
    double[] tc = turnCos;
    double[] ts = turnSin;
    double[] mixed = z;
    int m = mask;
    int pm = preMask;
    int w = write;
    int pw = preWrite;
    double k = sizeGlide;
    for (int n = 0; n < frames; n++) {
      s += (sizeTarget - s) * k;
      double xl = Ring.flushState(inL[n]);
      double xr = Ring.flushState(inR[n]);
      pl[pw] = (float) xl;
      pr[pw] = (float) xr;
      double ul = pl[(pw - preWhole) & pm] * (1 - preFrac) + pl[(pw - preWhole - 1) & pm] * preFrac;
      double ur = pr[(pw - preWhole) & pm] * (1 - preFrac) + pr[(pw - preWhole - 1) & pm] * preFrac;
      pw = (pw + 1) & pm;
      double wetL = 0;
      double wetR = 0;
      for (int i = 0; i < LINES; i++) {
        double ci = c[i] * tc[i] - sn[i] * ts[i];
        sn[i] = sn[i] * tc[i] + c[i] * ts[i];
        c[i] = ci;
        // First-order allpass interpolation (Smith, PASP, "First-Order Allpass Interpolation"):
        // unlike a polynomial read it has unit gain at every frequency, so moving taps do not
        // shorten the decay of the highs. D = M + Δ with Δ in [0.5, 1.5), η = (1 − Δ)/(1 + Δ).
        double delay = len[i] * s + depth * (1 + sn[i]);
        int whole = (int) (delay - 0.5);
        double frac = delay - whole;
        double eta = (1 - frac) / (1 + frac);
        int base = i << sh;
        double yi = Ring.tiny(eta * (net[base + ((w - whole) & m)] - ap[i]) + net[base + ((w - whole - 1) & m)]);
        ap[i] = yi;
        wetL += TAP_LEFT[i] * yi;
        wetR += TAP_RIGHT[i] * yi;
        lp[i] = Ring.tiny((1 - b[i]) * yi + b[i] * lp[i]);
        mixed[i] = g[i] * lp[i];
      }
      hadamard(mixed);
      for (int i = 0; i < LINES; i++) {
        double u = (i & 1) == 0 ? ul : ur;
        net[(i << sh) + w] = (float) Ring.tiny(0.25 * mixed[i] + IN_GAIN * IN_SIGN[i] * u);
      }
      w = (w + 1) & m;
      double width = widthConstant ? widthBlock : Ring.clamp(widthRamp[n], 0, 1);
      double mix = mixConstant ? mixBlock : Ring.clamp(mixRamp[n], 0, 1);
      double mid = 0.5 * (wetL + wetR);
      double side = 0.5 * width * (wetL - wetR);
      outL[n] = Ring.flush((1 - mix) * xl + mix * OUT_GAIN * (mid + side));
      outR[n] = Ring.flush((1 - mix) * xr + mix * OUT_GAIN * (mid - side));
    }
    // Rotating phasors drift in length by rounding; pull them back to the unit circle.
    for (int i = 0; i < LINES; i++) {
      double r = 1.5 - 0.5 * (c[i] * c[i] + sn[i] * sn[i]);
      c[i] *= r;
      sn[i] *= r;
    }
    write = w;
    preWrite = pw;
    size = s;
    primed = true;
    return ProcessStatus.CONTINUE;
  }

  /**
   * Sets each line's loop gain and absorbent pole for its mean length at {@code size}
   * ({@code depth} is the mean of the modulation's swing, 0..2·depth).
   */
  private void loopFilters(double size, double depth, double decay, double damping) {
    double[] last = filtersFor;
    if (last[0] == size && last[1] == depth && last[2] == decay && last[3] == damping) {
      return;
    }
    last[0] = size;
    last[1] = depth;
    last[2] = decay;
    last[3] = damping;
    double ratio = 1 - 0.9 * damping;
    for (int i = 0; i < LINES; i++) {
      double exponent = -3 * (lengths[i] * size + depth) / (decay * sampleRate);
      gain[i] = Math.pow(10, exponent);
      double r = Math.pow(10, exponent * (1 / ratio - 1));
      pole[i] = (1 - r) / (1 + r);
    }
  }

  /** In-place fast Walsh-Hadamard transform of 16 values (unscaled: the caller scales by 1/4). */
  private static void hadamard(double[] x) {
    for (int h = 1; h < LINES; h <<= 1) {
      for (int i = 0; i < LINES; i += h << 1) {
        for (int j = i; j < i + h; j++) {
          double a = x[j];
          double b = x[j + h];
          x[j] = a + b;
          x[j + h] = a - b;
        }
      }
    }
  }

  /** Row {@code k} of the 16×16 Sylvester Hadamard matrix: (−1)^popcount(k & i). */
  private static double[] hadamardRow(int k) {
    double[] row = new double[LINES];
    for (int i = 0; i < LINES; i++) {
      row[i] = Integer.bitCount(k & i) % 2 == 0 ? 1 : -1;
    }
    return row;
  }

  @Override
  public void reset() {
    Arrays.fill(network, 0f);
    Arrays.fill(preLeft, 0f);
    Arrays.fill(preRight, 0f);
    Arrays.fill(absorb, 0);
    Arrays.fill(allpass, 0);
    System.arraycopy(cosStart, 0, cos, 0, LINES);
    System.arraycopy(sinStart, 0, sin, 0, LINES);
    write = 0;
    preWrite = 0;
    size = 0;
    primed = false;
    Arrays.fill(filtersFor, Double.NaN);
  }

  @Override
  public void deactivate() {
    network = NONE;
    preLeft = NONE;
    preRight = NONE;
  }
}
