package org.patchwork.engine;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A project file could not be accepted. The message is one line naming the file, the JSON path
 * and the rule: {@code project.json: $.nodes[2].module: unknown module id: org.x.y (node 'lead')}.
 */
@ProviderType
public final class ProjectFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final String path;
  private final String reason;

  /**
   * @param source the file name as the user gave it
   * @param path JSON path such as {@code $.tracks[0].chain[1]}, or null when the file is not JSON
   * @param reason what is wrong there
   */
  public ProjectFormatException(String source, String path, String reason) {
    super(source + ": " + (path == null ? "" : path + ": ") + reason);
    this.source = source;
    this.path = path;
    this.reason = reason;
  }

  /** The file. */
  public String source() {
    return source;
  }

  /** Where in the file, as a JSON path; null for a syntax error. */
  public String path() {
    return path;
  }

  /** What is wrong, without file and path. */
  public String reason() {
    return reason;
  }
}
