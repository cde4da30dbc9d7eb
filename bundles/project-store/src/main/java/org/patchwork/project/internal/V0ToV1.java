package org.patchwork.project.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Version 0 (the pre-release prototype) to 1 (the engine's format). Version 0 had
 * {@code title}, {@code bpm} and {@code rate} where 1 has {@code name}, {@code tempo} and
 * {@code sampleRate}; its notes were top-level {@code events} with {@code pitch}, a MIDI
 * velocity {@code vel} of 1..127, {@code beat} and {@code beats}; tracks had {@code volume}
 * for {@code gainDb}.
 */
final class V0ToV1 implements Migration {

  @Override
  public int from() {
    return 0;
  }

  @Override
  public String summary() {
    return "title/bpm/rate renamed to name/tempo/sampleRate; events became notes with velocity 0..1; "
        + "track volume became gainDb";
  }

  @Override
  public void apply(ObjectNode root) {
    rename(root, "title", "name");
    rename(root, "bpm", "tempo");
    rename(root, "rate", "sampleRate");
    if (root.get("tracks") instanceof ArrayNode tracks) {
      for (JsonNode t : tracks) {
        if (t instanceof ObjectNode track) {
          rename(track, "volume", "gainDb");
        }
      }
    }
    JsonNode events = root.remove("events");
    if (events != null) {
      if (events instanceof ArrayNode list) {
        for (JsonNode e : list) {
          if (e instanceof ObjectNode note) {
            rename(note, "pitch", "key");
            rename(note, "beat", "start");
            rename(note, "beats", "length");
            JsonNode vel = note.remove("vel");
            if (vel != null && vel.isNumber()) {
              note.put("velocity", vel.decimalValue().divide(BigDecimal.valueOf(127), MathContext.DECIMAL64));
            } else if (vel != null) {
              note.set("velocity", vel);
            }
          }
        }
      }
      root.set("notes", events);
    }
    root.put("formatVersion", 1);
  }

  private static void rename(ObjectNode o, String from, String to) {
    JsonNode v = o.remove(from);
    if (v != null && !o.has(to)) {
      o.set(to, v);
    } else if (v != null) {
      o.set(from, v); // both present: leave it for the schema to name as unknown
    }
  }
}
