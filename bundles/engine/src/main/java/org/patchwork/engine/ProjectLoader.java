package org.patchwork.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.engine.internal.ProjectJson;

/**
 * Reads a project file (format version {@value #FORMAT_VERSION}) and checks all of it, including
 * that every module is installed, before anything plays. A file with any unknown field, wrong
 * type, out-of-range value, broken reference or cycle is rejected with one line that names the
 * file, the JSON path and the rule.
 *
 * <pre>{@code
 * {"formatVersion": 1, "name": "demo", "sampleRate": 48000, "tempo": 120,
 *  "nodes": [{"id": "lead", "module": "org.patchwork.examples.sine", "params": {"gain": 0.3}}],
 *  "tracks": [{"id": "lead", "chain": ["lead"], "gainDb": -3, "pan": 0}],
 *  "notes": [{"track": "lead", "key": 60, "velocity": 0.8, "start": 0, "length": 0.5}]}
 * }</pre>
 *
 * <p>Optional top-level fields: {@code connections} ({@code from}, {@code to}, {@code channels},
 * {@code feedbackDelay}), {@code buses} ({@code id}, {@code chain}, {@code gainDb}),
 * {@code master} ({@code chain}, {@code gainDb}); tracks may have {@code mute}, {@code solo} and
 * {@code sends} ({@code bus}, {@code levelDb}); nodes may have {@code state} (base64); notes may
 * have {@code cents}, a tuning relative to the key within -2400..2400 (see {@link Note#cents()}),
 * e.g. {@code {"track": "pad", "key": 33, "velocity": 1, "start": 0, "length": 4, "cents": 0.52}}
 * sounds at 55.0165 Hz. Note times are in beats.
 *
 * <p>Instead of {@code notes} a project may carry a tracker {@code song} object. The loader
 * checks only that it is an object and that the project has no notes beside it, and keeps it
 * as JSON text in {@link Project#song()}; the sequencer bundle reads and checks it and compiles
 * it into a {@link Timeline} (docs/sequencer.md).
 */
@ProviderType
public final class ProjectLoader {

  /** The format version this loader reads. */
  public static final int FORMAT_VERSION = 1;

  /**
   * The newest format version this loader reads: version 2 adds the project store's sections
   * ({@code samples}, {@code automation}, {@code lockfile}, {@code controllers}; see
   * docs/persistence.md), which the engine does not need to play a project and skips.
   */
  public static final int NEWEST_FORMAT_VERSION = 2;

  private ProjectLoader() {
  }

  /**
   * Reads and checks {@code file}.
   *
   * @throws ProjectFormatException if the content is not an acceptable project
   * @throws IOException if the file cannot be read
   */
  public static Project load(Path file, ModuleRegistry registry) throws IOException {
    return parse(file.toString(), Files.readAllBytes(file), registry);
  }

  /**
   * Checks a project given as bytes.
   *
   * @param source how to name the input in messages, e.g. the file name
   * @throws ProjectFormatException if the content is not an acceptable project
   */
  public static Project parse(String source, byte[] json, ModuleRegistry registry) {
    return new ProjectJson(source, registry).read(json);
  }
}
