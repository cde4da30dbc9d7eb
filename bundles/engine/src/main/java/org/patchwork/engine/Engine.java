package org.patchwork.engine;

import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.bus.EngineRing;
import org.patchwork.bus.TelemetryRing;
import org.patchwork.engine.internal.BlockProcessor;
import org.patchwork.engine.internal.CompiledPlan;
import org.patchwork.engine.internal.Workers;

/**
 * The real-time engine. A driver calls {@link #processBlock} from its audio callback; the model
 * thread talks to it only through the {@link EngineRing}: plans and mixes via {@link #submit},
 * notes and parameter changes directly on the ring, each stamped with the engine frame at
 * which it must sound.
 *
 * <pre>{@code
 * EngineRing ring = new EngineRing(4096);
 * Engine engine = new Engine(48_000, 256, ring, telemetry);
 * engine.submit(Plan.compile(graph, registry, 48_000, 256));   // model thread
 * ring.noteOn(engine.frame() + 512, 0, 1, 60, 0.8f);           // model thread
 * engine.processBlock(out, 256);                               // audio thread, every block
 * }</pre>
 *
 * <p>{@code processBlock} allocates nothing in steady state, takes no lock, does no I/O and
 * never throws: a module that throws or writes NaN/infinity (or overruns its {@link #cpuBudget})
 * is bypassed and reported, and the rest plays on.
 *
 * <p>With {@code threads} above 1 the engine starts {@code threads − 1} helper threads that run
 * independent tracks (those whose chain takes no signal from outside it) in parallel inside
 * each block, the calling thread taking part; buses and the master follow on the calling
 * thread. The output is byte for byte the same as with one thread. The hand-off between
 * threads allocates nothing and takes no lock, but the block now depends on more than one
 * thread being scheduled in time, so real-time drivers keep the default of one thread; the
 * offline renderer uses one per processor. {@link #close()} stops the helpers.
 */
@ProviderType
public final class Engine implements AutoCloseable {

  private final double sampleRate;
  private final int maxFrames;
  private final EngineRing ring;
  private final BlockProcessor processor;
  private final Workers workers;

  /**
   * @param sampleRate frames per second of the driver, 8000..384000
   * @param maxFrames the largest block the driver will ask for; plans must be compiled with
   *     it (larger requests are processed in pieces)
   * @param ring the ring this engine reads; the engine becomes its only reader
   * @param telemetry where meters, load, xruns and faults go; null for none
   */
  public Engine(double sampleRate, int maxFrames, EngineRing ring, TelemetryRing telemetry) {
    this(sampleRate, maxFrames, ring, telemetry, 1);
  }

  /**
   * As {@link #Engine(double, int, EngineRing, TelemetryRing)}, running independent tracks on
   * {@code threads} threads (the caller's included).
   *
   * @param threads 1..64; 1 runs everything on the calling thread
   */
  public Engine(double sampleRate, int maxFrames, EngineRing ring, TelemetryRing telemetry, int threads) {
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be within 1..64: " + threads);
    }
    if (!(sampleRate >= 8000 && sampleRate <= 384_000)) {
      throw new IllegalArgumentException("sampleRate must be within 8000..384000 Hz: " + sampleRate);
    }
    if (maxFrames < 1 || maxFrames > 8192) {
      throw new IllegalArgumentException("maxFrames must be within 1..8192: " + maxFrames);
    }
    if (ring == null) {
      throw new IllegalArgumentException("ring must not be null");
    }
    this.sampleRate = sampleRate;
    this.maxFrames = maxFrames;
    this.ring = ring;
    this.workers = threads > 1 ? new Workers(threads, "patchwork-engine") : null;
    this.processor = new BlockProcessor(sampleRate, ring.reader(), telemetry, workers);
  }

  /** Threads that process a block, the caller's included. */
  public int threads() {
    return workers == null ? 1 : workers.threads();
  }

  /** Stops the helper threads, if any; call once no block is being processed. */
  @Override
  public void close() {
    if (workers != null) {
      workers.close();
    }
  }

  /**
   * Renders {@code frames} frames into {@code out[channel][0..frames)}: channel 0 left, 1 right
   * (a single channel gets the average, more channels silence). Messages on the ring are taken
   * first, so a plan or mix sent before this call plays from its first frame. Thread: audio.
   */
  public void processBlock(float[][] out, int frames) {
    processor.process(out, frames);
  }

  /**
   * Sends a plan to the audio thread; it plays from the next block on. Thread: the ring's
   * producer (the model thread).
   *
   * @throws IllegalArgumentException if the plan was compiled for another sample rate or a
   *     smaller block size than this engine's
   */
  public void submit(Plan plan) {
    if (plan.sampleRate() != sampleRate || plan.maxFrames() < maxFrames) {
      throw new IllegalArgumentException("the plan was compiled for " + plan.sampleRate() + " Hz and blocks of "
          + plan.maxFrames() + ", the engine runs " + sampleRate + " Hz and blocks of up to " + maxFrames);
    }
    ring.swap(plan.compiled());
  }

  /** Sends a mixer snapshot of the playing plan; the engine glides to it over one block. */
  public void submit(Mix mix) {
    ring.swap(mix.gains());
  }

  /** The plan the audio thread is playing (as of its last block), or null. Thread: any. */
  public Plan activePlan() {
    CompiledPlan p = processor.playing();
    return p == null ? null : (Plan) p.owner();
  }

  /** Frames processed since the engine was made: the time base of ring messages. Thread: any. */
  public long frame() {
    return processor.frame();
  }

  /** Faults so far: modules bypassed, events dropped, plans rejected. Thread: any. */
  public long faults() {
    return processor.faults();
  }

  /** The CPU budget real-time playback gives each module: half the block period. */
  public static final double DEFAULT_CPU_BUDGET = 0.5;
  /** Blocks in a row a module may overrun its budget before it is bypassed. */
  public static final int DEFAULT_OVERRUN_BLOCKS = 3;

  /**
   * Bypasses (with {@link FaultReason#CPU_BUDGET}) a module whose {@code process} takes more
   * than {@code fraction} of the block period for {@code blocks} blocks in a row; a single late
   * block is the machine's (a safepoint, a preempted core), several in a row are the module's.
   * Off (0) by default: an offline render must give the same bytes on a slow machine, so only
   * real-time playback turns it on, e.g. {@code cpuBudget(DEFAULT_CPU_BUDGET,
   * DEFAULT_OVERRUN_BLOCKS)}. Thread: any; applies from the next block.
   *
   * @param fraction 0 (off) .. 100
   * @param blocks at least 1
   */
  public void cpuBudget(double fraction, int blocks) {
    processor.cpuBudget(fraction, blocks);
  }

  /** Counts a buffer under- or overrun; published as telemetry. Thread: the driver's. */
  public void reportXrun() {
    processor.xrun();
  }

  /** Xruns reported so far. Thread: any. */
  public long xruns() {
    return processor.xruns();
  }

  /** Frames per second. */
  public double sampleRate() {
    return sampleRate;
  }

  /** The largest block size plans must support. */
  public int maxFrames() {
    return maxFrames;
  }
}
