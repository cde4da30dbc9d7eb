package org.patchwork.drivers;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One audio backend. Life cycle: {@link #open} → {@link #start} ⇄ {@link #stop} →
 * {@link #close}; a call out of that order throws {@link IllegalStateException}. All methods
 * are for a control thread (never the audio thread) and are not meant to be called from two
 * threads at once.
 *
 * <pre>{@code
 * try (AudioDriver driver = Drivers.create("auto")) {
 *   driver.open(DriverSettings.defaults());
 *   driver.start(engine::render);
 *   ...
 *   driver.stop();
 *   System.out.println(driver.stats());
 * }
 * }</pre>
 */
@ProviderType
public interface AudioDriver extends AutoCloseable {

  /** {@code jack}, {@code javasound} or {@code null}: the name {@link Drivers#create} takes. */
  String name();

  /** Connects to the backend and allocates every buffer the audio thread will use. */
  void open(DriverSettings settings) throws DriverException;

  /** Starts calling {@code callback} on the audio thread; counters start from zero. */
  void start(AudioCallback callback) throws DriverException;

  /** Stops the callbacks; when this returns, the callback is not running and will not run. */
  void stop();

  /** Stops if needed and releases the backend. Closing twice does nothing. */
  @Override
  void close();

  /** Whether callbacks are being made. */
  boolean isRunning();

  /** The settings asked for, as given to {@link #open}. */
  DriverSettings settings();

  /** The sample rate in use, valid after {@link #open}. */
  int sampleRate();

  /** The most frames one callback gets, valid after {@link #open}. */
  int blockSize();

  /** Counters and timings since the last {@link #start}. */
  DriverStats stats();
}
