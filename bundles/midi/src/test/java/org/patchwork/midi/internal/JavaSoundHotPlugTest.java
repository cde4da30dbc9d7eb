package org.patchwork.midi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.patchwork.midi.MidiEvent;
import org.patchwork.midi.MidiPort;
import org.patchwork.midi.testing.LoopbackDevice;
import org.patchwork.midi.testing.LoopbackProvider;

/**
 * javax.sound.midi devices come and go while the service runs: the test provider's devices are
 * listed by MidiSystem exactly as the ALSA provider's are.
 */
class JavaSoundHotPlugTest {

  private final List<String> warnings = new CopyOnWriteArrayList<>();

  @AfterEach
  void unplugAll() {
    LoopbackProvider.DEVICES.clear();
  }

  @Test
  void aDevicePluggedInLaterIsFoundOpenedAndHeardAndGoesWhenUnplugged() throws Exception {
    try (Midi midi = new Midi(new Midi.Settings(200, "off", "patchwork", ""), warnings::add)) {
      midi.rescanNow();
      assertTrue(midi.ports().stream().noneMatch(p -> p.name().equals("Test Pad")), "not yet plugged");
      List<String> changes = new CopyOnWriteArrayList<>();
      midi.addPortListener((added, removed) -> {
        added.forEach(p -> changes.add("+" + p.id() + (p.input() ? " in" : " out")));
        removed.forEach(p -> changes.add("-" + p.id() + (p.input() ? " in" : " out")));
      });
      List<MidiEvent> heard = new CopyOnWriteArrayList<>();
      midi.addListener(heard::add);

      LoopbackDevice pad = LoopbackProvider.plug("Test Pad");
      long deadline = System.nanoTime() + 3_000_000_000L;
      while (changes.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20); // the periodic scan (every 200 ms) finds it, no rescanNow here
      }
      assertEquals(List.of("+javasound:Test Pad in", "+javasound:Test Pad out"), changes);
      List<MidiPort> ports = midi.ports().stream().filter(p -> p.name().equals("Test Pad")).toList();
      assertEquals(2, ports.size());

      long before = System.nanoTime();
      pad.press(0xB0, 7, 99);
      pad.press(0x91, 64, 0);
      pad.press(0x91); // malformed: counted, not delivered
      assertEquals(2, heard.size());
      assertTrue(heard.get(0).isControlChange() && heard.get(0).data2() == 99);
      assertTrue(heard.get(0).nanos() >= before, "stamped on arrival");
      assertTrue(heard.get(1).isNoteOff());
      assertEquals(1, midi.stats().rejected());

      assertTrue(midi.send("javasound:Test Pad", new byte[] {(byte) 0x90, 1, 5}), "LED on");
      assertArrayEquals(new byte[] {(byte) 0x90, 1, 5}, pad.received.getFirst());
      assertFalse(midi.send("javasound:Test Pad", new byte[] {(byte) 0x90, 1}), "not a message");
      assertFalse(midi.send("javasound:No such", new byte[] {(byte) 0x90, 1, 1}));

      LoopbackProvider.unplug(pad);
      midi.rescanNow();
      assertTrue(changes.containsAll(List.of("-javasound:Test Pad in", "-javasound:Test Pad out")), changes.toString());
      assertTrue(midi.ports().stream().noneMatch(p -> p.name().equals("Test Pad")));
      assertTrue(midi.stats().rescans() >= 3);
    }
  }
}
