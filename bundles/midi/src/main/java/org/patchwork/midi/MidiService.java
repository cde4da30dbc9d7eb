package org.patchwork.midi;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every MIDI port of the machine: javax.sound.midi devices, found again every few seconds so
 * that devices plugged in later appear, and Patchwork's JACK MIDI ports when a JACK server
 * runs. Inputs are opened as soon as they appear and their messages go to every
 * {@link MidiListener}.
 *
 * <pre>{@code
 * midi.addListener(e -> System.out.println(e));
 * for (MidiPort p : midi.ports()) System.out.println(p.id());
 * midi.send("jack:midi_out", new byte[] {(byte) 0xB0, 7, 100});
 * }</pre>
 *
 * <p>Thread: any; every method is thread-safe and returns without waiting on a device.
 */
@ProviderType
public interface MidiService {

  /** The ports present now, inputs and outputs, sorted by id. */
  List<MidiPort> ports();

  /** Adds a listener of every input's messages. */
  void addListener(MidiListener listener);

  /** Removes a listener added before; nothing happens for an unknown one. */
  void removeListener(MidiListener listener);

  /** Adds a listener of hot-plug changes. */
  void addPortListener(PortListener listener);

  /** Removes a hot-plug listener. */
  void removePortListener(PortListener listener);

  /**
   * Sends one complete message (a channel message, a real-time byte or a whole SysEx) to an
   * output port, as soon as possible.
   *
   * @return false if there is no such output, the bytes are not one MIDI message, or the port's
   *     queue is full; the reason is counted in {@link #stats()}
   */
  boolean send(String portId, byte[] message);

  /** Counters since start, for diagnostics and tests. */
  Stats stats();

  /**
   * Counters.
   *
   * @param received messages delivered to listeners
   * @param sent messages handed to an output
   * @param rejected messages refused by {@link #send} or dropped on input because malformed
   * @param overflows messages lost because a queue between threads was full
   * @param listenerFailures listener calls that threw
   * @param rescans device scans made
   */
  @ProviderType
  record Stats(long received, long sent, long rejected, long overflows, long listenerFailures, long rescans) {
  }
}
