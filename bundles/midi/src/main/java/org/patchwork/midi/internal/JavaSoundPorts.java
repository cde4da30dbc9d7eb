package org.patchwork.midi.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.SysexMessage;
import javax.sound.midi.Transmitter;
import org.patchwork.midi.MidiEvent;
import org.patchwork.midi.MidiPort;

/**
 * The javax.sound.midi devices (on Linux: the ALSA sequencer's hardware and software ports).
 * {@link #rescan()} lists them again, opens inputs that appeared and closes those that went;
 * the component calls it every few seconds, because javax.sound.midi has no hot-plug event.
 * Sequencers and synthesizers (the JDK's own) are not ports and are left out.
 *
 * <p>Input is stamped with {@link System#nanoTime()} when the device's transmitter hands it
 * over: javax.sound.midi's own timestamps are on each device's clock, or -1.
 */
final class JavaSoundPorts implements AutoCloseable {

  private record Key(String name, String vendor, String description, String version, boolean input) {
  }

  private record Open(MidiPort port, MidiDevice device, Transmitter transmitter) {
  }

  private final Hub hub;
  private final Map<Key, Open> ports = new LinkedHashMap<>();
  private final Map<String, Receiver> receivers = new HashMap<>();

  JavaSoundPorts(Hub hub) {
    this.hub = hub;
  }

  /** The ports found by the last scan. */
  synchronized List<MidiPort> ports() {
    List<MidiPort> out = new ArrayList<>();
    ports.values().forEach(o -> out.add(o.port()));
    return out;
  }

  /** Lists the devices again; opens new inputs, closes vanished ports; tells the hub. */
  void rescan() {
    List<MidiPort> added = new ArrayList<>();
    List<MidiPort> removed = new ArrayList<>();
    synchronized (this) {
      hub.rescans.increment();
      Map<Key, MidiDevice> found = new LinkedHashMap<>();
      for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
        MidiDevice device;
        try {
          device = MidiSystem.getMidiDevice(info);
        } catch (MidiUnavailableException | IllegalArgumentException e) {
          continue;
        }
        if (device instanceof Sequencer || device instanceof Synthesizer) {
          continue;
        }
        if (device.getMaxTransmitters() != 0) {
          found.put(key(info, true), device);
        }
        if (device.getMaxReceivers() != 0) {
          found.put(key(info, false), device);
        }
      }
      for (var it = ports.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        if (!found.containsKey(e.getKey())) {
          close(e.getValue());
          removed.add(e.getValue().port());
          it.remove();
        }
      }
      for (var e : found.entrySet()) {
        if (ports.containsKey(e.getKey())) {
          continue;
        }
        Key k = e.getKey();
        MidiPort port = new MidiPort(uniqueId(k), k.name(), k.input(), MidiPort.JAVA_SOUND,
            (k.vendor() + " " + k.description()).strip());
        Open o = k.input() ? openInput(port, e.getValue()) : new Open(port, e.getValue(), null);
        if (o != null) {
          ports.put(k, o);
          added.add(port);
        }
      }
    }
    hub.portsChanged(added, removed);
  }

  private static Key key(MidiDevice.Info info, boolean input) {
    return new Key(String.valueOf(info.getName()).strip(), String.valueOf(info.getVendor()),
        String.valueOf(info.getDescription()), String.valueOf(info.getVersion()), input);
  }

  private String uniqueId(Key k) {
    String base = MidiPort.JAVA_SOUND + ":" + k.name();
    String id = base;
    for (int n = 2; taken(id, k.input()); n++) {
      id = base + " #" + n;
    }
    return id;
  }

  private boolean taken(String id, boolean input) {
    return ports.values().stream().anyMatch(o -> o.port().id().equals(id) && o.port().input() == input);
  }

  private Open openInput(MidiPort port, MidiDevice device) {
    try {
      device.open();
      Transmitter t = device.getTransmitter();
      t.setReceiver(new Input(port.id()));
      return new Open(port, device, t);
    } catch (MidiUnavailableException | RuntimeException e) {
      hub.warn("cannot open MIDI input " + port.name() + ": " + e.getMessage());
      return null;
    }
  }

  private void close(Open o) {
    try {
      if (o.transmitter() != null) {
        o.transmitter().close();
      }
      Receiver r = receivers.remove(o.port().id());
      if (r != null) {
        r.close();
      }
      if (o.device().isOpen()) {
        o.device().close();
      }
    } catch (RuntimeException e) {
      hub.warn("closing MIDI port " + o.port().name() + ": " + e);
    }
  }

  /** Sends to an output, opening it on first use. @return false if unknown, unopenable or malformed */
  boolean send(String portId, byte[] message) {
    MidiMessage m = message(message);
    if (m == null) {
      return false;
    }
    Receiver r;
    synchronized (this) {
      r = receivers.get(portId);
      if (r == null) {
        Open o = ports.values().stream().filter(p -> !p.port().input() && p.port().id().equals(portId))
            .findFirst().orElse(null);
        if (o == null) {
          return false;
        }
        try {
          if (!o.device().isOpen()) {
            o.device().open();
          }
          r = o.device().getReceiver();
          receivers.put(portId, r);
        } catch (MidiUnavailableException | RuntimeException e) {
          hub.warn("cannot open MIDI output " + portId + ": " + e.getMessage());
          return false;
        }
      }
    }
    try {
      r.send(m, -1);
      return true;
    } catch (RuntimeException e) {
      hub.warn("MIDI output " + portId + " refused a message: " + e);
      return false;
    }
  }

  /** The javax.sound.midi form of one complete message, or null. */
  static MidiMessage message(byte[] bytes) {
    MidiEvent e = MidiEvent.parse("", bytes, 0, bytes.length, 0, -1);
    if (e == null) {
      return null;
    }
    try {
      if (e.status() == 0xF0) {
        return new SysexMessage(bytes, bytes.length);
      }
      return bytes.length == 1 ? new ShortMessage(e.status())
          : new ShortMessage(e.status(), e.data1(), e.data2());
    } catch (javax.sound.midi.InvalidMidiDataException ex) {
      return null;
    }
  }

  @Override
  public synchronized void close() {
    for (Open o : ports.values()) {
      close(o);
    }
    ports.clear();
    receivers.values().forEach(Receiver::close);
    receivers.clear();
  }

  /** A device's transmitter hands every message to one of these, on the device's thread. */
  private final class Input implements Receiver {
    private final String port;

    Input(String port) {
      this.port = port;
    }

    @Override
    public void send(MidiMessage message, long timeStamp) {
      long nanos = System.nanoTime();
      byte[] bytes = message.getMessage();
      int length = message.getLength();
      MidiEvent e = MidiEvent.parse(port, bytes, 0, Math.min(length, bytes.length), nanos, -1);
      if (e == null) {
        hub.malformed(port, length);
      } else {
        hub.deliver(e);
      }
    }

    @Override
    public void close() {
    }
  }
}
