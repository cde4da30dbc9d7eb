package org.patchwork.sequencer.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.patchwork.sequencer.Edit;

/**
 * The journal's JSON through Jackson data binding. The API's records carry no Jackson
 * annotations: the {@code op} names of the edits are given here by a mix-in, and only record
 * components are bound (no getters such as {@code isEmpty()}), so the journal is exactly the
 * edits' data. Unknown fields and ops are refused.
 */
public final class JournalCodec {

  /** The journal format this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Edit.SetBpm.class, name = "setBpm"),
      @JsonSubTypes.Type(value = Edit.SetLinesPerBeat.class, name = "setLinesPerBeat"),
      @JsonSubTypes.Type(value = Edit.SetTicksPerLine.class, name = "setTicksPerLine"),
      @JsonSubTypes.Type(value = Edit.SetGroove.class, name = "setGroove"),
      @JsonSubTypes.Type(value = Edit.SetHumanize.class, name = "setHumanize"),
      @JsonSubTypes.Type(value = Edit.AddInstrument.class, name = "addInstrument"),
      @JsonSubTypes.Type(value = Edit.SetInstrument.class, name = "setInstrument"),
      @JsonSubTypes.Type(value = Edit.RemoveInstrument.class, name = "removeInstrument"),
      @JsonSubTypes.Type(value = Edit.AddTrack.class, name = "addTrack"),
      @JsonSubTypes.Type(value = Edit.RemoveTrack.class, name = "removeTrack"),
      @JsonSubTypes.Type(value = Edit.SetTrack.class, name = "setTrack"),
      @JsonSubTypes.Type(value = Edit.AddPattern.class, name = "addPattern"),
      @JsonSubTypes.Type(value = Edit.RemovePattern.class, name = "removePattern"),
      @JsonSubTypes.Type(value = Edit.SetPatternLength.class, name = "setPatternLength"),
      @JsonSubTypes.Type(value = Edit.SetOrder.class, name = "setOrder"),
      @JsonSubTypes.Type(value = Edit.SetNote.class, name = "setNote"),
      @JsonSubTypes.Type(value = Edit.SetEffect.class, name = "setEffect"),
      @JsonSubTypes.Type(value = Edit.InsertLine.class, name = "insertLine"),
      @JsonSubTypes.Type(value = Edit.DeleteLine.class, name = "deleteLine"),
      @JsonSubTypes.Type(value = Edit.SetEnvelope.class, name = "setEnvelope"),
      @JsonSubTypes.Type(value = Edit.RemoveEnvelope.class, name = "removeEnvelope"),
      @JsonSubTypes.Type(value = Edit.Undo.class, name = "undo"),
      @JsonSubTypes.Type(value = Edit.Redo.class, name = "redo")})
  private abstract static class EditMixIn {
  }

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addMixIn(Edit.class, EditMixIn.class)
      .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
      .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
      .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();

  private JournalCodec() {
  }

  /** {@code {"formatVersion": 1, "entries": [...]}}. */
  public static String write(List<Edit> journal) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    ArrayNode entries = root.putArray("entries");
    for (Edit e : journal) {
      entries.add(MAPPER.valueToTree(new Holder(e)).get("edit"));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a journal always serialises", e);
    }
  }

  /** Wraps an edit so its type id is written (a root value of a sealed type is not polymorphic). */
  private record Holder(Edit edit) {
  }

  /**
   * Reads a journal.
   *
   * @throws IllegalArgumentException naming the entry and what is wrong with it
   */
  public static List<Edit> read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("journal: not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("formatVersion").isInt()
        || root.get("formatVersion").intValue() != FORMAT_VERSION || !root.path("entries").isArray()
        || root.size() != 2) {
      throw new IllegalArgumentException("journal: expected {\"formatVersion\": " + FORMAT_VERSION
          + ", \"entries\": [...]}");
    }
    List<Edit> out = new ArrayList<>();
    JsonNode entries = root.get("entries");
    for (int i = 0; i < entries.size(); i++) {
      try {
        out.add(MAPPER.treeToValue(entries.get(i), Edit.class));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        throw new IllegalArgumentException("journal entry " + i + ": " + why.lines().findFirst().orElse(""), e);
      }
    }
    return out;
  }
}
