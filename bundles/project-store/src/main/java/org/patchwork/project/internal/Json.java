package org.patchwork.project.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.patchwork.project.ProjectFormatException;

/**
 * The one way this bundle reads and writes JSON. Reading is strict (a duplicate key or trailing
 * garbage is an error, not a silent last-one-wins) and keeps every number exactly as written
 * (BigDecimal), so doubles and floats come back bit for bit. Writing indents two spaces with
 * one field per line, which diffs well.
 */
public final class Json {

  /** Deeper nesting than this is refused: no project needs it and it guards the stack. */
  static final int MAX_DEPTH = 200;

  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH).maxNumberLength(400).maxStringLength(256 << 20).build());
  }

  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("").withArrayEmptySeparator(""))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private Json() {
  }

  /** Parses {@code bytes} into a tree; every failure names {@code source} and the position. */
  public static JsonNode read(String source, byte[] bytes) {
    try {
      JsonNode n = MAPPER.readTree(bytes);
      if (n == null || n.isMissingNode()) {
        throw new ProjectFormatException(source, null, "not valid JSON: the file is empty");
      }
      return n;
    } catch (JsonProcessingException e) {
      String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
          : e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("\\s*\\(for .*\\)$", "");
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new ProjectFormatException(source, null, "not valid JSON" + where + ": " + what);
    } catch (IOException e) {
      throw new ProjectFormatException(source, null, "cannot be read: " + e.getMessage());
    } catch (NumberFormatException e) {
      // Jackson reads numbers into BigDecimal and lets an exponent too large for it escape
      // as this unchecked exception (found by fuzzing).
      String what = e.getMessage() == null ? "" : e.getMessage();
      throw new ProjectFormatException(source, null, "not valid JSON: a number is out of range"
          + (what.length() > 80 ? ": " + what.substring(0, 80) + "..." : what.isEmpty() ? "" : ": " + what));
    }
  }

  /** Reads a JSON object, or says that the file must be one. */
  public static ObjectNode readObject(String source, byte[] bytes, String what) {
    JsonNode n = read(source, bytes);
    if (!n.isObject()) {
      throw new ProjectFormatException(source, "$", what + " must be a JSON object");
    }
    return (ObjectNode) n;
  }

  /** The tree as indented UTF-8 with a final newline. */
  public static byte[] write(JsonNode tree) {
    try {
      byte[] body = WRITER.writeValueAsBytes(tree);
      byte[] out = new byte[body.length + 1];
      System.arraycopy(body, 0, out, 0, body.length);
      out[body.length] = '\n';
      return out;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
