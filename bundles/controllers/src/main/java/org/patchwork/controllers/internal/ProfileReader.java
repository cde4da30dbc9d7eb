package org.patchwork.controllers.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.patchwork.sdk.control.Mapping;

/**
 * Reads a controller profile strictly: every field is checked for type and range, unknown
 * fields and dangling references are refused, and the first problem is reported with its JSON
 * path ({@code $.controls[3].number: must be within 0..127}). Nothing is half-read.
 */
final class ProfileReader {

  static final String FORMAT = "patchwork-controller-profile/1";
  static final int MAX_BYTES = 256 * 1024;
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final String source;

  private ProfileReader(String source) {
    this.source = source;
  }

  /** A profile from JSON bytes. @throws ProfileException naming {@code source}, the path and the rule */
  static Profile read(String source, byte[] json) {
    if (json.length > MAX_BYTES) {
      throw new ProfileException(source, "$", "a profile is at most " + MAX_BYTES + " bytes");
    }
    JsonNode root;
    try (JsonParser p = JSON.createParser(json)) {
      root = JSON.readTree(p);
    } catch (IOException e) {
      throw new ProfileException(source, "$", "not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
    return new ProfileReader(source).profile(root == null ? JSON.nullNode() : root);
  }

  private Profile profile(JsonNode n) {
    fields(n, "$", Set.of("$schema", "format", "id", "name", "vendor", "version", "reference", "notes", "match",
        "init", "colors", "controls", "bindings", "feedback"), Set.of("format", "id", "name", "match", "controls"));
    if (!FORMAT.equals(n.get("format").asText())) {
      fail("$.format", "must be \"" + FORMAT + "\"");
    }
    String id = text(n, "$", "id", true);
    if (!id.matches("[a-z0-9]+([.-][a-z0-9]+)*")) {
      fail("$.id", "must be lowercase words joined by '.' or '-', e.g. korg.nanokontrol2");
    }
    Map<String, Integer> colours = colours(n.get("colors"));
    List<Profile.Control> controls = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    JsonNode cs = array(n, "$", "controls");
    for (int i = 0; i < cs.size(); i++) {
      Profile.Control c = control(cs.get(i), "$.controls[" + i + "]");
      if (!ids.add(c.id())) {
        fail("$.controls[" + i + "].id", "another control has the id '" + c.id() + "'");
      }
      controls.add(c);
    }
    List<Profile.Binding> bindings = new ArrayList<>();
    JsonNode bs = n.has("bindings") ? array(n, "$", "bindings") : JSON.createArrayNode();
    for (int i = 0; i < bs.size(); i++) {
      bindings.add(binding(bs.get(i), "$.bindings[" + i + "]", ids));
    }
    List<Profile.Feedback> feedback = new ArrayList<>();
    JsonNode fs = n.has("feedback") ? array(n, "$", "feedback") : JSON.createArrayNode();
    for (int i = 0; i < fs.size(); i++) {
      feedback.add(feedback(fs.get(i), "$.feedback[" + i + "]", ids, colours));
    }
    List<byte[]> init = new ArrayList<>();
    JsonNode is = n.has("init") ? array(n, "$", "init") : JSON.createArrayNode();
    for (int i = 0; i < is.size(); i++) {
      init.add(midiHex(is.get(i), "$.init[" + i + "]"));
    }
    if (n.has("notes")) {
      text(n, "$", "notes", false);
    }
    if (n.has("$schema")) {
      text(n, "$", "$schema", false);
    }
    return new Profile(id, text(n, "$", "name", true), opt(n, "vendor"), opt(n, "version"), opt(n, "reference"),
        match(n.get("match"), "$.match"), List.copyOf(init), List.copyOf(controls), List.copyOf(bindings),
        List.copyOf(feedback));
  }

  private Profile.Match match(JsonNode n, String at) {
    fields(n, at, Set.of("portNames", "identity"), Set.of("portNames"));
    JsonNode names = array(n, at, "portNames");
    if (names.isEmpty()) {
      fail(at + ".portNames", "needs at least one pattern");
    }
    List<Pattern> patterns = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String p = names.get(i).isTextual() ? names.get(i).asText() : null;
      String path = at + ".portNames[" + i + "]";
      if (p == null || p.isEmpty() || p.length() > 200) {
        fail(path, "must be a regular expression of 1..200 characters");
      }
      try {
        patterns.add(Pattern.compile(p));
      } catch (PatternSyntaxException e) {
        fail(path, "not a regular expression: " + e.getDescription());
      }
    }
    Profile.Identity identity = null;
    if (n.has("identity")) {
      JsonNode id = n.get("identity");
      String p = at + ".identity";
      fields(id, p, Set.of("manufacturer", "family", "model"), Set.of("manufacturer"));
      identity = new Profile.Identity(hex(id, p, "manufacturer"), id.has("family") ? hex(id, p, "family") : "",
          id.has("model") ? hex(id, p, "model") : "");
    }
    return new Profile.Match(List.copyOf(patterns), identity);
  }

  private Profile.Control control(JsonNode n, String at) {
    fields(n, at, Set.of("id", "type", "message", "channel", "number", "count", "numbers", "grid", "mode", "label"),
        Set.of("id", "type", "message"));
    String id = text(n, at, "id", true);
    if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
      fail(at + ".id", "must be 1..64 letters, digits, '_', '.' or '-'");
    }
    String type = oneOf(n, at, "type", List.of("button", "fader", "knob", "encoder", "pad"));
    String message = oneOf(n, at, "message", List.of("cc", "note", "pitchbend"));
    int channel = n.has("channel") ? integer(n, at, "channel", 0, 15) : 0;
    List<Integer> numbers = new ArrayList<>();
    int forms = (n.has("number") ? 1 : 0) + (n.has("numbers") ? 1 : 0);
    if (forms != 1) {
      fail(at, "needs exactly one of \"number\" (with optional \"count\" or \"grid\") and \"numbers\"");
    }
    if (n.has("numbers")) {
      JsonNode ns = array(n, at, "numbers");
      if (ns.isEmpty() || ns.size() > 128) {
        fail(at + ".numbers", "needs 1..128 numbers");
      }
      for (int i = 0; i < ns.size(); i++) {
        numbers.add(intValue(ns.get(i), at + ".numbers[" + i + "]", 0, 127));
      }
    } else {
      int first = integer(n, at, "number", 0, message.equals("pitchbend") ? 0 : 127);
      if (n.has("grid")) {
        JsonNode g = n.get("grid");
        String p = at + ".grid";
        fields(g, p, Set.of("rows", "columns", "rowStride"), Set.of("rows", "columns"));
        int rows = integer(g, p, "rows", 1, 16);
        int columns = integer(g, p, "columns", 1, 16);
        int stride = g.has("rowStride") ? integer(g, p, "rowStride", 1, 127) : columns;
        for (int r = 0; r < rows; r++) {
          for (int c = 0; c < columns; c++) {
            numbers.add(first + r * stride + c);
          }
        }
      } else {
        int count = n.has("count") ? integer(n, at, "count", 1, 128) : 1;
        for (int i = 0; i < count; i++) {
          numbers.add(first + i);
        }
      }
      if (numbers.getLast() > 127) {
        fail(at, "its numbers run past 127");
      }
    }
    if (new HashSet<>(numbers).size() != numbers.size()) {
      fail(at, "a number appears twice");
    }
    Mapping.Mode mode = Mapping.Mode.ABSOLUTE;
    if (n.has("mode")) {
      String m = oneOf(n, at, "mode", List.of("absolute", "relative-twos-complement", "relative-binary-offset",
          "relative-signed-bit"));
      mode = Mapping.Mode.valueOf(m.toUpperCase(Locale.ROOT).replace('-', '_'));
      if (mode != Mapping.Mode.ABSOLUTE && !message.equals("cc")) {
        fail(at + ".mode", "relative modes are for \"cc\" controls");
      }
    }
    if (n.has("label")) {
      text(n, at, "label", false);
    }
    return new Profile.Control(id, type, message, channel, List.copyOf(numbers), mode);
  }

  private Profile.Binding binding(JsonNode n, String at, Set<String> controls) {
    fields(n, at, Set.of("control", "action", "track", "key", "node", "parameter", "min", "max"), Set.of("control", "action"));
    String control = text(n, at, "control", true);
    if (!controls.contains(control)) {
      fail(at + ".control", "no control has the id '" + control + "'");
    }
    String action = oneOf(n, at, "action", Profile.ACTIONS);
    int track = 0;
    if (n.has("track")) {
      track = n.get("track").isTextual() && n.get("track").asText().equals("selected") ? -1
          : integer(n, at, "track", 0, 9999);
    }
    int key = n.has("key") ? integer(n, at, "key", 0, 127) : 36;
    String node = "";
    String parameter = "";
    if (action.equals("parameter")) {
      node = text(n, at, "node", true);
      parameter = text(n, at, "parameter", true);
    } else if (n.has("node") || n.has("parameter")) {
      fail(at, "\"node\" and \"parameter\" belong to \"parameter\" bindings only");
    }
    double min = n.has("min") ? number(n, at, "min") : action.equals("transport.tempo") ? 60 : 0;
    double max = n.has("max") ? number(n, at, "max") : action.equals("transport.tempo") ? 180 : 1;
    if (min == max) {
      fail(at, "\"min\" and \"max\" must differ");
    }
    return new Profile.Binding(control, action, track, key, node, parameter, min, max);
  }

  private Profile.Feedback feedback(JsonNode n, String at, Set<String> controls, Map<String, Integer> colours) {
    fields(n, at, Set.of("control", "state", "track", "on", "off", "channel"), Set.of("control", "state", "on"));
    String control = text(n, at, "control", true);
    if (!controls.contains(control)) {
      fail(at + ".control", "no control has the id '" + control + "'");
    }
    String state = oneOf(n, at, "state", Profile.STATES);
    int track = 0;
    if (n.has("track")) {
      track = n.get("track").isTextual() && n.get("track").asText().equals("selected") ? -1
          : integer(n, at, "track", 0, 9999);
    }
    int on = value(n.get("on"), at + ".on", colours);
    int off = n.has("off") ? value(n.get("off"), at + ".off", colours) : 0;
    int channel = n.has("channel") ? integer(n, at, "channel", 0, 15) : -1;
    return new Profile.Feedback(control, state, track, on, off, channel);
  }

  private Map<String, Integer> colours(JsonNode n) {
    Map<String, Integer> out = new HashMap<>();
    if (n == null) {
      return out;
    }
    if (!n.isObject()) {
      fail("$.colors", "must be an object of names to values 0..127");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().matches("[a-z][a-z0-9-]{0,31}")) {
        fail("$.colors", "colour names are lowercase words joined by '-': " + e.getKey());
      }
      out.put(e.getKey(), intValue(e.getValue(), "$.colors." + e.getKey(), 0, 127));
    }
    return out;
  }

  private int value(JsonNode n, String at, Map<String, Integer> colours) {
    if (n.isTextual()) {
      Integer v = colours.get(n.asText());
      if (v == null) {
        fail(at, "no colour named '" + n.asText() + "' in $.colors");
      }
      return v;
    }
    return intValue(n, at, 0, 127);
  }

  private byte[] midiHex(JsonNode n, String at) {
    String s = n.isTextual() ? n.asText().replace(" ", "") : "";
    if (!s.matches("([0-9A-Fa-f]{2}){1,256}")) {
      fail(at, "must be a MIDI message in hex bytes, e.g. \"F0 7E 7F 06 01 F7\"");
    }
    byte[] b = new byte[s.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    if (org.patchwork.midi.MidiEvent.parse("", b, 0, b.length, 0, -1) == null) {
      fail(at, "is not one complete MIDI message");
    }
    return b;
  }

  private String hex(JsonNode n, String at, String field) {
    String s = text(n, at, field, true).replace(" ", "").toUpperCase(Locale.ROOT);
    if (!s.matches("([0-9A-F]{2}){1,4}")) {
      fail(at + "." + field, "must be 1..4 bytes in hex, e.g. \"47\" or \"00 20 29\"");
    }
    return s;
  }

  private void fields(JsonNode n, String at, Set<String> allowed, Set<String> required) {
    if (n == null || !n.isObject()) {
      fail(at, "must be an object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        fail(at + "." + f, "unknown field (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
    }
    for (String r : required.stream().sorted().toList()) {
      if (!n.has(r)) {
        fail(at + "." + r, "missing");
      }
    }
  }

  private String text(JsonNode n, String at, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || (required && v.asText().isBlank()) || v.asText().length() > 4000) {
      fail(at + "." + field, required ? "must be a non-empty string" : "must be a string");
    }
    return v.asText();
  }

  private static String opt(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null ? "" : v.asText();
  }

  private String oneOf(JsonNode n, String at, String field, List<String> allowed) {
    String v = text(n, at, field, true);
    if (!allowed.contains(v)) {
      fail(at + "." + field, "must be one of " + String.join(", ", allowed) + ": " + v);
    }
    return v;
  }

  private JsonNode array(JsonNode n, String at, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isArray()) {
      fail(at + "." + field, "must be an array");
    }
    if (v.size() > 4096) {
      fail(at + "." + field, "has more than 4096 items");
    }
    return v;
  }

  private int integer(JsonNode n, String at, String field, int min, int max) {
    return intValue(n.get(field), at + "." + field, min, max);
  }

  private int intValue(JsonNode v, String at, int min, int max) {
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
      fail(at, "must be a whole number within " + min + ".." + max);
    }
    return v.asInt();
  }

  private double number(JsonNode n, String at, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
      fail(at + "." + field, "must be a finite number");
    }
    return v.asDouble();
  }

  private void fail(String path, String rule) {
    throw new ProfileException(source, path, rule);
  }
}
