package org.patchwork.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchwork.ui.shell.widgets.ValueScale;
import org.patchwork.ui.testkit.Xvfb;

/**
 * OSC controllers acting on the real {@code bin/patchwork gui} window: liblo's {@code oscsend}
 * (a real OSC client) sends to the host's OSC server, the controllers bundle hands the inputs
 * to the window's backend, and the window's project takes them as edits (seen in its autosave
 * file, written every second here) and its transport plays and stops (seen in the log).
 */
@ExtendWith(Xvfb.class)
class ControllersGuiIT {

  private GuiHost host;

  @BeforeEach
  void assemble() throws IOException {
    host = new GuiHost("controllers-gui", Set.of());
  }

  @AfterEach
  void stop() throws InterruptedException {
    host.close();
  }

  @Test
  void oscFadersKnobsAndTransportReachTheWindow() throws Exception {
    int port = freeUdpPort();
    host.start(List.of(), "-Dpatchwork.osc.port=" + port + " -Dpatchwork.ui.autosave=1");
    host.assertLogged("controllers (MIDI, OSC) act on the workbench window");
    host.awaitTrue("the host's OSC server on port " + port, () -> bound(port));
    // the window opens its project after it registers as the controllers' backend
    host.awaitLog("the project open in the window", l -> l.contains("WorkbenchService: Opened "));

    oscsend(port, "/track/1/mute", "i", "1");
    oscsend(port, "/track/0/volume", "f", "0.5");
    oscsend(port, "/module/bass-synth/cutoff", "f", "500");
    Path autosave = host.project.resolve("project.autosave.json");
    ObjectMapper json = new ObjectMapper();
    host.awaitTrue("the edits in the autosave file", () -> Files.exists(autosave)
        && json.readTree(autosave.toFile()).at("/nodes/0/params/cutoff").asDouble() == 500);
    JsonNode saved = json.readTree(autosave.toFile());
    assertEquals("bass", saved.at("/tracks/0/id").asText());
    assertEquals(ValueScale.decibels(6).value(0.5), saved.at("/tracks/0/gainDb").asDouble(), 1e-9,
        "the hardware fader follows the on-screen fader's law");
    assertTrue(saved.at("/tracks/1/mute").asBoolean(), "pad muted: " + saved.at("/tracks"));
    assertFalse(saved.at("/tracks/2/mute").asBoolean(false), "lead untouched");
    assertFalse(saved.at("/tracks/0/mute").asBoolean(false), "bass untouched");

    oscsend(port, "/transport/play", "");
    host.awaitLog("playback started by OSC", l -> l.contains("Playing through null"));
    oscsend(port, "/note", "iif", "2", "69", "0.9");
    oscsend(port, "/note/off", "ii", "2", "69");
    oscsend(port, "/transport/stop", "");
    host.awaitLog("playback stopped by OSC", l -> l.contains("Stopped"));
    assertFalse(host.log().contains("controllers: "), "no input was refused:\n" + host.log());
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Whether something (the host's OSC server) listens on UDP {@code port}. */
  private static boolean bound(int port) {
    try (DatagramSocket s = new DatagramSocket(port, java.net.InetAddress.getLoopbackAddress())) {
      return false;
    } catch (java.net.SocketException inUse) {
      return true;
    }
  }

  private static void oscsend(int port, String address, String types, String... args) throws Exception {
    Path tool = Path.of("/usr/bin/oscsend");
    if (!Files.isExecutable(tool)) {
      throw new AssertionError("oscsend not found: install the Debian package liblo-tools (./test.sh does as root)");
    }
    List<String> command = new ArrayList<>(List.of(tool.toString(), "127.0.0.1", Integer.toString(port), address));
    if (!types.isEmpty()) {
      command.add(types);
      command.addAll(List.of(args));
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS), "oscsend hung");
    assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
  }
}
