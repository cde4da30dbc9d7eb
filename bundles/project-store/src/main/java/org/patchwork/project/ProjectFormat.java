package org.patchwork.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.project.internal.Json;
import org.patchwork.project.internal.Migrations;
import org.patchwork.project.internal.ModelCodec;
import org.patchwork.project.internal.ProjectReader;
import org.patchwork.project.internal.SchemaWriter;

/**
 * {@code project.json} as bytes: read (any version, migrated in memory, validated against the
 * schema, references checked) and written (always the current version).
 *
 * <pre>{@code
 * ProjectModel p = ProjectFormat.parse("song/project.json", bytes);
 * byte[] json = ProjectFormat.write(p, ProjectFormat.Write.PLAIN_AUTOMATION);
 * }</pre>
 *
 * <p>Thread: any; stateless.
 */
@ProviderType
public final class ProjectFormat {

  /** The version this code writes, and the newest it reads. */
  public static final int CURRENT_VERSION = 2;

  /** The project file's name inside a project folder. */
  public static final String FILE = "project.json";

  /** How to write. */
  public enum Write {
    /** Automation values as plain JSON arrays (diff-friendly) instead of packed base64. */
    PLAIN_AUTOMATION
  }

  /**
   * A project as read.
   *
   * @param model the project
   * @param foundVersion the version the file had
   * @param migrations what each migration step did; empty when the file was current
   */
  public record Parsed(ProjectModel model, int foundVersion, List<String> migrations) {
  }

  private ProjectFormat() {
  }

  /**
   * Reads a project of any version up to the current one.
   *
   * @param source the file's name for messages
   * @throws ProjectFormatException naming the file, the JSON path and the problem
   */
  public static ProjectModel parse(String source, byte[] json) {
    return read(source, json).model();
  }

  /** Like {@link #parse} and also says which version the file had and how it was migrated. */
  public static Parsed read(String source, byte[] json) {
    return ProjectReader.read(source, json);
  }

  /** The current-version JSON of {@code project}, indented, ending in a newline. */
  public static byte[] write(ProjectModel project, Write... options) {
    boolean plain = List.of(options).contains(Write.PLAIN_AUTOMATION);
    ObjectNode tree = Json.MAPPER.createObjectNode();
    tree.put("formatVersion", CURRENT_VERSION);
    tree.setAll((ObjectNode) ModelCodec.write(project, ProjectModel.class, !plain));
    return Json.write(tree);
  }

  /**
   * The format version {@code json} declares, checked as on reading.
   *
   * @throws ProjectFormatException if it is not JSON, names no version or a future one
   */
  public static int version(String source, byte[] json) {
    return Migrations.version(source, Json.readObject(source, json, "a project"));
  }

  /** The JSON Schema (draft 2020-12) of the current version. */
  public static String schema() {
    JsonNode schema = SchemaWriter.schema();
    return new String(Json.write(schema), StandardCharsets.UTF_8);
  }
}
