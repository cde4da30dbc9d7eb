package org.patchwork.trackerio.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongJson;

/**
 * Writes an imported song as a project file (format 1, docs/project-format.md): one engine
 * track per instrument, built from its {@link Presets.Preset}, each sending to a reverb bus
 * ({@code space}), and a limiter on the master.
 */
public final class ProjectWriter {

  /** The reverb bus every instrument sends to. */
  public static final String SPACE = "space";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root = JSON.createObjectNode();
  private final ArrayNode nodes;
  private final ArrayNode tracks;

  /** A project named {@code name} at 48 kHz. */
  public ProjectWriter(String name) {
    root.put("formatVersion", 1);
    root.put("name", name);
    root.put("sampleRate", 48_000);
    root.put("tempo", 120); // set from the song by write
    nodes = root.putArray("nodes");
    root.putArray("connections");
    tracks = root.putArray("tracks");
  }

  /** Adds the engine track {@code id} playing {@code preset}. */
  public void instrument(String id, Presets.Preset preset) {
    ArrayNode chain = JSON.createArrayNode();
    for (Presets.Part p : preset.chain()) {
      String node = id + "-" + p.suffix();
      node(nodes, node, p.module(), p.params());
      chain.add(node);
    }
    ObjectNode t = tracks.addObject();
    t.put("id", id);
    t.set("chain", chain);
    t.put("gainDb", preset.gainDb());
    ObjectNode send = t.putArray("sends").addObject();
    send.put("bus", SPACE);
    send.put("levelDb", preset.sendDb());
  }

  private static void node(ArrayNode into, String id, String module, Map<String, Double> params) {
    ObjectNode n = into.addObject();
    n.put("id", id);
    n.put("module", module);
    ObjectNode p = n.putObject("params");
    params.forEach((k, v) -> {
      if (v == Math.rint(v) && Math.abs(v) < 1e9) {
        p.put(k, v.longValue());
      } else {
        p.put(k, v);
      }
    });
  }

  /** The project's JSON text with {@code song} (and its tempo as the project's). */
  public String write(Song song) {
    BigDecimal bpm = song.settings().bpm();
    ObjectNode out = JSON.createObjectNode();
    out.setAll(root);
    // The project's own tempo is a double; the song's bpm (exact) is what plays.
    out.put("tempo", bpm.doubleValue());
    ArrayNode all = nodes.deepCopy();
    node(all, SPACE + "-reverb", "org.patchwork.dsp.reverb", new java.util.TreeMap<>(Map.of("mix", 1.0,
        "decay", 1.8, "predelay", 20.0, "damping", 0.5)));
    node(all, "master-limiter", "org.patchwork.dsp.limiter", Map.of("ceiling", -1.0));
    out.set("nodes", all);
    ObjectNode bus = out.putArray("buses").addObject();
    bus.put("id", SPACE);
    bus.putArray("chain").add(SPACE + "-reverb");
    bus.put("gainDb", 0);
    ObjectNode master = out.putObject("master");
    master.putArray("chain").add("master-limiter");
    master.put("gainDb", 0);
    try {
      out.set("song", JSON.readTree(SongJson.write(song)));
      return JSON.writeValueAsString(out) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the song writer wrote JSON Jackson cannot read", e);
    }
  }
}
