package org.patchwork.playback.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.patchwork.bus.TelemetryMessage;
import org.patchwork.bus.TelemetryRing;
import org.patchwork.drivers.AudioCallback;
import org.patchwork.drivers.AudioDriver;
import org.patchwork.drivers.DriverStats;
import org.patchwork.engine.Lifecycle;
import org.patchwork.engine.Session;
import org.patchwork.sequencer.CompiledSong;
import org.patchwork.sequencer.Playhead;

/**
 * One real-time run of a project: a driver whose audio callback renders the session, and a
 * telemetry thread that keeps the latest playhead and meters at display rate.
 */
final class Playback {

  /** The audio callback: renders the session straight into the driver's buffers. */
  private static final class Render implements AudioCallback {
    private final Session session;

    Render(Session session) {
      this.session = session;
    }

    @Override
    public void process(float[][] inputs, float[][] outputs, int frames) {
      session.fill(outputs, frames);
    }
  }

  private final AudioDriver driver;
  private final Session session;
  private final TelemetryRing telemetry;
  private final long frames;
  private final CompiledSong song;
  private final java.util.function.Consumer<Playback> onEnd;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread watcher;
  private volatile long playhead;
  private volatile float peakLeft;
  private volatile float peakRight;
  private volatile boolean stopped;

  /**
   * Starts playing at once.
   *
   * @param frames how long to play; the run ends by itself after that many frames
   * @param song the tracker song the session plays, for the playhead's line; null for notes
   * @param onEnd called on the watcher thread when the run ends by itself
   */
  Playback(AudioDriver driver, Session session, TelemetryRing telemetry, long frames, CompiledSong song,
      java.util.function.Consumer<Playback> onEnd) throws Exception {
    this.onEnd = onEnd;
    this.song = song;
    this.driver = driver;
    this.session = session;
    this.telemetry = telemetry;
    this.frames = frames;
    driver.start(new Render(session));
    watcher = Thread.ofPlatform().name("patchwork-playback-watch").daemon().start(this::watch);
  }

  /** Drains telemetry at display rate and ends the run when its length is reached. */
  private void watch() {
    var reader = telemetry.reader();
    while (!stopped) {
      reader.drain(this::onTelemetry);
      if (session.producedFrames() >= frames) {
        stop();
        onEnd.accept(this);
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void onTelemetry(TelemetryMessage m) {
    switch (m.kind()) {
      case PLAYHEAD -> playhead = m.count();
      case METER -> {
        if (m.channel() == 0) {
          peakLeft = m.peak();
        } else if (m.channel() == 1) {
          peakRight = m.peak();
        }
      }
      default -> { }
    }
  }

  /** Stops the driver and releases the modules; safe to call twice and from any thread. */
  synchronized void stop() {
    if (stopped && finished.getCount() == 0) {
      return;
    }
    stopped = true;
    driver.stop();
    driver.close();
    session.close();
    finished.countDown();
  }

  /** Waits until the run ends (its length reached or {@link #stop()}). */
  boolean await(long timeout, TimeUnit unit) throws InterruptedException {
    return finished.await(timeout, unit);
  }

  boolean isFinished() {
    return finished.getCount() == 0;
  }

  DriverStats stats() {
    return driver.stats();
  }

  String driverName() {
    return driver.name();
  }

  int sampleRate() {
    return driver.sampleRate();
  }

  int blockSize() {
    return driver.blockSize();
  }

  long telemetryDropped() {
    return telemetry.dropped();
  }

  long playhead() {
    return playhead;
  }

  /** The song's order, pattern and line at the playhead; null without a song or before its first line. */
  Playhead position() {
    return song == null ? null : song.playhead(playhead);
  }

  float[] peaks() {
    return new float[] {peakLeft, peakRight};
  }

  long faults() {
    return session.faults();
  }

  /** The session's hot-swaps, placeholders and faults. */
  Lifecycle lifecycle() {
    return session.lifecycle();
  }
}
