package org.patchwork.drivers.internal;

import java.util.Objects;
import org.patchwork.drivers.AudioCallback;
import org.patchwork.drivers.AudioDriver;
import org.patchwork.drivers.DriverException;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.DriverStats;

/** The life cycle every driver shares, so that each backend only says how it opens and runs. */
abstract class BaseDriver implements AudioDriver {

  private enum State { NEW, OPEN, RUNNING, CLOSED }

  private volatile State state = State.NEW;
  private final long warmupBlocks; // negative: one second of blocks
  private DriverSettings settings;
  private BlockRunner runner;

  BaseDriver(long warmupBlocks) {
    this.warmupBlocks = warmupBlocks;
  }

  /** Connects to the backend; returns the buffers for the actual rate and block size. */
  abstract BlockRunner doOpen(DriverSettings settings, StatsRecorderFactory stats) throws DriverException;

  abstract void doStart(BlockRunner runner) throws DriverException;

  abstract void doStop();

  abstract void doClose();

  /** The backend may go away by itself (a JACK server that quits). */
  boolean backendAlive() {
    return true;
  }

  /** Makes the recorder once the actual block rate is known. */
  interface StatsRecorderFactory {
    StatsRecorder create(int sampleRate, int blockSize);
  }

  @Override
  public final void open(DriverSettings settings) throws DriverException {
    require(State.NEW, "open");
    this.settings = Objects.requireNonNull(settings, "settings");
    // Before any priming loop of a backend inlines the recorder into its compiled block path.
    StatsRecorder.prime();
    runner = doOpen(settings, (rate, block) -> new StatsRecorder(AllocationMeter.create(),
        warmupBlocks >= 0 ? warmupBlocks : Math.max(16, rate / block)));
    BlockRunner.prime(settings.inputs(), settings.outputs(), runner.maxFrames());
    state = State.OPEN;
  }

  @Override
  public final void start(AudioCallback callback) throws DriverException {
    Objects.requireNonNull(callback, "callback");
    require(State.OPEN, "start");
    runner.stats().reset();
    runner.callback(callback);
    doStart(runner);
    state = State.RUNNING;
  }

  @Override
  public final void stop() {
    if (state == State.RUNNING) {
      doStop();
      state = State.OPEN;
    }
  }

  @Override
  public final void close() {
    stop();
    if (state == State.OPEN) {
      doClose();
    }
    state = State.CLOSED;
  }

  @Override
  public final boolean isRunning() {
    return state == State.RUNNING && backendAlive();
  }

  @Override
  public final DriverSettings settings() {
    requireOpened();
    return settings;
  }

  @Override
  public final int blockSize() {
    requireOpened();
    return runner.maxFrames();
  }

  @Override
  public final DriverStats stats() {
    requireOpened();
    return runner.stats().snapshot();
  }

  private void requireOpened() {
    if (state == State.NEW || runner == null) {
      throw new IllegalStateException(name() + " driver: open it first");
    }
  }

  private void require(State expected, String action) {
    if (state != expected) {
      throw new IllegalStateException(name() + " driver: cannot " + action + " while " + state.name().toLowerCase()
          + " (order: open, start, stop, close)");
    }
  }
}
