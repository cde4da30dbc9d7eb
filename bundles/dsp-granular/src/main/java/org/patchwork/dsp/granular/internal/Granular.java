package org.patchwork.dsp.granular.internal;

import java.util.List;
import java.util.Set;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.SampleSetFormat;
import org.patchwork.dsp.sampler.data.Zone;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * "Granular": an instrument that plays clouds of short windowed grains (Roads, "Microsound",
 * MIT Press 2001; Truax's real-time granular synthesis). Each held note (up to
 * {@link #MAX_NOTES}) starts a grain every {@code 1/density} seconds, the first at its own
 * frame; its key transposes the grains from the source's root (60 for the factory texture
 * and the live ring, zone 0's root for a restored set), the {@code pitch} CV adds octaves, and
 * a linear attack/release envelope gates the grains it started. What a grain does is in
 * {@link Grains}:
 *
 * <pre>  out = level · Σ_grains env_note · a · w(t/D) · src(start + inc·t) · pan gains</pre>
 *
 * <p>Why notes and not a free-running cloud: as an INSTRUMENT it is silent until played (the
 * host's rule), a key gives pitch and velocity to the cloud, and a held note is how a free
 * cloud is had (a tracker note of any length, or a drone key).
 *
 * <p>Sources: a sample set restored with {@link #restoreState} (the {@link SampleSetFormat}
 * that the Sampler uses; zone 0's sample and root), else the factory texture
 * ({@link FactoryTexture}). With {@code capture} on, the mono {@code in} input is written into
 * an 8-second ring (allocated at activate) every block, played or not, and new grains read the
 * ring behind its write head instead, so it works as an effect on live sound: hold a note.
 * Randomness comes from a seeded xorshift64* ({@link Rng}), re-seeded by reset and whenever
 * {@code seed} changes, so a render repeats exactly.
 */
public final class Granular implements AudioModule {

  static final int NOTES = 0;
  static final int PITCH = 1;
  static final int IN = 2;
  static final int OUT = 3;

  static final int DENSITY = 0;
  static final int SIZE = 1;
  static final int POSITION = 2;
  static final int SPRAY = 3;
  static final int PITCH_SHIFT = 4;
  static final int PITCH_RANDOM = 5;
  static final int WINDOW = 6;
  static final int REVERSE = 7;
  static final int SPREAD = 8;
  static final int LEVEL = 9;
  static final int ATTACK = 10;
  static final int RELEASE = 11;
  static final int CAPTURE = 12;
  static final int SEED = 13;

  static final int MAX_NOTES = 8;
  /** Seconds of live input the ring holds. */
  static final double RING_SECONDS = 8;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.granular", "Granular", "Patchwork", "1.0.0", ModuleKind.INSTRUMENT,
      Set.of("granular", "instrument"),
      List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.cvIn("pitch"), PortDescriptor.audioIn("in", 1),
          PortDescriptor.audioOut("out", 2)),
      List.of(
          ParameterDescriptor.of("density", "Density", 0.5, 500, 20, "grains/s"),
          ParameterDescriptor.of("size", "Grain size", 1, 1000, 100, "ms"),
          ParameterDescriptor.of("position", "Position", 0, 1, 0.3, ""),
          ParameterDescriptor.of("spray", "Spray", 0, 1, 0.05, ""),
          ParameterDescriptor.of("pitch", "Pitch", -24, 24, 0, "st"),
          ParameterDescriptor.of("pitch_rand", "Pitch randomness", 0, 12, 0, "st"),
          ParameterDescriptor.choice("window", "Window", Windows.HANN, "Hann", "Gaussian", "Trapezoid"),
          ParameterDescriptor.of("reverse", "Reverse probability", 0, 1, 0, ""),
          ParameterDescriptor.of("spread", "Stereo spread", 0, 1, 0.5, ""),
          ParameterDescriptor.of("level", "Level", 0, 1, 0.5, ""),
          ParameterDescriptor.of("attack", "Attack", 0, 10000, 10, "ms"),
          ParameterDescriptor.of("release", "Release", 0, 20000, 300, "ms"),
          ParameterDescriptor.choice("capture", "Capture input", 0, "Off", "On"),
          new ParameterDescriptor("seed", "Random seed", 0, 65535, 1, "", Set.of(ParameterFlag.STEPPED), 0, List.of())),
      0);

  private static final double[] MIN = new double[DESCRIPTOR.parameters().size()];
  private static final double[] MAX = new double[MIN.length];

  static {
    for (int i = 0; i < MIN.length; i++) {
      MIN[i] = DESCRIPTOR.parameters().get(i).min();
      MAX[i] = DESCRIPTOR.parameters().get(i).max();
    }
  }

  private GrainSource source;
  private byte[] state;
  private GrainSource ring;
  private Grains grains;
  private Notes notes;
  private final Rng rng = new Rng();
  private float[] mixLeft;
  private float[] mixRight;
  private long written;
  private long seed = 1;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    if (source == null) {
      source = FactoryTexture.source();
    }
    ring = new GrainSource((int) Math.ceil(RING_SECONDS * sampleRate) + maxFrames, sampleRate);
    grains = new Grains(sampleRate, maxFrames);
    notes = new Notes(sampleRate, maxFrames);
    mixLeft = new float[maxFrames];
    mixRight = new float[maxFrames];
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    long wanted = (long) param(ctx, SEED);
    if (wanted != seed) {
      seed = wanted;
      rng.seed(seed);
    }
    boolean capture = param(ctx, CAPTURE) >= 0.5;
    long blockStart = written;
    if (capture) {
      capture(ctx.input(IN, 0), frames);
    }
    int events = ctx.eventCount();
    Notes ns = notes;
    if (events == 0 && ns.active() == 0 && grains.count() == 0) {
      return ProcessStatus.SILENT;
    }
    configure(ctx);
    boolean pitchOn = ctx.isConnected(PITCH);
    float[] pitchCv = ctx.input(PITCH, 0);
    GrainSource live = capture ? ring : null;
    int from = 0;
    for (int e = 0; e <= events; e++) {
      int to = frames;
      Event event = null;
      if (e < events) {
        event = ctx.event(e);
        to = Math.max(from, Math.min(event.frame(), frames));
      }
      for (int i = from; i < to; i++) {
        double cv = pitchOn ? 12 * clamp(pitchCv[i], -10, 10) : 0;
        ns.step(i, grains, cv, rng, source, live, blockStart + i + 1);
      }
      from = to;
      if (event != null) {
        ns.handle(event, grains);
      }
    }
    for (int v = 0; v < MAX_NOTES; v++) {
      if (ns.ended(v)) {
        grains.silence(v);
      }
    }
    float[] left = mixLeft;
    float[] right = mixRight;
    for (int i = 0; i < frames; i++) {
      left[i] = 0;
      right[i] = 0;
    }
    grains.render(left, right, frames, ns.envelope, source, ring);
    float[] outLeft = ctx.output(OUT, 0);
    float[] outRight = ctx.output(OUT, 1);
    boolean constant = ctx.isParameterConstant(LEVEL);
    float[] ramp = ctx.parameterRamp(LEVEL);
    float level = (float) param(ctx, LEVEL);
    for (int i = 0; i < frames; i++) {
      float g = constant ? level : (float) clamp(ramp[i], 0, 1);
      outLeft[i] = flush(left[i] * g);
      outRight[i] = flush(right[i] * g);
    }
    return ProcessStatus.CONTINUE;
  }

  private void capture(float[] in, int frames) {
    GrainSource r = ring;
    int n = r.frames;
    int j = (int) (written % n);
    for (int i = 0; i < frames; i++) {
      r.write(j, sanitize(in[i]));
      if (++j == n) {
        j = 0;
      }
    }
    written += frames;
  }

  private void configure(ProcessContext ctx) {
    Grains g = grains;
    double rate = notes.sampleRate;
    g.sizeFrames = param(ctx, SIZE) * rate / 1000;
    g.density = param(ctx, DENSITY);
    g.where = param(ctx, POSITION);
    g.spray = param(ctx, SPRAY);
    g.pitch = param(ctx, PITCH_SHIFT);
    g.pitchRandom = param(ctx, PITCH_RANDOM);
    g.reverse = param(ctx, REVERSE);
    g.spread = param(ctx, SPREAD);
    g.window = (int) param(ctx, WINDOW);
    Notes ns = notes;
    ns.interval = rate / g.density;
    ns.attackStep = 1 / Math.max(1, param(ctx, ATTACK) * rate / 1000);
    ns.releaseFrames = Math.max(1, param(ctx, RELEASE) * rate / 1000);
  }

  private static double param(ProcessContext ctx, int index) {
    double v = clamp(ctx.parameter(index), MIN[index], MAX[index]);
    return index == WINDOW || index == CAPTURE || index == SEED ? Math.rint(v) : v;
  }

  static double clamp(double x, double lo, double hi) {
    if (!(x >= lo)) {
      return lo;
    }
    return x > hi ? hi : x;
  }

  /** NaN as silence, ±16 at most, denormals as 0: the ring keeps only what plays safely. */
  private static float sanitize(float x) {
    if (!(x >= -16 && x <= 16)) {
      return x > 16 ? 16 : x < -16 ? -16 : 0;
    }
    return flush(x);
  }

  private static float flush(float x) {
    return Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
  }

  @Override
  public void reset() {
    notes.clear();
    grains.clear();
    ring.clear();
    written = 0;
    rng.seed(seed);
  }

  @Override
  public void deactivate() {
    ring = null;
    grains = null;
    notes = null;
    mixLeft = null;
    mixRight = null;
  }

  /** The restored set's bytes; null while the factory texture plays. */
  @Override
  public byte[] saveState() {
    return state == null ? null : state.clone();
  }

  /**
   * Loads a sample set in {@link SampleSetFormat} and takes zone 0's sample and root as the
   * grain source; {@code null} goes back to the factory texture. Bad bytes change nothing.
   *
   * @throws IllegalArgumentException naming what is wrong with the bytes
   */
  @Override
  public void restoreState(byte[] bytes) {
    GrainSource next;
    if (bytes == null) {
      next = FactoryTexture.source();
    } else {
      SampleSet set = SampleSetFormat.decode(bytes);
      Zone zone = set.zones().get(0);
      next = new GrainSource(set.samples().get(zone.sample()), zone.rootKey() + zone.fineTuneCents() / 100.0);
    }
    source = next;
    state = bytes == null ? null : bytes.clone();
    if (grains != null) {
      grains.clear();
      notes.clear();
    }
  }
}
