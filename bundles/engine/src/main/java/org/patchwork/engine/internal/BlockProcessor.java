package org.patchwork.engine.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.patchwork.bus.EngineMessage;
import org.patchwork.bus.MessageHandler;
import org.patchwork.bus.RingReader;
import org.patchwork.bus.TelemetryRing;
import org.patchwork.engine.FaultReason;
import org.patchwork.sdk.module.Event;

/**
 * The audio thread's loop body. Each call: drain the engine ring (adopt a new plan or mix, queue
 * events and transport changes), then in chunks (split at feedback delays and transport changes)
 * hand each due event to its node at its exact frame, run the plan, copy the master to the
 * driver's buffers, meter, and publish telemetry. No allocation, no lock, no I/O; nothing
 * escapes as an exception.
 */
public final class BlockProcessor implements MessageHandler<EngineMessage>, FaultSink {

  /** Events waiting for their block; more are dropped and reported. */
  static final int SCHEDULER_CAPACITY = 16_384;

  private static final EngineMessage.Kind[] KINDS = EngineMessage.Kind.values();

  private final double sampleRate;
  private final RingReader<EngineMessage> reader;
  private final TelemetryRing telemetry;
  private final Scheduler scheduler = new Scheduler(SCHEDULER_CAPACITY);
  private final TransportState transport;
  private final Block block = new Block();
  private final AtomicLong xruns = new AtomicLong();
  private final int meterInterval;
  /** Helpers for the plan's track groups; null to run everything on the audio thread. */
  private final Workers workers;
  private CompiledPlan plan;
  private boolean ramping;
  private long position;
  private long publishedXruns;
  private int metered;
  private final float[] peak = new float[2];
  private final double[] squares = new double[2];
  private float load;
  /** Swaps still fading, whose longest block is being measured; fixed room, no allocation. */
  private final NodeSwap[] fading = new NodeSwap[16];
  private int fadingCount;
  /** Per-module CPU budget, set by a control thread: nanoseconds per frame (0: off), blocks. */
  private volatile double budgetNanosPerFrame;
  private volatile int overrunBlocks = 1;
  // Written only here, read by other threads.
  private volatile CompiledPlan playing;
  private volatile long frame;
  private volatile long faults;

  /**
   * @param telemetry where to report; null for none (offline rendering)
   */
  public BlockProcessor(double sampleRate, RingReader<EngineMessage> reader, TelemetryRing telemetry) {
    this(sampleRate, reader, telemetry, null);
  }

  /**
   * @param telemetry where to report; null for none (offline rendering)
   * @param workers threads that help run independent tracks within a block; null for none
   */
  public BlockProcessor(double sampleRate, RingReader<EngineMessage> reader, TelemetryRing telemetry,
      Workers workers) {
    this.workers = workers;
    this.sampleRate = sampleRate;
    this.reader = reader;
    this.telemetry = telemetry;
    this.transport = new TransportState(sampleRate);
    this.meterInterval = Math.max(1, (int) Math.round(sampleRate / 50));
    block.faults = this;
  }

  /**
   * Processes {@code frames} frames into {@code out[channel]}: channels 0 and 1 get the master's
   * left and right, a single channel gets their average, further channels silence.
   */
  public void process(float[][] out, int frames) {
    if (out == null) {
      return;
    }
    long started = System.nanoTime();
    int n = frames;
    try {
      for (float[] channel : out) {
        n = Math.min(n, channel.length);
      }
      reader.drain(this);
      block.budgetNanosPerFrame = budgetNanosPerFrame;
      block.overrunBlocks = overrunBlocks;
      int done = 0;
      while (done < n) {
        CompiledPlan p = plan;
        transport.applyDue(position);
        int chunk = Math.min(n - done, p == null ? n - done : p.chunk);
        // Split at the next transport change so modules see it from its exact frame.
        chunk = (int) Math.min(chunk, transport.nextChange() - position);
        dispatch(p, chunk);
        if (p == null) {
          for (float[] channel : out) {
            Arrays.fill(channel, done, done + chunk, 0f);
          }
        } else {
          block.frame = position;
          block.frames = chunk;
          block.gainFrom = p.gainFrom;
          block.gainTo = p.gainTo;
          p.run(block, workers);
          if (ramping) {
            System.arraycopy(p.gainTo, 0, p.gainFrom, 0, p.gainTo.length);
            ramping = false;
          }
          copy(p.output, out, done, chunk);
        }
        position += chunk;
        transport.advance(chunk);
        done += chunk;
      }
      if (fadingCount > 0) {
        timeSwaps(System.nanoTime() - started);
      }
      if (telemetry != null && n > 0) {
        load = Math.max(load, (float) ((System.nanoTime() - started) * sampleRate / (n * 1e9)));
        meter(out, n);
      }
    } catch (Throwable t) {
      // A bug in the engine itself: keep the driver fed with silence and say so.
      for (float[] channel : out) {
        if (channel != null) {
          Arrays.fill(channel, 0, Math.max(0, Math.min(channel.length, n)), 0f);
        }
      }
      fault(position, -1, FaultReason.ENGINE);
    }
    frame = position;
  }

  /** Adopts plans and mixes, queues events. Thread: audio, from {@link #process}. */
  @Override
  public void onMessage(EngineMessage m) {
    switch (m.kind()) {
      case SWAP -> {
        Object payload = m.takePayload();
        if (payload instanceof CompiledPlan p && p.sampleRate == sampleRate) {
          plan = p;
          ramping = false;
          p.bind(transport);
          playing = p;
        } else if (payload instanceof NodeSwap swap) {
          if (swap.plan == plan) {
            plan.nodes[swap.node].begin(swap, position);
            if (fadingCount < fading.length) {
              fading[fadingCount++] = swap;
            }
          } else {
            // Made for a plan that is not (or no longer) playing: the control thread cleans up.
            swap.state = NodeSwap.REJECTED;
          }
        } else if (payload instanceof MixGains mix && mix.plan == plan) {
          if (!ramping) {
            System.arraycopy(plan.gainTo, 0, plan.gainFrom, 0, plan.gainTo.length);
          }
          System.arraycopy(mix.gains, 0, plan.gainTo, 0, plan.gainTo.length);
          ramping = true;
        } else {
          fault(position, -1, FaultReason.REJECTED);
        }
      }
      case TRANSPORT_START -> transport.schedule(m.frame(), TransportState.START, m.position(), 0);
      case TRANSPORT_STOP -> transport.schedule(m.frame(), TransportState.STOP, 0, 0);
      case TEMPO -> transport.schedule(m.frame(), TransportState.TEMPO, 0, m.value());
      default -> {
        if (!scheduler.add(m)) {
          fault(position, -1, FaultReason.EVENT_OVERFLOW);
        }
      }
    }
  }

  /**
   * Records the block's duration in each swap fading in it (the swap's cost on the audio thread,
   * for its record) and forgets the swaps that ended.
   */
  private void timeSwaps(long nanos) {
    int kept = 0;
    for (int i = 0; i < fadingCount; i++) {
      NodeSwap s = fading[i];
      s.longestBlockNanos = Math.max(s.longestBlockNanos, nanos);
      if (s.state() == NodeSwap.FADING) {
        fading[kept++] = s;
      }
    }
    for (int i = kept; i < fadingCount; i++) {
      fading[i] = null;
    }
    fadingCount = kept;
  }

  /** Hands the events due in the next {@code frames} frames to their nodes, at their offsets. */
  private void dispatch(CompiledPlan p, int frames) {
    int due = scheduler.due(position + frames);
    for (int i = 0; i < due; i++) {
      // Late events (their frame already passed) sound at the block's first frame.
      int offset = (int) Math.max(0, scheduler.frame(i) - position);
      int target = scheduler.target(i);
      boolean kept = true;
      switch (KINDS[scheduler.kind(i)]) {
        case NOTE_ON -> kept = note(p, target, offset, Event.Type.NOTE_ON, i);
        case NOTE_OFF -> kept = note(p, target, offset, Event.Type.NOTE_OFF, i);
        case ALL_NOTES_OFF -> kept = note(p, target, offset, Event.Type.ALL_NOTES_OFF, i);
        case NOTE_EXPRESSION -> kept = note(p, target, offset, Event.Type.NOTE_EXPRESSION, i);
        case PARAMETER -> {
          if (p != null && target >= 0 && target < p.nodes.length) {
            kept = p.nodes[target].context.parameter(offset, scheduler.parameter(i), scheduler.value(i));
          }
        }
        default -> { }
      }
      if (!kept) {
        fault(position + offset, target, FaultReason.EVENT_OVERFLOW);
      }
    }
    scheduler.remove(due);
  }

  private boolean note(CompiledPlan p, int track, int offset, Event.Type type, int i) {
    // Events for a track the current plan does not have are dropped quietly: they were sent
    // against an older plan.
    if (p == null || track < 0 || track >= p.instruments.length) {
      return true;
    }
    return p.instruments[track].event(offset, type, scheduler.key(i), scheduler.velocity(i),
        scheduler.noteId(i), scheduler.value(i));
  }

  private static void copy(float[][] master, float[][] out, int at, int frames) {
    if (out.length == 1) {
      float[] mono = out[0];
      for (int i = 0; i < frames; i++) {
        mono[at + i] = 0.5f * (master[0][i] + master[1][i]);
      }
      return;
    }
    for (int ch = 0; ch < out.length; ch++) {
      if (ch < 2) {
        System.arraycopy(master[ch], 0, out[ch], at, frames);
      } else {
        Arrays.fill(out[ch], at, at + frames, 0f);
      }
    }
  }

  private void meter(float[][] out, int n) {
    int channels = Math.min(2, out.length);
    for (int ch = 0; ch < channels; ch++) {
      float[] x = out[ch];
      float pk = peak[ch];
      double sq = squares[ch];
      for (int i = 0; i < n; i++) {
        pk = Math.max(pk, Math.abs(x[i]));
        sq += (double) x[i] * x[i];
      }
      peak[ch] = pk;
      squares[ch] = sq;
    }
    metered += n;
    if (metered < meterInterval) {
      return;
    }
    for (int ch = 0; ch < channels; ch++) {
      telemetry.meter(position, ch, peak[ch], (float) Math.sqrt(squares[ch] / metered));
      peak[ch] = 0;
      squares[ch] = 0;
    }
    telemetry.playhead(position, transport.songFrame());
    telemetry.load(position, load);
    long x = xruns.get();
    if (x != publishedXruns && telemetry.xruns(position, x)) {
      publishedXruns = x;
    }
    metered = 0;
    load = 0;
  }

  @Override
  public void fault(long at, int node, FaultReason reason) {
    faults = faults + 1;
    if (telemetry != null) {
      telemetry.fault(at, node, reason.code());
    }
  }

  /**
   * Watches each module's time in {@code process}: one that takes more than
   * {@code fraction} of the block's duration for {@code blocks} blocks in a row is bypassed.
   * A fraction of 0 turns the watch off. Thread: any; applies from the next block.
   */
  public void cpuBudget(double fraction, int blocks) {
    if (!(fraction >= 0 && fraction <= 100) || blocks < 1) {
      throw new IllegalArgumentException("a CPU budget is a fraction within 0..100 of the block period and "
          + "at least 1 block: " + fraction + ", " + blocks);
    }
    overrunBlocks = blocks;
    budgetNanosPerFrame = fraction * 1e9 / sampleRate;
  }

  /** Counts a buffer under- or overrun. Thread: any (the driver). */
  public void xrun() {
    xruns.incrementAndGet();
  }

  /** Xruns reported so far. Thread: any. */
  public long xruns() {
    return xruns.get();
  }

  /** The plan being played, or null. Thread: any. */
  public CompiledPlan playing() {
    return playing;
  }

  /** Frames processed since the engine started. Thread: any. */
  public long frame() {
    return frame;
  }

  /** Faults counted so far. Thread: any. */
  public long faults() {
    return faults;
  }
}
