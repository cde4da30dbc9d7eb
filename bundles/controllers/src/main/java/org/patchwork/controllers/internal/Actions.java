package org.patchwork.controllers.internal;

import org.patchwork.controllers.ControlState;
import org.patchwork.controllers.ControlTarget;
import org.patchwork.midi.MidiEvent;
import org.patchwork.sdk.control.Mapping;

/**
 * What a profile binding does with a message from its control (docs/controller-profiles.md,
 * "Actions"). Buttons and pads act when pressed (a note-on above velocity 0, a controller above
 * 0); faders and knobs set their value; encoders move it by their steps.
 */
final class Actions {

  private Actions() {
  }

  static void perform(Profile.Binding b, Profile.Control c, int index, MidiEvent e, ControlTarget target) {
    long now = e.nanos();
    boolean press = e.command() == 0x90 ? e.data2() > 0 : e.command() == 0xB0 && e.data2() > 0;
    double x = e.command() == 0xE0 ? e.pitchBend() / 16383.0 : e.data2() / 127.0;
    ControlState s = target.state();
    int track = b.track() < 0 ? s.selectedTrack() : b.track() + index;
    switch (b.action()) {
      case "transport.play" -> {
        if (press) {
          target.play(now);
        }
      }
      case "transport.stop" -> {
        if (press) {
          target.stop(now);
        }
      }
      case "transport.toggle" -> {
        if (press) {
          if (s.playing()) {
            target.stop(now);
          } else {
            target.play(now);
          }
        }
      }
      case "transport.resume" -> {
        if (press) {
          target.resume(now);
        }
      }
      case "transport.tempo" -> target.tempo(now, Math.max(1, Math.min(999, b.min() + x * (b.max() - b.min()))));
      case "track.volume" -> target.trackVolume(now, track, level(c, e, s.track(track).volume(), x));
      case "track.pan" -> target.trackPan(now, track, level(c, e, (s.track(track).pan() + 1) / 2, x) * 2 - 1);
      case "track.mute" -> {
        if (press) {
          target.trackMute(now, track, !s.track(track).muted());
        }
      }
      case "track.select" -> {
        if (press) {
          target.command(now, "track.select", track);
        }
      }
      case "notes" -> {
        int key = b.key() + index;
        if (key <= 127) {
          if (press) {
            target.noteOn(now, track, key, e.command() == 0x90 ? e.data2() / 127.0 : 1.0);
          } else {
            target.noteOff(now, track, key);
          }
        }
      }
      case "parameter" -> {
        String k = b.node() + "/" + b.parameter();
        Double v = s.parameters().get(k);
        double current = v == null ? 0.5 : (v - b.min()) / (b.max() - b.min());
        target.parameter(now, b.node(), b.parameter(), b.min() + level(c, e, current, x) * (b.max() - b.min()));
      }
      default -> {
        // transport.record/rewind/forward and tracker navigation: named commands on press
        if (press) {
          target.command(now, b.action(), 1);
        }
      }
    }
  }

  /** An absolute control's position, or the current level moved by an encoder's steps; 0..1. */
  private static double level(Profile.Control c, MidiEvent e, double current, double x) {
    if (c.mode() == Mapping.Mode.ABSOLUTE) {
      return x;
    }
    double moved = current + Encoders.steps(c.mode(), e.data2()) * Mapper.STEP;
    return Math.max(0, Math.min(1, moved));
  }
}
