package org.patchwork.sequencer.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.Envelope;
import org.patchwork.sequencer.Instrument;
import org.patchwork.sequencer.Line;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.NoteNames;
import org.patchwork.sequencer.ParamTarget;
import org.patchwork.sequencer.Pattern;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongSettings;
import org.patchwork.sequencer.SongTrack;

/**
 * Writes a song as the JSON {@link SongReader} reads: only what differs from the defaults,
 * empty lines left out, decimals as written.
 */
public final class SongWriter {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private SongWriter() {
  }

  /** The song as pretty-printed JSON text. */
  public static String write(Song song) {
    try {
      return MAPPER.writeValueAsString(tree(song));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a song tree always serialises", e);
    }
  }

  /** The song as a JSON tree. */
  public static ObjectNode tree(Song song) {
    ObjectNode n = MAPPER.createObjectNode();
    SongSettings s = song.settings();
    n.put("bpm", s.bpm());
    n.put("linesPerBeat", s.linesPerBeat());
    n.put("ticksPerLine", s.ticksPerLine());
    if (!s.groove().isEmpty()) {
      ArrayNode g = n.putArray("groove");
      s.groove().forEach(g::add);
    }
    if (!s.humanize().isNone() || s.humanize().seed() != 0) {
      ObjectNode h = n.putObject("humanize");
      h.put("timing", s.humanize().timing());
      h.put("velocity", s.humanize().velocity());
      h.put("seed", s.humanize().seed());
    }
    ArrayNode instruments = n.putArray("instruments");
    for (Instrument i : song.instruments()) {
      instruments.addObject().put("name", i.name()).put("output", i.output());
    }
    ArrayNode tracks = n.putArray("tracks");
    for (SongTrack t : song.tracks()) {
      ObjectNode tn = tracks.addObject();
      tn.put("name", t.name());
      tn.put("colour", String.format(Locale.ROOT, "#%06x", t.colour()));
      if (t.mute()) {
        tn.put("mute", true);
      }
      if (t.solo()) {
        tn.put("solo", true);
      }
      tn.put("output", t.output());
      tn.put("noteColumns", t.noteColumns());
      tn.put("effectColumns", t.effectColumns());
      target(tn, "volume", t.volume());
      target(tn, "pan", t.pan());
      target(tn, "sampleOffset", t.sampleOffset());
      if (!t.slots().isEmpty()) {
        ObjectNode slots = tn.putObject("slots");
        t.slots().forEach((k, v) -> target(slots, Integer.toHexString(k).toUpperCase(Locale.ROOT), v));
      }
    }
    ArrayNode patterns = n.putArray("patterns");
    for (Pattern p : song.patterns()) {
      ObjectNode pn = patterns.addObject();
      pn.put("length", p.length());
      ArrayNode pt = pn.putArray("tracks");
      for (List<Line> lines : p.tracks()) {
        ArrayNode ln = pt.addArray();
        for (int l = 0; l < lines.size(); l++) {
          Line line = lines.get(l);
          if (!line.isEmpty()) {
            line(ln.addObject().put("line", l), line);
          }
        }
      }
    }
    ArrayNode order = n.putArray("order");
    song.order().forEach(order::add);
    ArrayNode automation = n.putArray("automation");
    for (Envelope e : song.automation()) {
      ObjectNode en = automation.addObject();
      en.put("param", e.target());
      ArrayNode points = en.putArray("points");
      for (Envelope.Point pt : e.points()) {
        ObjectNode pn = points.addObject();
        pn.put("line", pt.position());
        pn.put("value", pt.value());
        pn.put("curve", pt.curve().name().toLowerCase(Locale.ROOT));
        if (pt.curvature() != 0) {
          pn.put("curvature", pt.curvature());
        }
      }
    }
    return n;
  }

  private static void line(ObjectNode n, Line line) {
    if (!line.notes().isEmpty()) {
      ArrayNode notes = n.putArray("notes");
      for (NoteCell c : line.notes()) {
        if (c.isEmpty()) {
          notes.addNull();
          continue;
        }
        ObjectNode cn = notes.addObject();
        if (c.key() != NoteCell.NONE) {
          String name = NoteNames.format(c.key());
          if (name == null) {
            cn.put("note", c.key());
          } else {
            cn.put("note", name);
          }
        }
        if (c.instrument() >= 0) {
          cn.put("instrument", c.instrument());
        }
        if (c.volume() >= 0) {
          cn.put("volume", c.volume());
        }
        if (c.pan() >= 0) {
          cn.put("pan", c.pan());
        }
        if (c.delay() != 0) {
          cn.put("delay", c.delay());
        }
      }
    }
    if (!line.effects().isEmpty()) {
      ArrayNode effects = n.putArray("effects");
      for (EffectCell e : line.effects()) {
        if (e.isEmpty()) {
          effects.addNull();
        } else {
          effects.add(e.toString());
        }
      }
    }
  }

  private static void target(ObjectNode parent, String field, ParamTarget t) {
    if (t != null) {
      parent.putObject(field).put("param", t.id()).put("min", t.min()).put("max", t.max());
    }
  }
}
