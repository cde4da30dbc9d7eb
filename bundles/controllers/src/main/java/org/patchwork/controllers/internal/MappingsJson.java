package org.patchwork.controllers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.patchwork.sdk.control.ControlEvent;
import org.patchwork.sdk.control.Mapping;
import org.patchwork.sdk.control.ParameterTarget;

/**
 * The {@code controllers} section of a project file, and the user defaults file, which has the
 * same shape (docs/controller-profiles.md, "Mappings in the project"):
 *
 * <pre>{@code
 * {"format": 1, "mappings": [{"source": "javasound:nanoKONTROL2", "kind": "cc", "channel": 0,
 *   "number": 16, "instance": "lead", "parameter": "cutoff", "mode": "absolute", "takeover": "pickup"}],
 *  "profiles": [{"port": "jack:midi_in", "profile": "korg.nanokontrol2"}]}
 * }</pre>
 *
 * <p>{@code profiles} (optional) are profile choices: the input port uses that profile whatever
 * its name matches.
 *
 * <p>Read strictly: the first broken rule is reported with its JSON path and nothing is loaded.
 */
final class MappingsJson {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> FIELDS = Set.of("source", "kind", "channel", "number", "instance", "parameter",
      "mode", "takeover");

  private MappingsJson() {
  }

  /**
   * A whole section.
   *
   * @param mappings the learned bindings
   * @param profiles profile id by input port id, in the order given
   */
  record Section(List<Mapping> mappings, java.util.Map<String, String> profiles) {
    Section {
      mappings = List.copyOf(mappings);
      profiles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(profiles));
    }
  }

  static ObjectNode write(Section section) {
    ObjectNode root = write(section.mappings());
    if (!section.profiles().isEmpty()) {
      ArrayNode list = root.putArray("profiles");
      section.profiles().forEach((port, profile) -> list.addObject().put("port", port).put("profile", profile));
    }
    return root;
  }

  /** Reads a whole section ({@code profiles} optional). */
  static Section section(String source, JsonNode root) {
    List<Mapping> mappings = read(source, root);
    java.util.Map<String, String> profiles = new java.util.LinkedHashMap<>();
    JsonNode list = root.path("profiles");
    if (!list.isMissingNode()) {
      if (!list.isArray()) {
        throw new IllegalArgumentException(source + ": $.profiles: must be an array");
      }
      for (int i = 0; i < list.size(); i++) {
        String at = source + ": $.profiles[" + i + "]";
        JsonNode o = list.get(i);
        if (!o.isObject()) {
          throw new IllegalArgumentException(at + ": must be an object");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
          String f = it.next();
          if (!f.equals("port") && !f.equals("profile")) {
            throw new IllegalArgumentException(at + "." + f + ": unknown field (allowed: port, profile)");
          }
        }
        String port = text(o, at, "port");
        if (profiles.put(port, text(o, at, "profile")) != null) {
          throw new IllegalArgumentException(at + ".port: port '" + port + "' has a profile already");
        }
      }
    }
    return new Section(mappings, profiles);
  }

  static ObjectNode write(List<Mapping> mappings) {
    ObjectNode root = F.objectNode();
    root.put("format", 1);
    ArrayNode list = root.putArray("mappings");
    for (Mapping m : mappings) {
      ObjectNode o = list.addObject();
      o.put("source", m.source());
      o.put("kind", kind(m.kind()));
      o.put("channel", m.channel());
      o.put("number", m.number());
      o.put("instance", m.target().instanceId());
      o.put("parameter", m.target().parameterId());
      o.put("mode", m.mode().name().toLowerCase().replace('_', '-'));
      o.put("takeover", m.takeover().name().toLowerCase());
    }
    return root;
  }

  static List<Mapping> read(String source, JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + ": $: the controllers section must be an object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("format") && !f.equals("mappings") && !f.equals("profiles")) {
        throw new IllegalArgumentException(source + ": $." + f + ": unknown field (allowed: format, mappings, profiles)");
      }
    }
    if (!root.path("format").isInt() || root.get("format").asInt() != 1) {
      throw new IllegalArgumentException(source + ": $.format: must be 1");
    }
    JsonNode list = root.path("mappings");
    if (!list.isArray()) {
      throw new IllegalArgumentException(source + ": $.mappings: must be an array");
    }
    List<Mapping> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = source + ": $.mappings[" + i + "]";
      JsonNode o = list.get(i);
      if (!o.isObject()) {
        throw new IllegalArgumentException(at + ": must be an object");
      }
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!FIELDS.contains(f)) {
          throw new IllegalArgumentException(at + "." + f + ": unknown field");
        }
      }
      String src = text(o, at, "source");
      ControlEvent.Kind kind = switch (text(o, at, "kind")) {
        case "cc" -> ControlEvent.Kind.CONTROL_CHANGE;
        case "note" -> ControlEvent.Kind.NOTE;
        case "pitchbend" -> ControlEvent.Kind.PITCH_BEND;
        case "program" -> ControlEvent.Kind.PROGRAM_CHANGE;
        case "osc" -> ControlEvent.Kind.OSC;
        default -> throw new IllegalArgumentException(at + ".kind: must be cc, note, pitchbend, program or osc");
      };
      int channel = integer(o, at, "channel", 0, 15);
      int number = integer(o, at, "number", 0, 127);
      ParameterTarget target = new ParameterTarget(text(o, at, "instance"), text(o, at, "parameter"));
      Mapping.Mode mode;
      Mapping.Takeover takeover;
      try {
        mode = Mapping.Mode.valueOf(text(o, at, "mode").toUpperCase().replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + ".mode: must be absolute, relative-twos-complement, "
            + "relative-binary-offset or relative-signed-bit");
      }
      try {
        takeover = Mapping.Takeover.valueOf(text(o, at, "takeover").toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + ".takeover: must be jump, pickup or scale");
      }
      out.add(new Mapping(src, kind, channel, number, target, mode, takeover));
    }
    return out;
  }

  static String kind(ControlEvent.Kind k) {
    return switch (k) {
      case CONTROL_CHANGE -> "cc";
      case NOTE -> "note";
      case PITCH_BEND -> "pitchbend";
      case PROGRAM_CHANGE -> "program";
      case OSC -> "osc";
    };
  }

  private static String text(JsonNode o, String at, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(at + "." + field + ": must be a non-empty string");
    }
    return v.asText();
  }

  private static int integer(JsonNode o, String at, String field, int min, int max) {
    JsonNode v = o.get(field);
    if (v == null || !v.isInt() || v.asInt() < min || v.asInt() > max) {
      throw new IllegalArgumentException(at + "." + field + ": must be a whole number within " + min + ".." + max);
    }
    return v.asInt();
  }
}
