package org.patchwork.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot-swap through the real launcher: {@code pw:play --background} runs with the null driver
 * while the example gain's bundle in the deploy folder is replaced by a version that sounds
 * different (built here: the same module compiled with 12 dB less gain and version 1.1.0).
 * The host updates the bundle, the playing session crossfades to the new version, and the
 * statistics show the swap, no xrun or deadline miss across it, and the new level.
 */
class HotSwapIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int SETTLE_MILLIS = 2_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The example gain with a fixed extra factor of 1/4 (-12 dB) and another version. */
  private static final String QUIETER_GAIN = """
      package org.patchwork.examples.gain;

      import java.util.List;
      import java.util.Set;
      import org.patchwork.sdk.module.*;

      public final class GainModule implements AudioModule {
        static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
            "org.patchwork.examples.gain", "Gain", "Patchwork", "1.1.0", ModuleKind.EFFECT,
            Set.of("utility", "example"),
            List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioOut("out", 2)),
            List.of(ParameterDescriptor.of("gain", "Gain", -60, 24, 0, "dB")),
            0);

        public void activate(double sampleRate, int maxFrames) { }

        public ProcessStatus process(ProcessContext ctx) {
          float g = 0.25f * (float) Math.pow(10, Math.max(-60, Math.min(24, ctx.parameter(0))) / 20);
          for (int ch = 0; ch < 2; ch++) {
            float[] in = ctx.input(0, ch);
            float[] out = ctx.output(1, ch);
            for (int i = 0; i < ctx.frames(); i++) {
              out[i] = in[i] * g;
            }
          }
          return ProcessStatus.CONTINUE;
        }

        public void reset() { }

        public void deactivate() { }
      }
      """;

  @Test
  void updatingAModuleBundleWhilePlayingCrossfadesToItsNewBehaviourWithoutXruns(@TempDir Path home,
      @TempDir Path deploy, @TempDir Path work) throws Exception {
    Path v1 = HostProcess.exampleJar("gain");
    Path v2 = work.resolve("gain-1.1.0.jar");
    quieterGain(v1, v2, work.resolve("build"));
    Path project = project(work.resolve("swap"));

    // A settle time of 2 s puts the swap well after the bundle update and the framework refresh
    // that follows it: the statistics are read just before the swap and just after it, so the
    // window in which an xrun would count against the swap is a fraction of a second.
    try (HostProcess host = HostProcess.start(home, java.util.Map.of("PATCHWORK_JVM_OPTS",
        "-Dpatchwork.lifecycle.settleMillis=" + SETTLE_MILLIS), "headless", "--deploy", deploy.toString())) {
      host.send("pw:modules");
      assertTrue(host.awaitOut(0, o -> o.contains("org.patchwork.examples.sine"), WAIT), host.err());
      place(v1, deploy.resolve("gain.jar"));
      assertTrue(host.awaitErr(e -> e.contains("deployed gain.jar (org.patchwork.example-gain"), WAIT), host.err());
      int mark = host.out().length();
      // Quoted: to the Gogo shell a bare null is the null reference.
      host.send("pw:play " + project + " --driver 'null' --background --seconds 120");
      assertTrue(host.awaitOut(mark, o -> o.contains("playing swap through null"), WAIT), host.out() + host.err());
      Thread.sleep(2_000);

      // The null driver's clock shares two cores with whatever else runs: a late wake-up in the
      // window would count against the swap. Up to three swaps to 1.1.0 (and back in between)
      // until one is clean.
      JsonNode after = stats(host);
      boolean clean = false;
      for (int attempt = 0; attempt < 5 && !clean; attempt++) {
        boolean forward = attempt % 2 == 0;
        String version = forward ? "1.1.0" : "1.0.0";
        int swaps = after.get("swaps").size();
        String updated = "updated gain.jar (org.patchwork.example-gain " + (forward ? "1.1.0" : bundleVersion(v1)) + ")";
        int seen = count(host.err(), updated);
        place(forward ? v2 : v1, deploy.resolve("gain.jar"));
        assertTrue(host.awaitErr(e -> count(e, updated) > seen, WAIT), host.err());
        Thread.sleep(SETTLE_MILLIS - 300);
        JsonNode before = stats(host);
        long end = System.nanoTime() + WAIT.toNanos();
        do {
          Thread.sleep(50);
          after = stats(host);
        } while (System.nanoTime() < end && !swappedTo(after, swaps, version));
        assertTrue(swappedTo(after, swaps, version), "swapped to " + version + ": " + after + "\n" + host.err());
        boolean windowed = before.get("swaps").size() == swaps;
        long xruns = delta(before, after, "xruns");
        long misses = delta(before, after, "deadlineMisses");
        System.out.println("HotSwapIT: swap " + (attempt + 1) + " to " + version + (windowed ? "" : " (began early)")
            + ": xruns +" + xruns + ", deadline misses +" + misses + " in " + delta(before, after, "blocks")
            + " blocks around it; audio-thread bytes " + after.get("audioThreadAllocatedBytes")
            + "; swap " + after.get("swaps").get(after.get("swaps").size() - 1));
        clean = forward && windowed && xruns == 0 && misses == 0;
        Thread.sleep(SETTLE_MILLIS); // a framework refresh may swap once more; let it pass
        after = stats(host);
      }
      assertTrue(clean, "no xrun or deadline miss across a swap in three tries: " + after);
      assertEquals(0, after.get("moduleFaults").asLong(), after.toString());
      assertEquals(0, after.get("faults").size(), after.toString());
      for (JsonNode s : after.get("swaps")) {
        assertEquals("fx", s.get("node").asText());
        assertEquals("UPDATE", s.get("kind").asText());
        assertTrue(s.get("fadeMillis").asDouble() <= 10.0, s.toString());
      }
      // The new version's sound: 12 dB quieter than the first version's (a 0.5 sine, centred).
      double peak = after.get("peaks").get(0).asDouble();
      assertEquals(0.5 * Math.sqrt(0.5) / 4, peak, 0.01, "the 1.1.0 level is heard: " + after);

      host.send("pw:faults");
      host.send("pw:stop");
      host.send("exit");
      assertEquals(0, host.waitFor(WAIT), host.err());
      assertTrue(host.out().contains("no module faults"), host.out());
    }
    // The lifecycle thread logged each swap (never the audio thread).
    String log = Files.readString(home.resolve("logs/patchwork.log"));
    assertTrue(log.contains("node 'fx' (org.patchwork.examples.gain): 1.0.0 -> 1.1.0 (update)"), log);
  }

  private static boolean swappedTo(JsonNode stats, int before, String version) {
    JsonNode swaps = stats.get("swaps");
    return swaps != null && swaps.size() > before && swaps.get(swaps.size() - 1).get("to").asText().equals(version);
  }

  private static String bundleVersion(Path jar) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      return j.getManifest().getMainAttributes().getValue("Bundle-Version");
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static long delta(JsonNode a, JsonNode b, String key) {
    return b.get(key).asLong() - a.get(key).asLong();
  }

  /** {@code pw:stats} of the background run. */
  private static JsonNode stats(HostProcess host) throws Exception {
    int mark = host.out().length();
    String token = "END-STATS-" + System.nanoTime();
    host.send("pw:stats");
    host.send("echo " + token);
    assertTrue(host.awaitOut(mark, o -> o.contains(token), WAIT), host.out());
    String text = host.out().substring(mark);
    return JSON.readTree(text.substring(text.indexOf('{'), text.lastIndexOf('}') + 1));
  }

  /** Copies a jar into place in one step, as a finished download would appear. */
  private static void place(Path jar, Path target) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), ".copy", ".tmp");
    Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A project: the example sine (0.5) through the example gain (0 dB), one note held for a minute. */
  private static Path project(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("project.json"), """
        {"formatVersion": 1, "name": "swap", "sampleRate": 48000, "tempo": 120,
         "nodes": [{"id": "osc", "module": "org.patchwork.examples.sine", "params": {"gain": 0.5}},
                   {"id": "fx", "module": "org.patchwork.examples.gain", "params": {"gain": 0}}],
         "connections": [],
         "tracks": [{"id": "lead", "chain": ["osc", "fx"], "gainDb": 0, "pan": 0}],
         "buses": [], "master": {"chain": [], "gainDb": 0},
         "notes": [{"track": "lead", "key": 69, "velocity": 1, "start": 0, "length": 400}]}
        """);
    return folder;
  }

  /** The example gain jar with {@link #QUIETER_GAIN} compiled in and Bundle-Version 1.1.0. */
  private static void quieterGain(Path v1, Path target, Path build) throws IOException {
    Path src = build.resolve("src/org/patchwork/examples/gain/GainModule.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, QUIETER_GAIN);
    Path classes = build.resolve("classes");
    Files.createDirectories(classes);
    Path sdk;
    try (Stream<Path> list = Files.list(HostProcess.DIST.resolve("bundles"))) {
      sdk = list.filter(p -> p.getFileName().toString().matches("sdk-\\d.*\\.jar")).findFirst().orElseThrow();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "--release", "25", "-cp", sdk.toString(), "-d", classes.toString(),
        src.toString());
    assertEquals(0, status, "the quieter gain compiles");
    byte[] module = Files.readAllBytes(classes.resolve("org/patchwork/examples/gain/GainModule.class"));
    try (JarFile in = new JarFile(v1.toFile())) {
      Manifest manifest = new Manifest(in.getManifest());
      manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), "1.1.0");
      try (OutputStream os = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(os, manifest)) {
        for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
          JarEntry entry = e.nextElement();
          if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
            continue;
          }
          out.putNextEntry(new JarEntry(entry.getName()));
          if (entry.getName().equals("org/patchwork/examples/gain/GainModule.class")) {
            out.write(module);
          } else {
            try (InputStream data = in.getInputStream(entry)) {
              data.transferTo(out);
            }
          }
          out.closeEntry();
        }
      }
    }
  }
}
