package org.patchwork.project;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.project.internal.PresetPacks;

/**
 * Instrument presets as {@code .pwpreset} files: {@code preset.json} and a short preview
 * ({@code preview.wav} or {@code preview.aiff}, at most {@value #MAX_PREVIEW_SECONDS} s), packed
 * and checked like project packs (manifest with SHA-256 per entry, the same refusals).
 *
 * <pre>{@code
 * Presets.write(Path.of("warm-bass.pwpreset"), new Preset("Warm bass", "org.patchwork.dsp.subtractive",
 *     Map.of("cutoff", 400.0), null), previewWavBytes);
 * Presets.Loaded p = Presets.read(Path.of("warm-bass.pwpreset"), PackLimits.DEFAULT);
 * }</pre>
 */
@ProviderType
public final class Presets {

  /** The file name extension of presets. */
  public static final String EXTENSION = ".pwpreset";

  /** The longest preview accepted. */
  public static final int MAX_PREVIEW_SECONDS = 30;

  /**
   * A preset as read.
   *
   * @param preset the preset
   * @param previewFile the preview's bytes as stored (WAV or AIFF), or null
   * @param preview the preview decoded, or null
   */
  public record Loaded(Preset preset, byte[] previewFile, AudioData preview) {
  }

  private Presets() {
  }

  /**
   * Writes {@code preset} with a preview (WAV or AIFF bytes, or null) to {@code out}, atomically.
   *
   * @throws ProjectFormatException if the preview is not audio this bundle reads or too long
   */
  public static void write(Path out, Preset preset, byte[] preview) throws IOException {
    PresetPacks.write(out, preset, preview);
  }

  /**
   * Reads and checks a {@code .pwpreset}; nothing is written to disk.
   *
   * @throws ProjectFormatException naming the file and what is wrong
   */
  public static Loaded read(Path file, PackLimits limits) throws IOException {
    return PresetPacks.read(file, limits);
  }
}
