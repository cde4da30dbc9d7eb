package org.patchwork.project;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A file could not be accepted: not JSON, not the shape the schema describes, a broken
 * reference, a format version from the future, bad audio, a hostile pack. The message is one
 * line naming the file, the JSON path when there is one, and the problem:
 * {@code songs/a/project.json: $.notes[3].key: must be at most 127 (found 300)}.
 */
@ProviderType
public class ProjectFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final String path;
  private final String reason;

  /**
   * @param source the file, as the user named it
   * @param path a JSON path such as {@code $.tracks[0].chain[1]}, or null
   * @param reason what is wrong
   */
  public ProjectFormatException(String source, String path, String reason) {
    super(oneLine(source) + ": " + (path == null ? "" : oneLine(path) + ": ") + oneLine(reason));
    this.source = oneLine(source);
    this.path = path == null ? null : oneLine(path);
    this.reason = oneLine(reason);
  }

  /**
   * The text with control characters shown as a backslash, 'u' and four hex digits: a field name
   * may hold a newline (found by fuzzing) and a message is one line.
   */
  private static String oneLine(String s) {
    if (s == null || s.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    s.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return out.toString();
  }

  /** The file. */
  public String source() {
    return source;
  }

  /** Where in the file, as a JSON path; null when the problem is not at one place. */
  public String path() {
    return path;
  }

  /** What is wrong, without file and path. */
  public String reason() {
    return reason;
  }
}
