package org.patchwork.midi.internal;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.patchwork.midi.MidiEvent;
import org.patchwork.midi.MidiPort;

/**
 * Patchwork's JACK MIDI ports ({@code <client>:midi_in} and {@code <client>:midi_out}) as
 * MIDI ports of the service, ids {@code jack:midi_in} and {@code jack:midi_out}. A reader thread
 * drains the client's input ring every half millisecond; the timestamps were taken in JACK's
 * process callback, so this thread's own lateness changes nothing about when events play.
 */
final class JackPorts implements AutoCloseable {

  static final String IN_ID = MidiPort.JACK + ":midi_in";
  static final String OUT_ID = MidiPort.JACK + ":midi_out";
  private static final long POLL_NANOS = 500_000;

  private final Hub hub;
  private final JackMidiClient client;
  private final List<MidiPort> ports;
  private final Thread reader;
  private volatile boolean closed;

  private JackPorts(Hub hub, JackMidiClient client) {
    this.hub = hub;
    this.client = client;
    this.ports = List.of(
        new MidiPort(IN_ID, client.inPort(), true, MidiPort.JACK, "JACK MIDI input of " + client.name()),
        new MidiPort(OUT_ID, client.outPort(), false, MidiPort.JACK, "JACK MIDI output of " + client.name()));
    this.reader = Thread.ofPlatform().name("patchwork-midi-jack-reader").daemon().unstarted(this::read);
  }

  /** Serves ports registered on another client (the audio driver's); its callback runs them. */
  static JackPorts hosted(Hub hub, JackMidiClient client) {
    JackPorts p = new JackPorts(hub, client);
    p.reader.start();
    return p;
  }

  /** Opens and activates the client. @throws IllegalStateException when JACK is not there */
  static JackPorts open(Hub hub, String clientName, String serverName) {
    JackMidiClient c = JackMidiClient.open(clientName, serverName);
    try {
      c.start();
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    JackPorts p = new JackPorts(hub, c);
    p.reader.start();
    return p;
  }

  List<MidiPort> ports() {
    return ports;
  }

  JackMidiClient client() {
    return client;
  }

  boolean alive() {
    return !client.serverGone();
  }

  boolean send(byte[] message) {
    if (MidiEvent.parse("", message, 0, message.length, 0, -1) == null) {
      return false;
    }
    if (!client.send(message)) {
      hub.overflows.increment();
      return false;
    }
    return true;
  }

  private void read() {
    JackMidiClient.Sink sink = (frame, nanos, data, length) -> {
      MidiEvent e = MidiEvent.parse(IN_ID, data, 0, length, nanos, frame);
      if (e == null) {
        hub.malformed(IN_ID, length);
      } else {
        hub.deliver(e);
      }
    };
    long lost = 0;
    while (!closed) {
      if (client.drain(sink) == 0) {
        LockSupport.parkNanos(POLL_NANOS);
      }
      long o = client.overflows();
      if (o != lost) {
        hub.overflows.add(o - lost);
        lost = o;
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      reader.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }
}
