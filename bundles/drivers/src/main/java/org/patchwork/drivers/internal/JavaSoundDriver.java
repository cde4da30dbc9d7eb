package org.patchwork.drivers.internal;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.patchwork.drivers.DriverException;
import org.patchwork.drivers.DriverSettings;

/**
 * The default desktop driver: a {@link SourceDataLine} in 16-bit PCM, fed by an audio thread
 * of its own. The line's blocking {@code write} is the clock: the thread renders a block, then
 * waits until the line has room for it. The line holds {@value #BUFFER_BLOCKS} blocks.
 *
 * <p>An xrun is counted when the line has run dry: {@code available()} equals its whole buffer
 * just before a write, once it has been filled the first time. Inputs are silent: capture
 * through a TargetDataLine is not implemented yet.
 */
public final class JavaSoundDriver extends BaseDriver {

  public static final String NAME = "javasound";
  static final int BUFFER_BLOCKS = 4;

  /** Opens a line; the tests pass a simulated one. */
  @FunctionalInterface
  public interface LineOpener {
    SourceDataLine open(AudioFormat format, int bufferBytes) throws LineUnavailableException;
  }

  private static final LineOpener SYSTEM = (format, bufferBytes) -> {
    SourceDataLine line = AudioSystem.getSourceDataLine(format);
    line.open(format, bufferBytes);
    return line;
  };

  private final LineOpener opener;
  private SourceDataLine line;
  private BlockRunner runner;
  private byte[] bytes;
  private int sampleRate;
  private volatile boolean running;
  private Thread thread;

  public JavaSoundDriver() {
    this(SYSTEM, -1);
  }

  public JavaSoundDriver(LineOpener opener, long warmupBlocks) {
    super(warmupBlocks);
    this.opener = opener;
  }

  /** Whether this machine has any 16-bit stereo playback line, at whatever rate. */
  public static boolean playbackLineExists() {
    try {
      return AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class,
          new AudioFormat(AudioSystem.NOT_SPECIFIED, 16, 2, true, false)));
    } catch (RuntimeException | LinkageError e) { // headless JREs without java.desktop's sound
      return false;
    }
  }

  static AudioFormat format(DriverSettings s) {
    return new AudioFormat(s.sampleRate(), 16, s.outputs(), true, false);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  BlockRunner doOpen(DriverSettings settings, StatsRecorderFactory stats) throws DriverException {
    AudioFormat format = format(settings);
    int blockBytes = settings.blockSize() * format.getFrameSize();
    try {
      line = opener.open(format, blockBytes * BUFFER_BLOCKS);
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      throw new DriverException("no Java Sound playback line for " + format + ": " + e.getMessage(), e);
    }
    sampleRate = settings.sampleRate();
    bytes = new byte[blockBytes];
    runner = new BlockRunner(settings.inputs(), settings.outputs(), settings.blockSize(),
        stats.create(settings.sampleRate(), settings.blockSize()));
    return runner;
  }

  @Override
  void doStart(BlockRunner runner) {
    running = true;
    line.flush();
    line.start();
    thread = AudioThreads.start("patchwork-audio-javasound", this::loop);
  }

  @Override
  void doStop() {
    running = false;
    line.stop(); // a blocked write returns once the line stops
    line.flush();
    AudioThreads.join(thread);
    thread = null;
  }

  @Override
  void doClose() {
    line.close();
  }

  private void loop() {
    final BlockRunner r = runner;
    final SourceDataLine l = line;
    final byte[] b = bytes;
    final int block = r.maxFrames();
    final long budget = block * 1_000_000_000L / sampleRate;
    final int bufferBytes = l.getBufferSize();
    long written = 0;
    while (running) {
      r.run(block, Long.MAX_VALUE, budget);
      Pcm16.interleave(r.outputs(), block, b);
      // Checked just before the write, so a slow callback's underrun is seen; before the
      // first fill an empty line is the start, not an underrun.
      if (written >= bufferBytes && l.available() >= bufferBytes) {
        r.stats().xrun();
      }
      int n = 0;
      while (n < b.length && running) {
        n += l.write(b, n, b.length - n);
      }
      written += n;
    }
  }
}
