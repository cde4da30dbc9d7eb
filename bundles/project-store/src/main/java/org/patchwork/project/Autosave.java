package org.patchwork.project;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes a recovery file ({@value Recovery#FILE}) every {@code interval} while a project has
 * unsaved changes, so a crash loses at most that much work; {@link Recovery#pending} offers it
 * on the next open. Nothing is written while there are no unsaved changes.
 *
 * <pre>{@code
 * Autosave autosave = new Autosave(dir, Duration.ofSeconds(30), InstantSource.system(), session::snapshot);
 * autosave.start(scheduler, error -> log.warn(error));   // polls once a second
 * ...
 * autosave.changed();                 // after each edit
 * store.save(dir, model); autosave.saved();
 * }</pre>
 *
 * <p>Thread: {@link #changed} and {@link #saved} from any thread; {@link #poll} from one thread
 * at a time (the scheduler's). The clock is a parameter so tests can drive time.
 */
@ProviderType
public final class Autosave {

  private final Path projectDir;
  private final Duration interval;
  private final InstantSource clock;
  private final Supplier<ProjectModel> snapshot;
  /** Guards the counters; never held during I/O. */
  private final Object lock = new Object();
  /** Orders recovery writes and removals, so a removal is never undone by a late write. */
  private final Object io = new Object();
  private long generation;
  private long written;
  private Instant dirtySince;
  private ScheduledFuture<?> task;

  /**
   * @param projectDir the project's folder
   * @param interval at most this long between a change and its recovery copy
   * @param clock the time
   * @param snapshot the project as it is now, with unsaved changes
   */
  public Autosave(Path projectDir, Duration interval, InstantSource clock, Supplier<ProjectModel> snapshot) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("autosave interval must be positive: " + interval);
    }
    this.projectDir = projectDir;
    this.interval = interval;
    this.clock = clock;
    this.snapshot = snapshot;
  }

  /** Notes an unsaved change. */
  public void changed() {
    synchronized (lock) {
      generation++;
      if (dirtySince == null) {
        dirtySince = clock.instant();
      }
    }
  }

  /**
   * Notes that the project was saved with every change so far: nothing is unsaved and the
   * recovery file, now older than the project, is removed.
   */
  public void saved() throws IOException {
    synchronized (io) {
      synchronized (lock) {
        written = generation;
        dirtySince = null;
      }
      Recovery.clear(projectDir);
    }
  }

  /** Whether there are changes no save and no recovery file holds. */
  public boolean dirty() {
    synchronized (lock) {
      return written != generation;
    }
  }

  /**
   * Writes the recovery file if there are unsaved changes and the interval has passed since
   * the first of them or since the last recovery write.
   *
   * @return whether it wrote
   */
  public boolean poll() throws IOException {
    synchronized (io) {
      long gen;
      synchronized (lock) {
        if (written == generation || dirtySince == null
            || Duration.between(dirtySince, clock.instant()).compareTo(interval) < 0) {
          return false;
        }
        gen = generation;
      }
      ProjectModel model = snapshot.get();
      Instant at = clock.instant();
      Recovery.write(projectDir, model, at);
      synchronized (lock) {
        written = Math.max(written, gen);
        dirtySince = written == generation ? null : at;
      }
      return true;
    }
  }

  /** Polls once a second on {@code scheduler}; failures go to {@code errors} and polling goes on. */
  public void start(ScheduledExecutorService scheduler, Consumer<Exception> errors) {
    synchronized (lock) {
      if (task != null) {
        throw new IllegalStateException("autosave already started");
      }
      task = scheduler.scheduleWithFixedDelay(() -> {
        try {
          poll();
        } catch (IOException | RuntimeException e) {
          errors.accept(e);
        }
      }, 1, 1, TimeUnit.SECONDS);
    }
  }

  /** Stops polling (the recovery file stays). */
  public void stop() {
    synchronized (lock) {
      if (task != null) {
        task.cancel(false);
        task = null;
      }
    }
  }
}
