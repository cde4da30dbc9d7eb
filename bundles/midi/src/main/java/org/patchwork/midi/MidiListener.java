package org.patchwork.midi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives every MIDI message that arrives on any open input port.
 *
 * <p>Thread: the port's reader thread (one per backend). Return quickly, never block: the next
 * message waits. Whatever is thrown is counted and logged by the service, and delivery goes on.
 */
@ConsumerType
@FunctionalInterface
public interface MidiListener {

  /** One message. */
  void onMidi(MidiEvent event);
}
