package org.patchwork.playback.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.bus.TelemetryRing;
import org.patchwork.drivers.AudioDriver;
import org.patchwork.drivers.ConstantPools;
import org.patchwork.drivers.DriverException;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.DriverStats;
import org.patchwork.drivers.Drivers;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Project;
import org.patchwork.engine.Session;
import org.patchwork.sdk.cli.UsageException;

/**
 * Owns the one real-time playback of the host: starts it, stops it, reports its statistics,
 * and writes the statistics file when a run ends, including when the host shuts down.
 */
@Component(service = Player.class)
public final class Player {

  private static final int TELEMETRY_SLOTS = 4096;
  // Every part of the song should have run once (new voices, new tracks), up to a bound.
  private static final int PRIME_SECONDS = 90;
  private final ModuleRegistry registry;
  private Playback current;
  private Path statsFile;

  @Activate
  public Player(@Reference ModuleRegistry registry) {
    this.registry = registry;
  }

  /**
   * Plays {@code project} through the named driver for {@code seconds} (0: to the end plus the
   * release tail). Replaces a run in progress.
   */
  synchronized Playback play(Project project, String driverName, double seconds, int block, Path stats)
      throws Exception {
    stop();
    AudioDriver driver = Projects.checked(() -> Drivers.create(driverName));
    try {
      driver.open(Projects.checked(() -> new DriverSettings((int) Math.round(project.sampleRate()), block, 2, 2,
          "patchwork")));
    } catch (DriverException e) {
      driver.close();
      throw new UsageException("play: the " + driver.name() + " driver cannot start: " + e.getMessage());
    }
    // The driver decides the real rate and block size (JACK imposes its own); the song follows it.
    prime(project, driver.sampleRate(), driver.blockSize());
    ConstantPools.resolve(resolutionRoots(project, driver));
    TelemetryRing telemetry = new TelemetryRing(TELEMETRY_SLOTS);
    Session session = new Session(project, registry, driver.sampleRate(), driver.blockSize(), 0, telemetry);
    long frames = seconds > 0
        ? Math.round(seconds * driver.sampleRate())
        : session.totalFrames();
    statsFile = stats;
    current = new Playback(driver, session, telemetry, frames, this::finishedQuietly);
    return current;
  }

  /**
   * Runs a throw-away session of the same project (the song, up to 90 s) on this thread, so
   * the JIT compiles the engine's and modules' code here: the one-time allocations that come
   * with compiling (constant strings, class initialisation) then never land on the audio thread.
   */
  private void prime(Project project, int rate, int block) {
    float[][] out = new float[2][block];
    try (Session warm = new Session(project, registry, rate, block, 0, new TelemetryRing(TELEMETRY_SLOTS))) {
      long length = Math.min(warm.totalFrames(), (long) PRIME_SECONDS * rate);
      for (long frames = 0; frames < length; frames += block) {
        warm.fill(out, block);
      }
    }
  }

  /**
   * The classes the audio thread starts from: the session, the playback callback, the driver
   * and the factories of the project's modules (whose modules they name). See
   * {@link ConstantPools}: everything reachable from these is resolved before playing.
   */
  private Class<?>[] resolutionRoots(Project project, AudioDriver driver) {
    List<Class<?>> roots = new ArrayList<>(List.of(Session.class, Playback.class, driver.getClass(),
        TelemetryRing.class));
    for (Class<?> nested : Playback.class.getDeclaredClasses()) {
      roots.add(nested);
    }
    project.graph().nodes().forEach(node ->
        registry.find(node.module()).ifPresent(factory -> roots.add(factory.getClass())));
    return roots.toArray(Class<?>[]::new);
  }

  /** Stops the run in progress, if any, and writes its statistics file if one was asked for. */
  synchronized void stop() throws IOException {
    if (current == null) {
      return;
    }
    current.stop();
    writeStats();
  }

  /** Writes the statistics of the last run, once it has ended. */
  synchronized void finished(Playback run) throws IOException {
    if (run == current) {
      writeStats();
    }
  }

  private void finishedQuietly(Playback run) {
    try {
      finished(run);
    } catch (IOException e) {
      System.err.println("patchwork: cannot write the statistics file: " + e.getMessage());
    }
  }

  private void writeStats() throws IOException {
    if (statsFile == null || current == null) {
      return;
    }
    Path target = statsFile;
    statsFile = null;
    Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".stats", ".tmp");
    Files.writeString(temp, json(current).toPrettyString() + "\n");
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The statistics of the current or last run as JSON, or null if nothing has played. */
  synchronized ObjectNode stats() {
    return current == null ? null : json(current);
  }

  static ObjectNode json(Playback run) {
    DriverStats s = run.stats();
    ObjectNode o = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).createObjectNode();
    o.put("driver", run.driverName());
    o.put("sampleRate", run.sampleRate());
    o.put("blockSize", run.blockSize());
    o.put("blocks", s.blocks());
    o.put("xruns", s.xruns());
    o.put("deadlineMisses", s.deadlineMisses());
    ObjectNode micros = o.putObject("callbackMicros");
    micros.put("p50", s.p50Micros());
    micros.put("p99", s.p99Micros());
    micros.put("max", s.maxMicros());
    o.put("audioThreadAllocatedBytes", s.audioThreadAllocatedBytes());
    o.put("allocationWindowBlocks", s.allocationWindowBlocks());
    o.put("telemetryDropped", run.telemetryDropped());
    o.put("callbackFailures", s.callbackFailures());
    o.put("moduleFaults", run.faults());
    o.put("playheadFrame", run.playhead());
    o.put("finished", run.isFinished());
    return o;
  }

  @Deactivate
  void shutdown() throws IOException {
    stop();
  }
}
