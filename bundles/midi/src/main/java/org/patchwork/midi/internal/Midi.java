package org.patchwork.midi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
   */
  public record Settings(int rescanMillis, String jack, String jackClientName, String jackServer) {
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

    /** Every 2 s; JACK MIDI off until configured; client {@code patchwork-midi} when on. */
    public static Settings defaults() {
      return new Settings(2000, "off", "patchwork-midi", "");
    }
  }

  private final Settings settings;
  private final Hub hub;
  private final JavaSoundPorts javaSound;
  private final ScheduledExecutorService scanner;
  private volatile JackPorts jack;
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
  }

  /** Runs a scan now and waits for it (tests, and {@code patchwork controllers}). */
  public void rescanNow() {
    try {
      scanner.submit(this::scan).get(60, TimeUnit.SECONDS); // a hang detector: a loaded host can take seconds to answer
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
    if (settings.jack().equals("off")) {
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
        jack = j;
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

  /** The JACK client, or null (tests connect it to their peers). */
  public JackMidiClient jackClient() {
    JackPorts j = jack;
    return j == null ? null : j.client();
  }

  @Override
  public List<MidiPort> ports() {
    List<MidiPort> all = new ArrayList<>(javaSound.ports());
    JackPorts j = jack;
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
    JackPorts j = jack;
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
    scanner.shutdownNow();
    try {
      scanner.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    JackPorts j = jack;
    jack = null;
    if (j != null) {
      j.close();
    }
    javaSound.close();
  }
}
