package org.patchwork.sdk.docgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator on the SDK's example modules: pages, pictures, index, determinism, refusals. */
class DocGenTest {

  @TempDir
  Path dir;

  /**
   * A bundle jar holding only the component description of an example module (its classes are on
   * the test class path), as bnd would package it.
   */
  static Path bundle(Path dir, String symbolicName, Map<String, String> components) throws Exception {
    Path jar = dir.resolve(symbolicName + ".jar");
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName + ";singleton:=true");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, m)) {
      for (Map.Entry<String, String> c : components.entrySet()) {
        out.putNextEntry(new JarEntry("OSGI-INF/" + c.getKey()));
        out.write(c.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  static String resource(String name) throws Exception {
    try (InputStream in = DocGenTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private List<Path> examples() throws Exception {
    Path jars = Files.createDirectories(dir.resolve("jars"));
    return List.of(
        bundle(jars, "org.patchwork.example-sine", Map.of("sine.xml",
            resource("OSGI-INF/org.patchwork.examples.sine.SineFactory.xml"))),
        bundle(jars, "org.patchwork.example-gain", Map.of("gain.xml",
            resource("OSGI-INF/org.patchwork.examples.gain.GainFactory.xml"))));
  }

  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void writesAPageAndPicturePerModuleAndAnIndexByFamily() throws Exception {
    Path out = dir.resolve("docs");
    assertEquals(2, DocGen.generate(examples(), out, false, QUIET));
    String sine = Files.readString(out.resolve("org.patchwork.examples.sine.md"));
    assertTrue(sine.startsWith(Pages.GENERATED + "\n\n# Sine\n\n`org.patchwork.examples.sine` · instrument · "
        + "Patchwork 1.0.0 · bundle `org.patchwork.example-sine`"), sine);
    assertTrue(sine.contains("| `notes` | Notes | events | in | – |\n| `out` | Out | audio | out | 1 (mono) |"), sine);
    assertTrue(sine.contains("| `gain` | Gain | 0 – 1 | 0.25 |  | automatable, modulatable | 5 ms |"), sine);
    assertTrue(sine.contains("| `release` | Release | 0 – 5000 | 200 | ms |"), sine);
    assertTrue(sine.contains("![Waveform and spectrum of Sine](org.patchwork.examples.sine.png)"), sine);
    assertTrue(sine.contains("strongest frequency 261.6 Hz"), "key 60 is middle C: " + sine);
    String gain = Files.readString(out.resolve("org.patchwork.examples.gain.md"));
    assertTrue(gain.contains("RMS during the burst -11.0 dBFS (input -11.0 dBFS, so +0.0 dB)"), "unity gain by default: " + gain);
    assertTrue(gain.contains("below -60 dBFS from the burst on"), gain);
    String index = Files.readString(out.resolve("README.md"));
    assertTrue(index.contains("## Oscillator\n\n| Module | Id | Kind | Tags |\n|---|---|---|---|\n"
        + "| [Sine](org.patchwork.examples.sine.md) | `org.patchwork.examples.sine` | instrument | example, oscillator |"),
        index);
    assertTrue(index.contains("## Utility\n\n| Module | Id | Kind | Tags |\n|---|---|---|---|\n"
        + "| [Gain](org.patchwork.examples.gain.md) |"), index);
  }

  @Test
  void theSinePictureShowsItsNoteWhereItIs() throws Exception {
    Path out = dir.resolve("docs");
    DocGen.generate(examples(), out, false, QUIET);
    BufferedImage png = ImageIO.read(out.resolve("org.patchwork.examples.sine.png").toFile());
    assertEquals(Plot.WIDTH, png.getWidth());
    assertEquals(4 * Plot.GAP / 2 + 2 * Plot.PANEL + Plot.GAP, png.getHeight());
    // The spectrum line's highest point is the fundamental: find its column, turn it into Hz.
    int top = 2 * Plot.GAP + Plot.PANEL;
    int bestX = -1;
    int bestY = Integer.MAX_VALUE;
    for (int x = Plot.GAP; x < Plot.WIDTH - Plot.GAP; x++) {
      for (int y = top; y < top + Plot.PANEL; y++) {
        if ((png.getRGB(x, y) & 0xFFFFFF) == (Plot.SPECTRUM.getRGB() & 0xFFFFFF) && y < bestY) {
          bestY = y;
          bestX = x;
        }
      }
    }
    double hz = Plot.MIN_HZ * Math.pow(Plot.MAX_HZ / Plot.MIN_HZ, (bestX - Plot.GAP) / (double) (Plot.WIDTH - 2 * Plot.GAP));
    assertEquals(261.6, hz, 261.6 * 0.03, "within a pixel of middle C: " + hz);
    // 0.25 · 0.8 = -14 dBFS: 14/120 of the panel below its top, within two pixels.
    assertEquals(top + 14.0 / 120 * (Plot.PANEL - 1), bestY, 2.5);
    // The waveform panel holds the wave: blue pixels fill most columns of the overview.
    int columns = 0;
    for (int x = Plot.GAP + 1; x < Plot.GAP + 500; x++) {
      for (int y = Plot.GAP; y < Plot.GAP + Plot.PANEL; y++) {
        if ((png.getRGB(x, y) & 0xFFFFFF) == (Plot.WAVE.getRGB() & 0xFFFFFF)) {
          columns++;
          break;
        }
      }
    }
    assertTrue(columns > 450, columns + " columns show the wave");
  }

  @Test
  void twoRunsGiveTheSameBytesAndASecondRunRewritesNothing() throws Exception {
    List<Path> jars = examples();
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    DocGen.generate(jars, a, false, QUIET);
    List<String> names;
    try (var list = Files.list(a)) {
      names = list.map(p -> p.getFileName().toString()).sorted().toList();
    }
    for (String name : names) {
      Files.setLastModifiedTime(a.resolve(name), FileTime.fromMillis(0));
    }
    DocGen.generate(jars, b, false, QUIET);
    DocGen.generate(jars, a, false, QUIET);
    assertEquals(List.of("README.md", "org.patchwork.examples.gain.md", "org.patchwork.examples.gain.png",
        "org.patchwork.examples.sine.md", "org.patchwork.examples.sine.png"), names);
    for (String name : names) {
      assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
      assertEquals(0, Files.getLastModifiedTime(a.resolve(name)).toMillis(), name + " was not rewritten");
    }
  }

  @Test
  void cleanRemovesPagesOfModulesThatAreGoneAndNothingElse() throws Exception {
    Path out = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(out.resolve("org.example.gone.md"), "old");
    Files.writeString(out.resolve("org.example.gone.png"), "old");
    Files.writeString(out.resolve("notes.txt"), "mine");
    DocGen.generate(examples(), out, true, QUIET);
    assertFalse(Files.exists(out.resolve("org.example.gone.md")));
    assertFalse(Files.exists(out.resolve("org.example.gone.png")));
    assertTrue(Files.exists(out.resolve("notes.txt")));
    assertTrue(Files.exists(out.resolve("org.patchwork.examples.sine.md")));
  }

  @Test
  void badArgumentsExitTwoWithAMessage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(2, DocGen.run(new String[] {"x.jar"}, QUIET, e));
    assertEquals(2, DocGen.run(new String[] {"--out", dir.toString(), dir.resolve("none.jar").toString()}, QUIET, e));
    assertEquals(2, DocGen.run(new String[] {"--out", dir.toString(), "--frobnicate"}, QUIET, e));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("docgen: no such jar or folder: x.jar"), text);
    assertTrue(text.contains("docgen: no such jar or folder: " + dir.resolve("none.jar")), text);
    assertTrue(text.contains("docgen: unknown option --frobnicate"), text);
  }
}
