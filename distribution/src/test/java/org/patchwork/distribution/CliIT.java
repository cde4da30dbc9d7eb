package org.patchwork.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bin/patchwork} as a user runs it: listings, help, and refusals of bad input. */
class CliIT {

  @TempDir
  Path home;

  @Test
  void everyBundleIsActiveAndFragmentsResolved() throws Exception {
    HostProcess.Result r = HostProcess.run(home, "bundles", "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err(), "no warnings while starting");
    JsonNode bundles = new ObjectMapper().readTree(r.out());
    List<String> names = new ArrayList<>();
    for (JsonNode b : bundles) {
      String expected = b.get("fragment").asBoolean() ? "RESOLVED" : "ACTIVE";
      assertEquals(expected, b.get("state").asText(), b.toString());
      names.add(b.get("symbolicName").asText());
    }
    long jars;
    try (var list = Files.list(HostProcess.DIST.resolve("bundles"))) {
      jars = list.filter(p -> p.toString().endsWith(".jar")).count();
    }
    assertEquals(jars + 1, bundles.size(), "every jar in bundles/ plus the system bundle: " + names);
    assertTrue(names.containsAll(List.of("org.patchwork.sdk", "org.patchwork.commands",
        "org.patchwork.logging", "org.patchwork.example-sine", "org.apache.felix.scr")), names.toString());
  }

  @Test
  void aBundleThatCannotResolveIsReportedByNameAndTheRestRuns() throws Exception {
    java.nio.file.Files.createDirectories(home.resolve("bundles"));
    Jars.manifestOnly(home.resolve("bundles/needy.jar"), java.util.Map.of(
        "Bundle-SymbolicName", "com.example.needy", "Bundle-Version", "1.2.3",
        "Import-Package", "com.example.missing"));
    HostProcess.Result r = HostProcess.run(home, "bundles", "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().startsWith("patchwork: bundle com.example.needy 1.2.3 did not start: Unable to resolve"),
        r.err());
    assertTrue(r.err().contains("osgi.wiring.package=com.example.missing"), r.err());
    assertEquals(1, r.err().lines().count(), "one line: " + r.err());
    int active = 0;
    for (JsonNode b : new ObjectMapper().readTree(r.out())) {
      if (b.get("symbolicName").asText().equals("com.example.needy")) {
        assertEquals("INSTALLED", b.get("state").asText());
      } else if (b.get("state").asText().equals("ACTIVE")) {
        active++;
      }
    }
    assertTrue(active > 15, "the other bundles run: " + r.out());
  }

  @Test
  void modulesJsonCarriesTheExampleDescriptorAndItsBundle() throws Exception {
    HostProcess.Result r = HostProcess.run(home, "modules", "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode sine = null;
    for (JsonNode m : new ObjectMapper().readTree(r.out())) {
      if (m.get("id").asText().equals("org.patchwork.examples.sine")) {
        sine = m;
      }
    }
    assertTrue(sine != null, r.out());
    assertEquals("INSTRUMENT", sine.get("kind").asText());
    assertEquals("[\"example\",\"oscillator\"]", sine.get("tags").toString());
    assertEquals("notes", sine.get("ports").get(0).get("id").asText());
    assertEquals("EVENTS", sine.get("ports").get(0).get("type").asText());
    assertEquals("out", sine.get("ports").get(1).get("id").asText());
    JsonNode gain = sine.get("parameters").get(0);
    assertEquals("gain", gain.get("id").asText());
    assertEquals(0.25, gain.get("defaultValue").asDouble());
    assertEquals("org.patchwork.example-sine", sine.get("bundle").get("symbolicName").asText());
  }

  @Test
  void helpListsTheBundleCommands() throws Exception {
    HostProcess.Result r = HostProcess.run(home, "--help");
    assertEquals(0, r.status(), r.err());
    // interactive bundles' commands (controllers, sync) too; gui once, with the host's own summary
    for (String c : List.of("gui", "headless", "bundles", "modules", "render", "controllers", "sync", "repo")) {
      assertEquals(1, r.out().lines().filter(l -> l.strip().startsWith(c + " ")).count(), c + " once in\n" + r.out());
    }
  }

  /**
   * One-shot commands run at the core start level: a render opens no OSC socket (so it does not
   * collide with a window that holds the port). Live play raises the level: the OSC server
   * starts, finds the port taken, and says so in one line naming the port, while playing on.
   * A command of an interactive bundle ({@code controllers}) starts them too.
   */
  @Test
  void oneShotCommandsLeaveTheInteractiveBundlesAloneAndLivePlayStartsThem() throws Exception {
    try (java.net.DatagramSocket taken = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      java.util.Map<String, String> env = java.util.Map.of("PATCHWORK_JVM_OPTS", "-Dpatchwork.osc.port=" + port);
      HostProcess.Result render = HostProcess.run(home, env, "render", "demo", "--out",
          home.resolve("demo.wav").toString(), "--seconds", "0.05");
      assertEquals(0, render.status(), render.err());
      assertEquals("", render.err(), "no OSC server, so no complaint about its port");
      assertTrue(Files.size(home.resolve("demo.wav")) > 44, "it rendered");

      HostProcess.Result live = HostProcess.run(home, env, "play", "demo", "--live", "--driver", "null",
          "--seconds", "0.3");
      assertEquals(0, live.status(), live.err());
      assertEquals(1, live.err().lines().count(), "one line: " + live.err());
      assertTrue(live.err().contains("the OSC server cannot listen on 127.0.0.1:" + port)
          && live.err().contains("OSC is off"), live.err());
      assertTrue(live.out().contains("live through null"), live.out());

      HostProcess.Result controllers = HostProcess.run(home, env, "controllers");
      assertEquals(0, controllers.status(), controllers.err());
      assertTrue(controllers.out().contains("DEVICES"), controllers.out());
      assertTrue(controllers.err().contains("127.0.0.1:" + port), "the OSC bundle started with it: " + controllers.err());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "frobnicate                 | unknown command 'frobnicate'",
      "--frobnicate               | unknown option --frobnicate",
      "bundles --frobnicate       | bundles: unknown option: '--frobnicate'",
      "modules extra              | modules: unmatched argument",
      "headless /no/such/project  | no such project: /no/such/project",
      "gui /no/such/project       | no such project: /no/such/project",
      "headless --deploy          | headless: --deploy needs a folder",
      "headless --deploy /no/dir  | headless: deploy folder does not exist: /no/dir"})
  void badInputExitsTwoWithOneLine(String args, String message) throws Exception {
    HostProcess.Result r = HostProcess.run(home, args.split(" "));
    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.err().lines().count(), "exactly one line: " + r.err());
    assertTrue(r.err().startsWith("patchwork: ") && r.err().contains(message), r.err());
    assertEquals("", r.out());
  }

  @Test
  void versionNeedsNoFramework() throws Exception {
    HostProcess.Result r = HostProcess.run(home, "--version");
    assertEquals(0, r.status());
    assertTrue(r.out().matches("patchwork \\d+\\.\\d+\\.\\d+.*\\R"), r.out());
  }
}
