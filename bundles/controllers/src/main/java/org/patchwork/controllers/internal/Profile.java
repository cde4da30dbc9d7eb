package org.patchwork.controllers.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.patchwork.sdk.control.Mapping;

/**
 * A controller profile as read from its JSON (docs/controller-profiles.md,
 * docs/schema/controller-profile.schema.json). Data only: nothing in a profile runs code.
 *
 * @param id reverse-DNS-like id, e.g. {@code korg.nanokontrol2}
 * @param name shown to the user
 * @param vendor the device's maker
 * @param version the profile's own version
 * @param reference the document the profile was built from
 * @param match how the device is recognised
 * @param init MIDI messages sent to the device when it is set up (e.g. a mode switch)
 * @param controls the device's controls
 * @param bindings what the controls do by default
 * @param feedback what lights up when
 */
record Profile(String id, String name, String vendor, String version, String reference, Match match,
    List<byte[]> init, List<Control> controls, List<Binding> bindings, List<Feedback> feedback) {

  /** The actions a binding may name. */
  static final List<String> ACTIONS = List.of("transport.play", "transport.stop", "transport.toggle",
      "transport.resume", "transport.record", "transport.rewind", "transport.forward", "transport.tempo",
      "track.volume", "track.pan", "track.mute", "track.select", "tracker.line-up", "tracker.line-down",
      "tracker.track-left", "tracker.track-right", "tracker.pattern-prev", "tracker.pattern-next",
      "notes", "parameter");

  /** The states feedback may follow. */
  static final List<String> STATES = List.of("transport.playing", "transport.stopped", "track.muted",
      "track.selected", "always");

  /**
   * @param portNames regular expressions, any of which matches the port's name
   * @param identity what the Universal SysEx identity reply must say (hex), or null
   */
  record Match(List<Pattern> portNames, Identity identity) {
  }

  /** Hex strings of the identity reply's fields; an empty one matches anything. */
  record Identity(String manufacturer, String family, String model) {
  }

  /**
   * @param id unique within the profile
   * @param type button, fader, knob, encoder or pad
   * @param message cc, note or pitchbend
   * @param channel 0..15
   * @param numbers the controller or note number of each element (one for a single control)
   * @param mode how values are read
   */
  record Control(String id, String type, String message, int channel, List<Integer> numbers, Mapping.Mode mode) {

    /** The element index of {@code number}, or -1. */
    int index(int number) {
      return numbers.indexOf(number);
    }
  }

  /**
   * @param control the control's id
   * @param action one of {@link #ACTIONS}
   * @param track the first track (element i acts on track + i), or -1 for the selected track
   * @param key the first key of a {@code notes} binding (element i plays key + i)
   * @param node the module instance of a {@code parameter} binding
   * @param parameter its parameter id
   * @param min the value at the control's bottom ({@code transport.tempo}, {@code parameter})
   * @param max the value at its top
   */
  record Binding(String control, String action, int track, int key, String node, String parameter,
      double min, double max) {
  }

  /**
   * @param control the control to light
   * @param state one of {@link #STATES}
   * @param track the first track for track states (element i shows track + i), -1 for selected
   * @param on the velocity or value sent when the state holds
   * @param off the one sent when it does not
   * @param channel the channel to send on, or -1 for the control's own
   */
  record Feedback(String control, String state, int track, int on, int off, int channel) {
  }

  Control control(String controlId) {
    return controls.stream().filter(c -> c.id().equals(controlId)).findFirst().orElse(null);
  }
}
