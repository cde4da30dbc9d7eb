package org.patchwork.controllers.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.controllers.ControlState;
import org.patchwork.controllers.ControlTarget;
import org.patchwork.midi.MidiEvent;

/**
 * One connected input device and its profile: turns the device's messages into the profile's
 * actions, and the control state into the profile's LED feedback (sending only what changed).
 * Thread-safe (synchronised; MIDI threads and the model thread both call it).
 */
final class Surface {

  final String input;
  final String name;
  final String output;
  private Profile profile;
  private final Map<String, Integer> lit = new HashMap<>();

  Surface(String input, String name, String output, Profile profile) {
    this.input = input;
    this.name = name;
    this.output = output;
    this.profile = profile;
  }

  synchronized Profile profile() {
    return profile;
  }

  synchronized void profile(Profile p) {
    profile = p;
    lit.clear();
  }

  /** The bindings in force, as text for listings. */
  synchronized List<String> describeBindings() {
    List<String> out = new ArrayList<>();
    if (profile != null) {
      for (Profile.Binding b : profile.bindings()) {
        out.add(b.control() + " -> " + b.action() + (b.action().equals("parameter") ? " " + b.node() + "/" + b.parameter() : "")
            + (b.action().startsWith("track.") || b.action().equals("notes")
                ? (b.track() < 0 ? " (selected track)" : " (track " + b.track() + "+)") : ""));
      }
    }
    return out;
  }

  /**
   * Acts on a message if the profile binds the control it comes from.
   *
   * @return whether the profile consumed it
   */
  boolean act(MidiEvent e, ControlTarget target) {
    Profile p;
    synchronized (this) {
      p = profile;
    }
    if (p == null) {
      return false;
    }
    String message = switch (e.command()) {
      case 0xB0 -> "cc";
      case 0x80, 0x90 -> "note";
      case 0xE0 -> "pitchbend";
      default -> null;
    };
    if (message == null) {
      return false;
    }
    boolean consumed = false;
    for (Profile.Control c : p.controls()) {
      if (!c.message().equals(message) || c.channel() != e.channel()) {
        continue;
      }
      int index = message.equals("pitchbend") ? 0 : c.index(e.data1());
      if (index < 0) {
        continue;
      }
      for (Profile.Binding b : p.bindings()) {
        if (b.control().equals(c.id())) {
          Actions.perform(b, c, index, e, target);
          consumed = true;
        }
      }
    }
    return consumed;
  }

  /** Messages that bring the device's LEDs up to {@code state}; remembers what was sent. */
  synchronized List<byte[]> feedback(ControlState state) {
    List<byte[]> out = new ArrayList<>();
    if (profile == null || output.isEmpty()) {
      return out;
    }
    for (Profile.Feedback f : profile.feedback()) {
      Profile.Control c = profile.control(f.control());
      for (int i = 0; i < c.numbers().size(); i++) {
        int track = f.track() < 0 ? state.selectedTrack() : f.track() + i;
        boolean on = switch (f.state()) {
          case "transport.playing" -> state.playing();
          case "transport.stopped" -> !state.playing();
          case "track.muted" -> state.track(track).muted();
          case "track.selected" -> state.selectedTrack() == track;
          default -> true;
        };
        int value = on ? f.on() : f.off();
        int channel = f.channel() >= 0 ? f.channel() : c.channel();
        int number = c.numbers().get(i);
        String key = c.message() + ":" + channel + ":" + number;
        Integer before = lit.put(key, value);
        if (before == null || before != value) {
          int status = (c.message().equals("cc") ? 0xB0 : 0x90) | channel;
          out.add(new byte[] {(byte) status, (byte) number, (byte) value});
        }
      }
    }
    return out;
  }
}
