package org.patchwork.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presets pack JSON and a preview like projects, with the same checks. */
class PresetTest {

  @TempDir
  Path tmp;

  @Test
  void aPresetWithPreviewRoundTrips() throws Exception {
    Preset preset = new Preset("Warm bass", "org.patchwork.dsp.subtractive", Map.of("cutoff", 400.0, "q", 0.7), "AAEC");
    byte[] preview = AudioFixtures.aiff(2, 44100, 16, 44100, 2, "sowt");
    Path file = tmp.resolve("warm.pwpreset");
    Presets.write(file, preset, preview);
    Presets.Loaded loaded = Presets.read(file, PackLimits.DEFAULT);
    assertEquals(preset, loaded.preset());
    assertArrayEquals(preview, loaded.previewFile());
    assertEquals(44100, loaded.preview().frames());
  }

  @Test
  void aLongPreviewOrAForeignEntryIsRefused() throws Exception {
    Preset preset = new Preset("Pad", "org.patchwork.dsp.subtractive", null, null);
    Path file = tmp.resolve("pad.pwpreset");
    byte[] tooLong = AudioFixtures.wav(1, 8000, 8, 8000 * 31, 1);
    ProjectFormatException e = assertThrows(ProjectFormatException.class, () -> Presets.write(file, preset, tooLong));
    assertEquals(file + ": the preview is 31 s long; at most 30 s", e.getMessage());
    assertTrue(Files.notExists(file));

    RawZip z = new RawZip();
    z.add("manifest.json", "{\"formatVersion\": 1, \"kind\": \"preset\", \"entries\": []}".getBytes());
    z.add("preset.json", "{}".getBytes());
    z.add("../../.bashrc", "evil".getBytes());
    Files.write(file, z.bytes());
    e = assertThrows(ProjectFormatException.class, () -> Presets.read(file, PackLimits.DEFAULT));
    assertEquals(file + ": entry '../../.bashrc' escapes the target folder ('..')", e.getMessage());
  }
}
