package org.patchwork.drivers.internal;

import java.util.EnumSet;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.jaudiolibs.jnajack.JackProcessCallback;
import org.jaudiolibs.jnajack.JackStatus;
import org.patchwork.drivers.DriverException;
import org.patchwork.drivers.DriverSettings;

/**
 * A JACK client through JNAJack: ports {@code in_1..in_n} and {@code out_1..out_n}, the
 * callback run from JACK's process callback on JACK's own real-time thread. Sample rate and
 * block size are the server's, whatever the settings ask. Xruns are JACK's xrun notifications;
 * a deadline miss is a callback that took longer than the period it had.
 *
 * <p>The server is never started from here ({@code JackNoStartServer}): which server to use is
 * the user's choice, and {@code JACK_DEFAULT_SERVER} picks a named one.
 */
public final class JackDriver extends BaseDriver {

  public static final String NAME = "jack";

  private JackClient client;
  private JackPort[] inPorts;
  private JackPort[] outPorts;
  private BlockRunner runner;
  private int sampleRate;
  private volatile boolean serverGone;

  public JackDriver() {
    this(-1);
  }

  public JackDriver(long warmupBlocks) {
    super(warmupBlocks);
  }

  /** Whether a JACK server answers a client, without starting one. */
  public static boolean serverAnswers() {
    try {
      JackClient probe = Jack.getInstance().openClient("patchwork-probe", EnumSet.of(JackOptions.JackNoStartServer), null);
      probe.close();
      return true;
    } catch (JackException | LinkageError e) { // no server, or no libjack / JNA at all
      return false;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  /** The client's name in the JACK graph; JACK may have changed it to make it unique. */
  public String clientName() {
    return client.getName();
  }

  /**
   * JACK's estimate of the current time in frames, which advances by one period per cycle the
   * server runs; any thread, after open. Lets a caller check its callbacks against the
   * server's cycles rather than against the wall clock.
   */
  public long frameTime() {
    try {
      return client.getFrameTime();
    } catch (JackException e) {
      throw new IllegalStateException("JACK frame time unavailable", e);
    }
  }

  @Override
  boolean backendAlive() {
    return !serverGone;
  }

  @Override
  BlockRunner doOpen(DriverSettings settings, StatsRecorderFactory stats) throws DriverException {
    Jack jack;
    try {
      jack = Jack.getInstance();
    } catch (JackException | LinkageError e) {
      throw new DriverException("JACK client library not found (Debian: apt-get install libjack-jackd2-0): " + e.getMessage(), e);
    }
    EnumSet<JackStatus> status = EnumSet.noneOf(JackStatus.class);
    try {
      client = jack.openClient(settings.clientName(), EnumSet.of(JackOptions.JackNoStartServer), status);
    } catch (JackException e) {
      throw new DriverException("no JACK server answered (status " + status + "); start one, e.g. jackd -d alsa", e);
    }
    try {
      inPorts = register(settings.inputs(), "in_", JackPortFlags.JackPortIsInput);
      outPorts = register(settings.outputs(), "out_", JackPortFlags.JackPortIsOutput);
      sampleRate = client.getSampleRate();
      int block = client.getBufferSize();
      runner = new BlockRunner(settings.inputs(), settings.outputs(), block, stats.create(sampleRate, block));
      client.setProcessCallback(new Process());
      client.setXrunCallback(c -> runner.stats().xrun());
      client.onShutdown(c -> serverGone = true);
      return runner;
    } catch (JackException e) {
      client.close();
      throw new DriverException("JACK refused client '" + settings.clientName() + "': " + e.getMessage(), e);
    }
  }

  private JackPort[] register(int count, String prefix, JackPortFlags flag) throws JackException {
    JackPort[] ports = new JackPort[count];
    for (int i = 0; i < count; i++) {
      ports[i] = client.registerPort(prefix + (i + 1), JackPortType.AUDIO, flag);
    }
    return ports;
  }

  @Override
  void doStart(BlockRunner runner) throws DriverException {
    serverGone = false;
    try {
      client.activate();
    } catch (JackException e) {
      throw new DriverException("JACK did not activate client '" + client.getName() + "'", e);
    }
  }

  @Override
  void doStop() {
    client.deactivate(); // returns once the client is out of the graph: no more process calls
  }

  @Override
  void doClose() {
    client.close();
  }

  /** Runs on JACK's process thread; JNAJack has already mapped the port buffers. */
  private final class Process implements JackProcessCallback {
    @Override
    public boolean process(JackClient c, int nframes) {
      final BlockRunner r = runner;
      final float[][] in = r.inputs();
      final float[][] out = r.outputs();
      final int max = r.maxFrames();
      // JACK may hand out more frames than announced (buffer size changed): render in pieces
      // rather than allocate new buffers on this thread.
      for (int offset = 0; offset < nframes; offset += max) {
        int n = Math.min(max, nframes - offset);
        for (int i = 0; i < in.length; i++) {
          inPorts[i].getFloatBuffer().get(offset, in[i], 0, n);
        }
        r.run(n, Long.MAX_VALUE, n * 1_000_000_000L / sampleRate);
        for (int i = 0; i < out.length; i++) {
          outPorts[i].getFloatBuffer().put(offset, out[i], 0, n);
        }
      }
      return true;
    }
  }
}
