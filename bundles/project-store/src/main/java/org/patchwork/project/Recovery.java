package org.patchwork.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.project.internal.Hashes;
import org.patchwork.project.internal.Json;
import org.patchwork.project.internal.NioDisk;
import org.patchwork.project.internal.ProjectReader;
import org.patchwork.project.internal.AtomicWriter;

/**
 * The recovery file autosave writes, {@value #FILE} beside {@code project.json}: the project
 * with its unsaved changes, when it was written and the SHA-256 of the {@code project.json} it
 * started from. It is removed only when a save makes it redundant ({@link Autosave#saved}), when
 * the user restores it, or when the user discards it (then it is renamed, not deleted).
 *
 * <pre>{@code
 * Optional<Recovery.Pending> r = Recovery.pending(dir);
 * if (r.isPresent() && ui.ask("Restore unsaved changes from " + r.get().savedAt() + "?")) {
 *   Recovery.restore(dir, store);
 * }
 * }</pre>
 */
@ProviderType
public final class Recovery {

  /** The recovery file's name in a project folder. */
  public static final String FILE = "project.recovery.json";

  /** The recovery file's own format version. */
  public static final int VERSION = 1;

  /**
   * A recovery file found in a project folder.
   *
   * @param file the file
   * @param savedAt when autosave wrote it
   * @param basedOnCurrent whether it was made from the project.json that is there now (false:
   *     the project was saved or changed elsewhere since)
   * @param project the project with the unsaved changes
   */
  public record Pending(Path file, Instant savedAt, boolean basedOnCurrent, ProjectModel project) {
  }

  private Recovery() {
  }

  /**
   * The recovery file in {@code projectDir}, if there is one. Reading never changes anything;
   * a recovery file that cannot be read is reported, not ignored.
   *
   * @throws ProjectFormatException if the file is there but damaged
   */
  public static Optional<Pending> pending(Path projectDir) throws IOException {
    Path file = projectDir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    String source = file.toString();
    ObjectNode root = Json.readObject(source, Files.readAllBytes(file), "a recovery file");
    JsonNode v = root.get("formatVersion");
    if (v == null || !v.isIntegralNumber() || v.intValue() != VERSION) {
      throw new ProjectFormatException(source, "$.formatVersion", v != null && v.isIntegralNumber() && v.intValue() > VERSION
          ? "format version " + v.intValue() + " is newer than this Patchwork reads (up to " + VERSION + ")"
          : "must be " + VERSION);
    }
    Instant savedAt;
    try {
      savedAt = Instant.parse(root.path("savedAt").asText());
    } catch (DateTimeParseException e) {
      throw new ProjectFormatException(source, "$.savedAt", "not an ISO-8601 instant");
    }
    JsonNode project = root.get("project");
    if (project == null || !project.isObject()) {
      throw new ProjectFormatException(source, "$.project", "missing or not an object");
    }
    ProjectModel model = ProjectReader.read(source + " $.project", Json.write(project)).model();
    Path current = projectDir.resolve(ProjectFormat.FILE);
    String base = root.path("base").isTextual() ? root.get("base").textValue() : null;
    String now = Files.exists(current) ? Hashes.sha256(Files.readAllBytes(current)) : null;
    boolean basedOnCurrent = base == null ? now == null : base.equals(now);
    return Optional.of(new Pending(file, savedAt, basedOnCurrent, model));
  }

  /**
   * Saves the recovered project as the project (the replaced one becomes
   * {@code project.json.bak}) and removes the recovery file.
   *
   * @return the recovered project
   */
  public static ProjectModel restore(Path projectDir, ProjectStore store) throws IOException {
    Pending p = pending(projectDir).orElseThrow(() -> new java.nio.file.NoSuchFileException(
        projectDir.resolve(FILE).toString(), null, "no recovery file"));
    ProjectModel saved = store.save(projectDir, p.project());
    clear(projectDir);
    return saved;
  }

  /**
   * Sets the recovery file aside as {@code project.recovery-<time>.json.discarded} (it is kept,
   * not deleted, in case the user changes their mind).
   *
   * @return where it went
   */
  public static Path discard(Path projectDir) throws IOException {
    Path file = projectDir.resolve(FILE);
    Path aside = projectDir.resolve("project.recovery-" + Instant.now().toString().replace(':', '-') + ".json.discarded");
    NioDisk.INSTANCE.move(file, aside);
    NioDisk.INSTANCE.syncDirectory(projectDir);
    return aside;
  }

  static void write(Path projectDir, ProjectModel model, Instant at) throws IOException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("formatVersion", VERSION);
    root.put("savedAt", at.toString());
    Path current = projectDir.resolve(ProjectFormat.FILE);
    if (Files.exists(current)) {
      root.put("base", Hashes.sha256(Files.readAllBytes(current)));
    }
    root.set("project", Json.read("recovery", ProjectFormat.write(model)));
    NioDisk.INSTANCE.createDirectories(projectDir);
    new AtomicWriter(NioDisk.INSTANCE).write(projectDir.resolve(FILE), Json.write(root));
  }

  static void clear(Path projectDir) throws IOException {
    Files.deleteIfExists(projectDir.resolve(FILE));
    NioDisk.INSTANCE.syncDirectory(projectDir);
  }
}
