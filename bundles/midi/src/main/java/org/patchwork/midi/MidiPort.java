package org.patchwork.midi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One MIDI port the machine offers.
 *
 * @param id stable while the port exists: {@code backend + ":" + name}, with {@code " #2"},
 *     {@code " #3"} ... appended when two ports share a name and direction
 * @param name what the device or JACK calls it (profiles match this with their port regexes)
 * @param input true for a port we receive from, false for one we send to
 * @param backend {@link #JAVA_SOUND} or {@link #JACK}
 * @param description the vendor and description the backend gives, or empty
 */
@ProviderType
public record MidiPort(String id, String name, boolean input, String backend, String description) {

  /** Ports of javax.sound.midi devices (ALSA sequencer ports on Linux). */
  public static final String JAVA_SOUND = "javasound";
  /** Patchwork's own JACK MIDI ports. */
  public static final String JACK = "jack";
}
