package org.patchwork.project.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.patchwork.project.ProjectFormat;
import org.patchwork.project.ProjectFormatException;

/** The chain of migrations, oldest first: version 0 up to {@link ProjectFormat#CURRENT_VERSION}. */
public final class Migrations {

  private static final List<Migration> CHAIN = List.of(new V0ToV1(), new V1ToV2());

  static {
    for (int i = 0; i < CHAIN.size(); i++) {
      if (CHAIN.get(i).from() != i) {
        throw new IllegalStateException("migration " + i + " reads version " + CHAIN.get(i).from());
      }
    }
    if (CHAIN.size() != ProjectFormat.CURRENT_VERSION) {
      throw new IllegalStateException("the chain ends at " + CHAIN.size() + ", not " + ProjectFormat.CURRENT_VERSION);
    }
  }

  private Migrations() {
  }

  /**
   * The {@code formatVersion} of {@code root}, checked: present, a whole number, not negative
   * and not newer than this code reads.
   */
  public static int version(String source, ObjectNode root) {
    JsonNode v = root.get("formatVersion");
    if (v == null || v.isNull()) {
      throw new ProjectFormatException(source, "$.formatVersion", "missing (every Patchwork file names its format version)");
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new ProjectFormatException(source, "$.formatVersion", "must be a whole number (found " + abbreviate(v) + ")");
    }
    int version = v.intValue();
    if (version > ProjectFormat.CURRENT_VERSION) {
      throw new ProjectFormatException(source, "$.formatVersion", "format version " + version
          + " is newer than this Patchwork reads (up to " + ProjectFormat.CURRENT_VERSION
          + "): update Patchwork to open it");
    }
    if (version < 0) {
      throw new ProjectFormatException(source, "$.formatVersion", "must not be negative (found " + version + ")");
    }
    return version;
  }

  /** Brings {@code root} to the current version in place; returns what each step did. */
  public static List<String> upgrade(String source, ObjectNode root) {
    List<String> done = new ArrayList<>();
    for (int v = version(source, root); v < ProjectFormat.CURRENT_VERSION; v++) {
      Migration m = CHAIN.get(v);
      m.apply(root);
      done.add(v + " -> " + (v + 1) + ": " + m.summary());
    }
    return done;
  }

  private static String abbreviate(JsonNode v) {
    String s = v.toString();
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
