package org.patchwork.controllers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.patchwork.controllers.ControllerService;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.controllers.ControlState;
import org.patchwork.controllers.testing.RecordingBackend;
import org.patchwork.midi.internal.Midi;
import org.patchwork.midi.testing.LoopbackDevice;
import org.patchwork.midi.testing.LoopbackProvider;
import org.patchwork.sdk.control.Mapping;
import org.patchwork.sdk.control.ParameterTarget;

/**
 * Devices plugged in while running (javax.sound.midi test provider) are recognised by their
 * profile, set up, drive the transport and mixer, and get LED feedback; clock input is
 * followed; learned mappings are saved as user defaults.
 */
class DeviceSetupTest {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  @AfterEach
  void unplug() {
    LoopbackProvider.DEVICES.clear();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(condition.getAsBoolean(), what);
  }

  private static List<String> sent(LoopbackDevice d) {
    return d.received.stream().map(HEX::formatHex).toList();
  }

  @Test
  void aNanoKontrol2IsSetUpDrivesTheTransportAndMixerAndLightsItsLeds(@TempDir Path tmp) throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    RecordingBackend backend = new RecordingBackend();
    try (Midi midi = new Midi(new Midi.Settings(200, "off", "patchwork", ""), warnings::add);
        ControlBus bus = new ControlBus(() -> backend, warnings::add);
        Controllers controllers = new Controllers(bus, midi, ProfilePacks::builtIn,
            new Controllers.Settings("(?i)clock box", false, tmp.resolve("controllers/mappings.json")), warnings::add)) {
      LoopbackDevice nano = LoopbackProvider.plug("nanoKONTROL2 MIDI 1");
      await(() -> controllers.devices().stream().anyMatch(d -> d.profile().equals("korg.nanokontrol2")), "matched");
      {
        var d = controllers.devices().getFirst();
        assertEquals("javasound:nanoKONTROL2 MIDI 1", d.output());
        assertTrue(d.bindings().contains("play -> transport.play"), d.bindings().toString());
      }
      await(() -> sent(nano).containsAll(List.of("B02A7F", "B02900", "B03000", "B0207F", "B02100")),
          "stop lit, play dark, mutes dark, solo 1 lit (track 0 selected): " + sent(nano));
      assertEquals("F07E7F0601F7", sent(nano).getFirst(), "identity request first");

      nano.press(0xB0, 41, 127); // play
      nano.press(0xB0, 41, 0);
      nano.press(0xB0, 0, 64); // fader 1
      nano.press(0xB0, 17, 127); // knob 2
      nano.press(0xB0, 49, 127); // mute 2
      nano.press(0xB0, 33, 127); // solo 2: select track 1
      assertTrue(bus.awaitApplied(2000));
      await(() -> bus.state().playing() && bus.state().track(1).muted(), "state");
      ControlState s = bus.state();
      assertEquals(64 / 127.0, s.track(0).volume(), 1e-9);
      assertEquals(1.0, s.track(1).pan(), 1e-9);
      assertEquals(1, s.selectedTrack());
      assertEquals(List.of("play", "volume 0 " + 64 / 127.0, "pan 1 1.0", "mute 1 true", "command track.select 1"),
          backend.calls);
      await(() -> sent(nano).containsAll(List.of("B0297F", "B02A00", "B0317F", "B02200")), "LEDs follow: " + sent(nano));

      // notes not bound by the profile play the selected track
      nano.press(0x90, 60, 100);
      nano.press(0x80, 60, 0);
      assertTrue(bus.awaitApplied(2000));
      assertTrue(backend.calls.containsAll(List.of("noteOn 1 60 100", "noteOff 1 60")), backend.calls.toString());

      // learn: the next control moved (the unbound R button 1, CC 64) binds to the parameter
      controllers.learn(new ParameterTarget("lead", "cutoff"), Mapping.Mode.ABSOLUTE, Mapping.Takeover.JUMP);
      nano.press(0xB0, 64, 127);
      assertEquals(1, controllers.mappings().size());
      assertEquals("javasound:nanoKONTROL2 MIDI 1", controllers.mappings().getFirst().source());
      nano.press(0xB0, 64, 0);
      assertTrue(bus.awaitApplied(2000));
      assertEquals(0.0, bus.state().parameters().get("lead/cutoff"));
      String saved = Files.readString(tmp.resolve("controllers/mappings.json"));
      assertTrue(saved.contains("\"parameter\" : \"cutoff\""), saved);
      bus.parameter(System.nanoTime(), "lead", "cutoff", 1.0); // from elsewhere: the control hears it
      await(() -> sent(nano).contains("B0407F"), "feedback of the learned control");

      ObjectNode listing = ControllersCommand.listing(midi.ports(), controllers);
      String text = ControllersCommand.text(listing);
      assertTrue(text.contains("Korg nanoKONTROL2 [korg.nanokontrol2]") && text.contains("lead/cutoff"), text);
      assertEquals(List.of("akai.apc-mini", "novation.launchpad-mini-mk3", "korg.nanokontrol2"),
          controllers.profiles().stream().map(ControllerService.ProfileInfo::id).toList(), "the installed profiles");
      assertEquals(3, listing.get("profiles").size(), listing.toString());

      // a device with a plain name is recognised by its identity reply
      LoopbackDevice plain = LoopbackProvider.plug("USB MIDI Device");
      await(() -> controllers.devices().stream().anyMatch(d -> d.name().equals("USB MIDI Device")), "found");
      assertEquals("", controllers.devices().stream().filter(d -> d.name().equals("USB MIDI Device")).findFirst()
          .orElseThrow().profile());
      plain.press(0xF0, 0x7E, 0x00, 0x06, 0x02, 0x00, 0x20, 0x29, 0x13, 0x01, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04, 0xF7);
      await(() -> sent(plain).contains("F0002029020D0E01F7"),
          "programmer mode SysEx sent: " + sent(plain));
      assertEquals("novation.launchpad-mini-mk3", controllers.devices().stream()
          .filter(d -> d.name().equals("USB MIDI Device")).findFirst().orElseThrow().profile());
      backend.calls.clear();
      plain.press(0x90, 12, 90); // grid, bottom row, second pad
      plain.press(0x90, 12, 0);
      assertTrue(bus.awaitApplied(2000));
      assertEquals(List.of("noteOn 1 37 90", "noteOff 1 37"), backend.calls, "pads play the selected track");

      // MIDI clock in: 100 bpm, start, stop
      LoopbackDevice clock = LoopbackProvider.plug("Clock Box");
      await(() -> controllers.devices().stream().anyMatch(d -> d.name().equals("Clock Box")), "clock found");
      bus.stop(System.nanoTime());
      long t0 = System.nanoTime();
      for (int i = 0; i < 72; i++) {
        long due = t0 + i * 25_000_000L;
        while (System.nanoTime() < due) {
          Thread.onSpinWait();
        }
        clock.press(0xF8);
        if (i == 60) {
          clock.press(0xFA);
        }
      }
      assertTrue(bus.awaitApplied(2000));
      await(() -> bus.state().playing() && Math.abs(bus.state().tempo() - 100) < 1, "clock followed: " + bus.state());
      clock.press(0xFC);
      await(() -> !bus.state().playing(), "clock stop followed");
      assertEquals(List.of(), warnings);
    }
  }

  @Test
  void aProfileChosenForAPortIsUsedWhateverItsNameAndIsKeptInTheProjectSection(@TempDir Path tmp) throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    RecordingBackend backend = new RecordingBackend();
    try (Midi midi = new Midi(new Midi.Settings(200, "off", "patchwork", ""), warnings::add);
        ControlBus bus = new ControlBus(() -> backend, warnings::add);
        Controllers controllers = new Controllers(bus, midi, ProfilePacks::builtIn,
            new Controllers.Settings("", false, tmp.resolve("controllers/mappings.json")), warnings::add)) {
      LoopbackDevice generic = LoopbackProvider.plug("USB MIDI Device 1");
      await(() -> controllers.devices().size() == 1, "listed");
      assertEquals("", controllers.devices().getFirst().profile(), "a generic name matches no profile");
      String port = controllers.devices().getFirst().port();
      controllers.chooseProfile(port, "korg.nanokontrol2");
      assertEquals("korg.nanokontrol2", controllers.devices().getFirst().profile());
      // set up at once: the nanoKONTROL2's LEDs (stop lit)
      await(() -> sent(generic).contains("B02A7F"), "set up as a nanoKONTROL2: " + sent(generic));
      generic.press(0xB0, 41, 127); // its play button
      assertTrue(bus.awaitApplied(2000));
      await(() -> bus.state().playing(), "the chosen profile's binding plays");

      var section = controllers.projectSection();
      assertEquals("korg.nanokontrol2", section.get("profiles").get(0).get("profile").asText(), section.toString());
      assertEquals(port, section.get("profiles").get(0).get("port").asText());
      // the choice goes with the section: cleared, then loaded back
      controllers.chooseProfile(port, null);
      assertEquals("", controllers.devices().getFirst().profile());
      controllers.loadProjectSection(section);
      assertEquals("korg.nanokontrol2", controllers.devices().getFirst().profile());
      // refused with the path: an unknown profile id to choose, a broken section
      assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> controllers.chooseProfile(port, "acme.nothing")).getMessage().contains("acme.nothing"));
      ObjectNode broken = (ObjectNode) section.deepCopy();
      ((com.fasterxml.jackson.databind.node.ArrayNode) broken.get("profiles")).addObject().put("port", port).put("profile", "x");
      String message = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> controllers.loadProjectSection(broken)).getMessage();
      assertEquals("the project's controllers section: $.profiles[1].port: port '" + port + "' has a profile already", message);
      assertEquals("korg.nanokontrol2", controllers.devices().getFirst().profile(), "nothing changed");
      // kept as user defaults too
      assertTrue(Files.readString(tmp.resolve("controllers/mappings.json")).contains("korg.nanokontrol2"));
    }
  }
}
