package org.patchwork.drivers;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extra ports on the JACK driver's own client, served inside its process callback: how the MIDI
 * bundle puts {@code midi_in}/{@code midi_out} on the audio client ({@code patchwork:midi_in})
 * instead of opening a second client. Add one with {@link JackExtensions#add}; every JACK driver
 * opened afterwards offers it its client.
 *
 * <pre>{@code
 * JackExtensions.add((client, name, rate, period) -> {
 *   long port = ... jack_port_register(client, "midi_in", ...) ...;
 *   return new JackClientExtension.Attached() {
 *     public void process(int frames) { ... jack_port_get_buffer(port, frames) ... }
 *     public void detach() { }
 *   };
 * });
 * }</pre>
 */
@ConsumerType
@FunctionalInterface
public interface JackClientExtension {

  /**
   * A driver's client is open, its audio ports are registered and it is not active yet:
   * register ports here. Thread: the one opening the driver. A throw leaves this extension out
   * of this client (the driver plays on and reports it in {@link JackExtensions#problems()}).
   *
   * @param client the {@code jack_client_t*}, as an address
   * @param clientName the client's name in the JACK graph
   * @param sampleRate the server's rate
   * @param period the server's period in frames
   * @return what serves this client's extra ports, or null to stay out of this client
   */
  Attached attach(long client, String clientName, int sampleRate, int period) throws Exception;

  /** An extension's part in one client. */
  @ConsumerType
  interface Attached {

    /**
     * Once per period on JACK's process thread, before the audio callback: read and write this
     * extension's port buffers. The audio thread's rules hold: no allocation, lock, I/O,
     * logging or throw (a throw is caught and the period goes on).
     */
    void process(int frames);

    /**
     * The client is inactive and about to close; its ports go with it. Thread: the one closing
     * the driver.
     */
    void detach();
  }
}
