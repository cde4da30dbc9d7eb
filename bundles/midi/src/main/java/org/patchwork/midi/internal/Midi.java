package org.patchwork.midi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.patchwork.drivers.JackClientExtension;
import org.patchwork.drivers.JackExtensions;
import org.patchwork.midi.MidiListener;
import org.patchwork.midi.MidiPort;
import org.patchwork.midi.MidiService;
import org.patchwork.midi.PortListener;

/**
 * The MIDI service without OSGi: javax.sound.midi ports rescanned every {@code rescanMillis},
 * and the JACK MIDI ports when JACK is wanted and a server answers ({@code auto} tries again
 * at every rescan, so a server started later is joined; a server that goes away is left).
 */
public final class Midi implements MidiService, AutoCloseable {

  /**
   * How the service runs.
   *
   * @param rescanMillis how often javax.sound.midi devices are listed again (hot-plug), 100..60000
   * @param jack {@code auto} (join a JACK server when one answers), {@code on} (the same, and a
   *     warning while none does) or {@code off}
   * @param jackClientName the JACK client's name; its ports are {@code name:midi_in}/{@code midi_out}
   * @param jackServer the JACK server's name, or empty for JACK's default
   * @param jackAudioClient put {@code midi_in}/{@code midi_out} on the audio driver's JACK client
   *     whenever one opens ({@code patchwork:midi_in}); the separate client is then closed, and
   *     opened again (if {@code jack} asks) when the audio client goes
   */
  public record Settings(int rescanMillis, String jack, String jackClientName, String jackServer,
      boolean jackAudioClient) {

    /** Without ports on the audio client. */
    public Settings(int rescanMillis, String jack, String jackClientName, String jackServer) {
      this(rescanMillis, jack, jackClientName, jackServer, false);
    }

    public Settings {
      if (rescanMillis < 100 || rescanMillis > 60_000) {
        throw new IllegalArgumentException("rescanMillis must be within 100..60000: " + rescanMillis);
      }
      jack = jack == null ? "auto" : jack.strip().toLowerCase(Locale.ROOT);
      if (!List.of("auto", "on", "off").contains(jack)) {
        throw new IllegalArgumentException("jack must be auto, on or off: " + jack);
      }
      if (jackClientName == null || jackClientName.isBlank() || jackClientName.contains(":")) {
        throw new IllegalArgumentException("jackClientName must be a name without ':': " + jackClientName);
      }
      jackServer = jackServer == null ? "" : jackServer.strip();
    }

    /**
     * Every 2 s; ports on the audio driver's JACK client; the separate client off until
     * configured ({@code patchwork-midi} when on).
     */
    public static Settings defaults() {
      return new Settings(2000, "off", "patchwork-midi", "", true);
    }
  }

  private final Settings settings;
  private final Hub hub;
  private final JavaSoundPorts javaSound;
  private final ScheduledExecutorService scanner;
  // Set by close(): a scan that outlives it (libjack slow to answer) closes what it opened.
  private volatile boolean closed;
  private volatile JackPorts jack;
  /** The ports on the audio driver's client while it is open. */
  private volatile JackPorts hosted;
  private final AudioClientPorts audioClient;
  private boolean jackWarned;

  /** Scans once, then starts the periodic rescan. */
  public Midi(Settings settings, Consumer<String> warn) {
    this.settings = settings;
    this.hub = new Hub(warn);
    this.javaSound = new JavaSoundPorts(hub);
    this.scanner = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
        .name("patchwork-midi-scan").daemon().unstarted(r));
    scanner.execute(this::scan);
    scanner.scheduleWithFixedDelay(this::scan, settings.rescanMillis(), settings.rescanMillis(), TimeUnit.MILLISECONDS);
    this.audioClient = settings.jackAudioClient() ? new AudioClientPorts() : null;
    if (audioClient != null) {
      JackExtensions.add(audioClient);
    }
  }

  /**
   * {@code midi_in}/{@code midi_out} on the audio driver's JACK client: registered when it
   * opens, run inside its process callback, gone when it closes. The first client open gets
   * them (the host has one audio client; a test's capture client opened later is left alone).
   * While they are there the separate client is not needed (both would be {@code jack:midi_in}),
   * so it is closed.
   */
  private final class AudioClientPorts implements JackClientExtension {

    @Override
    public Attached attach(long c, String clientName, int sampleRate, int period) {
      JackMidiClient m;
      JackPorts ports;
      JackPorts separate;
      synchronized (Midi.this) {
        if (hosted != null) {
          return null;
        }
        m = JackMidiClient.onClient(c, clientName, sampleRate, period);
        ports = JackPorts.hosted(hub, m);
        separate = jack;
        jack = null;
        hosted = ports;
      }
      if (separate != null) {
        hub.portsChanged(List.of(), separate.ports());
        separate.close();
      }
      hub.portsChanged(ports.ports(), List.of());
      return new Attached() {
        @Override
        public void process(int frames) {
          m.process(frames);
        }

        @Override
        public void detach() {
          synchronized (Midi.this) {
            if (hosted == ports) {
              hosted = null;
            }
          }
          hub.portsChanged(List.of(), ports.ports());
          ports.close();
          m.release();
          if (!settings.jack().equals("off") && !scanner.isShutdown()) {
            scanner.execute(Midi.this::scan);
          }
        }
      };
    }
  }

  /** Runs a scan now and waits for it (tests, and {@code patchwork controllers}). */
  public void rescanNow() {
    try {
      scanner.submit(this::scan).get(60, TimeUnit.SECONDS); // a hang detector: a loaded host can take seconds to answer
    } catch (java.util.concurrent.TimeoutException e) {
      // Say where the scan hangs (a JACK server that does not answer, a Java Sound provider).
      StringBuilder where = new StringBuilder();
      Thread.getAllStackTraces().forEach((t, stack) -> {
        if (t.getName().equals("patchwork-midi-scan")) {
          for (int i = 0; i < Math.min(stack.length, 12); i++) {
            where.append("\n    at ").append(stack[i]);
          }
        }
      });
      throw new IllegalStateException("MIDI rescan did not finish in 60 s; the scan thread is" + where, e);
    } catch (Exception e) {
      throw new IllegalStateException("MIDI rescan failed: " + e, e);
    }
  }

  private void scan() {
    try {
      javaSound.rescan();
    } catch (RuntimeException | LinkageError e) {
      hub.warn("javax.sound.midi scan failed: " + e);
    }
    if (settings.jack().equals("off") || hosted != null || closed) {
      return;
    }
    JackPorts j = jack;
    if (j != null && !j.alive()) {
      jack = null;
      hub.portsChanged(List.of(), j.ports());
      try {
        j.close();
      } catch (RuntimeException e) {
        hub.warn("closing the JACK MIDI client: " + e);
      }
      j = null;
    }
    if (j == null) {
      try {
        j = JackPorts.open(hub, settings.jackClientName(), settings.jackServer().isEmpty() ? null : settings.jackServer());
        synchronized (this) {
          if (hosted != null || closed) {
            // the audio client came meanwhile and has the ports, or the service closed while
            // JACK answered: nothing may stay open after close()
            j.close();
            return;
          }
          jack = j;
        }
        jackWarned = false;
        hub.portsChanged(j.ports(), List.of());
      } catch (RuntimeException e) {
        if (settings.jack().equals("on") && !jackWarned) {
          jackWarned = true;
          hub.warn("JACK MIDI ports not available: " + e.getMessage());
        }
      }
    }
  }

  /** The JACK client serving {@code jack:midi_in}/{@code midi_out}, or null (tests connect it to their peers). */
  public JackMidiClient jackClient() {
    JackPorts j = jackPorts();
    return j == null ? null : j.client();
  }

  /** The ports on the audio client if it is open, else the separate client's, else null. */
  private JackPorts jackPorts() {
    JackPorts h = hosted;
    return h != null ? h : jack;
  }

  @Override
  public List<MidiPort> ports() {
    List<MidiPort> all = new ArrayList<>(javaSound.ports());
    JackPorts j = jackPorts();
    if (j != null) {
      all.addAll(j.ports());
    }
    return Hub.sorted(all);
  }

  @Override
  public void addListener(MidiListener listener) {
    hub.listeners.add(listener);
  }

  @Override
  public void removeListener(MidiListener listener) {
    hub.listeners.remove(listener);
  }

  @Override
  public void addPortListener(PortListener listener) {
    hub.portListeners.add(listener);
  }

  @Override
  public void removePortListener(PortListener listener) {
    hub.portListeners.remove(listener);
  }

  @Override
  public boolean send(String portId, byte[] message) {
    boolean ok;
    JackPorts j = jackPorts();
    if (message == null || portId == null) {
      ok = false;
    } else if (portId.equals(JackPorts.OUT_ID)) {
      ok = j != null && j.send(message);
    } else {
      ok = javaSound.send(portId, message);
    }
    if (ok) {
      hub.sent.increment();
    } else {
      hub.rejected.increment();
    }
    return ok;
  }

  @Override
  public Stats stats() {
    return hub.stats();
  }

  @Override
  public void close() {
    closed = true;
    if (audioClient != null) {
      // Drivers open now keep calling it; it serves nothing once its ports are closed below.
      JackExtensions.remove(audioClient);
    }
    JackPorts h = hosted;
    hosted = null;
    if (h != null) {
      h.close();
    }
    scanner.shutdownNow();
    try {
      scanner.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    JackPorts j;
    synchronized (this) {
      j = jack;
      jack = null;
    }
    if (j != null) {
      try {
        j.close();
      } catch (RuntimeException e) {
        // a JACK server that does not answer: said, and the rest of the service still closes
        hub.warn("closing the JACK MIDI client: " + e.getMessage());
      }
    }
    javaSound.close();
  }
}
