package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.Sequencer;
import com.lmax.disruptor.SingleProducerSequencer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.bus.TelemetryRing;
import org.patchwork.examples.gain.GainModule;
import org.patchwork.examples.sine.SineModule;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;
import org.patchwork.sdk.testkit.RealTimeRules;
import org.patchwork.sdk.testkit.RealTimeRules.Violation;

/**
 * The audio thread never locks, blocks, logs or does I/O (ARCHITECTURE.md, invariants).
 *
 * <p>The static check ({@link RealTimeRules}) is the primary test: it follows every call
 * reachable from {@link Engine#processBlock} and {@link Session#fill}/{@link Session#next}
 * through the engine, the bus and the Disruptor, so it finds a lock or a log line on a path no
 * test happens to take. The JFR test beside it is a complement that sees only what really
 * happens while it records: JFR reports a monitor only when it is contended
 * ({@code jdk.JavaMonitorEnter}), so an uncontended {@code synchronized} goes unseen there;
 * what it does catch for certain is any park, wait, file or socket I/O on the rendering thread.
 * See docs/decisions/0012-real-time-rules-check.md.
 */
class RealTimeRulesTest {

  private static final String[] SCOPE = {"org.patchwork.engine", "org.patchwork.bus", "com.lmax.disruptor"};
  private static final String BLOCK_DESC = "([[FI)V";
  private static final int RATE = 48_000;
  private static final int BLOCK = 256;

  /**
   * What the engine really runs behind the Disruptor's interfaces. Without these bindings the
   * check would follow every wait strategy and sequencer in the Disruptor jar, including the
   * blocking ones no ring of ours is built with.
   */
  private static RealTimeRules engineScope() {
    return handOff(RealTimeRules.scan(SCOPE))
        // EngineRing and TelemetryRing are built with RingBuffer.createSingleProducer(...,
        // new SleepingWaitStrategy()): its publish-side signal is an empty method
        // (docs/decisions/0010-bus-wait-strategies.md).
        .implementations(WaitStrategy.class, SleepingWaitStrategy.class)
        .implementations(Sequencer.class, SingleProducerSequencer.class)
        // The modules the engine's tests play; DSP bundles check their own modules. Unbound,
        // AudioModule would reach every implementation among the scanned classes, including
        // the deliberately faulty ones of these tests.
        .implementations(AudioModule.class, SineModule.class, GainModule.class);
  }

  /**
   * The engine's worker hand-off, reached only with more than one engine thread (offline
   * rendering; real-time drivers run one): unpark wakes a helper that went to sleep between
   * rounds, and the audio thread parks (100 µs at most) only after spinning in vain for a
   * helper's group. Everything else on that path is lock-free and still checked.
   */
  private static RealTimeRules handOff(RealTimeRules rules) {
    return rules
        .allow("org.patchwork.engine.internal.Workers#wake",
            "wakes a parked engine helper; only with Engine threads > 1, never in real-time playback")
        .allow("org.patchwork.engine.internal.Workers#doze",
            "bounded park after a spin while helpers finish; only with Engine threads > 1");
  }

  @Test
  void processBlockNeverLocksBlocksLogsOrDoesIo() {
    engineScope().entry(Engine.class, "processBlock", BLOCK_DESC).assertRealTimeSafe();
  }

  @Test
  void sessionFillAndNextNeverLockBlockLogOrDoIo() {
    engineScope()
        .entry(Session.class, "fill", BLOCK_DESC)
        .entry(Session.class, "next", "()I")
        // Session is the ring's producer on the audio thread. SingleProducerSequencer.next
        // parks while the ring is full, but Session.step publishes only after
        // ring.remainingCapacity() > 0, which reads the consumer's sequence afresh, and it is
        // the only producer: next() then always finds its slot without waiting.
        .allow("com.lmax.disruptor.SingleProducerSequencer#next",
            "Session.step publishes only when remainingCapacity() > 0; single producer")
        .assertRealTimeSafe();
  }

  @Test
  void theCheckReachesModulesThroughTheEngine() {
    // Guards the check itself: a module that locks must be found through processBlock, so the
    // clean result above means the walk really went through the plan to the modules.
    List<Violation> found = handOff(RealTimeRules.scan(SCOPE))
        .implementations(WaitStrategy.class, SleepingWaitStrategy.class)
        .implementations(Sequencer.class, SingleProducerSequencer.class)
        .implementations(AudioModule.class, Locking.class)
        .entry(Engine.class, "processBlock", BLOCK_DESC)
        .check();
    assertEquals(List.of("org.patchwork.engine.Engine.processBlock"
            + " -> org.patchwork.engine.internal.BlockProcessor.process"
            + " -> org.patchwork.engine.internal.CompiledPlan.run"
            + " -> org.patchwork.engine.internal.NodeStep.run"
            + " -> org.patchwork.engine.internal.NodeStep.call"
            + " -> org.patchwork.engine.RealTimeRulesTest$Locking.process: synchronized method"),
        found.stream().map(Violation::toString).toList());
  }

  /** A module that breaks the rules, for {@link #theCheckReachesModulesThroughTheEngine}. */
  static final class Locking implements AudioModule {
    @Override public void activate(double sampleRate, int maxFrames) { }
    @Override public synchronized ProcessStatus process(ProcessContext context) { return ProcessStatus.SILENT; }
    @Override public void reset() { }
    @Override public void deactivate() { }
  }

  private static final List<String> JFR_EVENTS = List.of("jdk.JavaMonitorEnter", "jdk.JavaMonitorWait",
      "jdk.ThreadPark", "jdk.FileRead", "jdk.FileWrite", "jdk.SocketRead", "jdk.SocketWrite");
  private static final String AUDIO_THREAD = "patchwork-audio (RealTimeRulesTest)";

  /**
   * Renders a project with notes and telemetry for one second through {@link Session#fill} on
   * a thread of its own, after a two-second warm-up on that thread (class loading reads jars),
   * with JFR recording every contended monitor, wait, park and file or socket operation at
   * threshold 0. None may come from the rendering thread. Nobody drains the small telemetry
   * ring, so it is full within the warm-up and its drop path runs too.
   *
   * <p>Under {@code -ea} (as Surefire runs) the Disruptor's single-producer assertion takes a
   * JVM-wide monitor on every publish; another test publishing to a single-producer ring at the
   * same moment (parallel test execution) would show up here as a contended monitor.
   */
  @Test
  void jfrSeesNoMonitorWaitParkOrIoOnTheRenderingThread() throws Exception {
    Project project = chords(12);
    long[] rendered = new long[1];
    Session[] session = new Session[1];
    float[][] out = new float[2][BLOCK];
    try {
      List<String> seen = jfrEventsOnOneThread(new Job() {
        @Override
        public void warmUp() {
          // Made on the rendering thread: the Session publishes to its ring from the constructor
          // on, and under -ea the Disruptor's single-producer assertion pins the ring to one
          // thread.
          session[0] = new Session(project, TestModules.registry(), RATE, BLOCK, 0, new TelemetryRing(64));
          for (int i = 0; i < 2 * RATE / BLOCK; i++) {
            session[0].fill(out, BLOCK);
          }
        }

        @Override
        public void measured() {
          for (int i = 0; i < RATE / BLOCK + 1; i++) {
            session[0].fill(out, BLOCK);
            rendered[0] += BLOCK;
          }
        }
      });
      assertTrue(rendered[0] >= RATE, "rendered " + rendered[0] + " frames");
      assertEquals(List.of(), seen, "JFR events on the audio thread");
    } finally {
      if (session[0] != null) {
        session[0].close();
      }
    }
  }

  @Test
  void jfrSeesAParkAndAFileWriteOnTheRenderingThread(@TempDir Path dir) throws Exception {
    // Guards the recording itself: the clean result above must not come from a filter that
    // matches nothing.
    Path file = dir.resolve("written");
    List<String> seen = jfrEventsOnOneThread(new Job() {
      @Override
      public void warmUp() throws IOException {
        Files.write(file, new byte[1]);
      }

      @Override
      public void measured() throws IOException {
        LockSupport.parkNanos(1_000_000);
        Files.write(file, new byte[1]);
      }
    });
    List<String> types = seen.stream().map(e -> e.substring(0, e.indexOf(' '))).distinct().sorted().toList();
    assertEquals(List.of("jdk.FileWrite", "jdk.ThreadPark"), types, String.join("\n", seen));
  }

  /** Work for the rendering thread: a warm-up outside the recording, then the recorded part. */
  private interface Job {
    void warmUp() throws Exception;

    void measured() throws Exception;
  }

  /**
   * Runs {@code job} on a thread of its own: the warm-up first (class loading reads jars), then
   * the measured part while JFR records {@link #JFR_EVENTS} at threshold 0. Returns the events
   * of that thread, each as its event type, its duration and its top stack frames.
   */
  private static List<String> jfrEventsOnOneThread(Job job) throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    Handshake h = new Handshake();
    try (RecordingStream jfr = new RecordingStream()) {
      for (String e : JFR_EVENTS) {
        jfr.enable(e).withThreshold(Duration.ZERO).withStackTrace();
        jfr.onEvent(e, event -> {
          if (event.getThread() != null && AUDIO_THREAD.equals(event.getThread().getJavaName())) {
            seen.add(describe(event));
          }
        });
      }
      Thread audio = Thread.ofPlatform().name(AUDIO_THREAD).unstarted(() -> {
        try {
          job.warmUp();
          h.warmed = true;
          while (!h.go) {
            Thread.onSpinWait(); // not park: this wait may overlap the recording's start
          }
          job.measured();
        } catch (Throwable t) {
          h.failure = t;
        } finally {
          h.warmed = true;
        }
      });
      audio.start();
      while (!h.warmed) {
        Thread.sleep(5);
      }
      jfr.startAsync();
      h.go = true;
      audio.join();
      jfr.stop(); // flushes: every event recorded so far has been handed to onEvent
    }
    if (h.failure != null) {
      throw new AssertionError("the rendering thread failed", h.failure);
    }
    return List.copyOf(seen);
  }

  /** What the two threads share; join() orders the plain field. */
  private static final class Handshake {
    volatile boolean warmed;
    volatile boolean go;
    Throwable failure;
  }

  /** Eight-note chords on four sine tracks, one every beat at 120 BPM, for {@code beats} beats. */
  private static Project chords(int beats) {
    List<Node> nodes = new ArrayList<>();
    List<Track> tracks = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      nodes.add(new Node("sine" + t, TestModules.SINE, Map.of("gain", 0.05)));
      tracks.add(Track.of("t" + t, "sine" + t));
      for (int beat = 0; beat < beats; beat++) {
        for (int v = 0; v < 8; v++) {
          notes.add(new Note("t" + t, 40 + t * 7 + v * 2, 0.8, beat, 0.9));
        }
      }
    }
    return new Project("real-time rules", RATE, 120, Graph.of(nodes, List.of(), tracks), notes);
  }

  private static String describe(RecordedEvent e) {
    StringBuilder s = new StringBuilder(e.getEventType().getName()).append(" ").append(e.getDuration());
    if (e.getStackTrace() != null) {
      for (RecordedFrame f : e.getStackTrace().getFrames().subList(0, Math.min(8, e.getStackTrace().getFrames().size()))) {
        s.append("\n    at ").append(f.getMethod().getType().getName()).append(".").append(f.getMethod().getName())
            .append(":").append(f.getLineNumber());
      }
    }
    return s.toString();
  }
}
