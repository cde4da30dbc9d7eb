package org.patchwork.sequencer.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.Envelope;
import org.patchwork.sequencer.Humanize;
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
 * Reads the song JSON of docs/sequencer.md, strictly: every unknown field, wrong type, value out
 * of range or broken reference is refused with the JSON path, and nothing is half-read.
 */
public final class SongReader extends JsonPaths {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final String root;

  /**
   * @param source names the input in messages (a file name)
   * @param root the JSON path of the song object, e.g. {@code $.song}
   */
  public SongReader(String source, String root) {
    super(source);
    this.root = root;
  }

  /** Parses JSON text. */
  public Song read(String json, BigDecimal defaultBpm) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw error(root, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    return read(n, defaultBpm);
  }

  /** Reads a parsed song object. */
  public Song read(JsonNode n, BigDecimal defaultBpm) {
    String p = root;
    fields(n, p, "bpm", "linesPerBeat", "ticksPerLine", "groove", "humanize", "instruments", "tracks",
        "patterns", "order", "automation");
    try {
      BigDecimal bpm = n.has("bpm") ? decimal(n.get("bpm"), p + ".bpm", "1", "999") : defaultBpm;
      int lpb = optionalInteger(n, "linesPerBeat", p, 1, 256, 4);
      int tpl = optionalInteger(n, "ticksPerLine", p, 1, 255, 6);
      List<BigDecimal> groove = list(n, "groove", p, false, (g, gp) -> {
        BigDecimal v = decimal(g, gp, "0", "1");
        if (v.compareTo(BigDecimal.ONE) == 0) {
          throw error(gp, "must be below 1 (a fraction of a line)");
        }
        return v;
      });
      Humanize humanize = n.has("humanize") ? humanize(n.get("humanize"), p + ".humanize") : Humanize.NONE;
      SongSettings settings = new SongSettings(bpm, lpb, tpl, groove, humanize);
      List<Instrument> instruments = list(n, "instruments", p, false, this::instrument);
      List<SongTrack> tracks = list(n, "tracks", p, false, this::track);
      List<Pattern> patterns = list(n, "patterns", p, false,
          (pn, pp) -> pattern(pn, pp, tracks, instruments.size()));
      List<Integer> order = list(n, "order", p, false, (o, op) -> integer(o, op, 0, patterns.size() - 1));
      List<Envelope> automation = list(n, "automation", p, false, this::envelope);
      List<String> targets = new ArrayList<>();
      for (int i = 0; i < automation.size(); i++) {
        if (targets.contains(automation.get(i).target())) {
          throw error(p + ".automation[" + i + "]", "a second envelope for " + automation.get(i).target());
        }
        targets.add(automation.get(i).target());
      }
      return new Song(settings, instruments, tracks, patterns, order, automation);
    } catch (IllegalArgumentException e) {
      if (e instanceof org.patchwork.engine.ProjectFormatException) {
        throw e;
      }
      throw error(p, e.getMessage());
    }
  }

  private Humanize humanize(JsonNode n, String p) {
    fields(n, p, "timing", "velocity", "seed");
    BigDecimal timing = n.has("timing") ? decimal(n.get("timing"), p + ".timing", "0", "0.5") : BigDecimal.ZERO;
    BigDecimal velocity = n.has("velocity") ? decimal(n.get("velocity"), p + ".velocity", "0", "1") : BigDecimal.ZERO;
    long seed = n.has("seed") ? longValue(n, "seed", p) : 0;
    return new Humanize(timing, velocity, seed);
  }

  private Instrument instrument(JsonNode n, String p) {
    fields(n, p, "name", "output");
    return new Instrument(optionalString(n, "name", p, ""), string(n, "output", p));
  }

  private SongTrack track(JsonNode n, String p) {
    fields(n, p, "name", "colour", "mute", "solo", "output", "noteColumns", "effectColumns", "volume", "pan",
        "sampleOffset", "slots");
    int colour = 0x808080;
    if (n.has("colour")) {
      String c = string(n, "colour", p);
      if (!c.matches("#[0-9a-fA-F]{6}")) {
        throw error(p + ".colour", "must be written #rrggbb: " + c);
      }
      colour = Integer.parseInt(c.substring(1), 16);
    }
    TreeMap<Integer, ParamTarget> slots = new TreeMap<>();
    if (n.has("slots")) {
      JsonNode s = object(n.get("slots"), p + ".slots");
      for (Map.Entry<String, JsonNode> e : s.properties()) {
        String sp = p + ".slots." + e.getKey();
        int slot;
        try {
          slot = Integer.parseInt(e.getKey(), 16);
        } catch (NumberFormatException ex) {
          throw error(sp, "a slot is a hex digit 0..F");
        }
        if (slot < 0 || slot >= SongTrack.SLOTS || e.getKey().length() != 1) {
          throw error(sp, "a slot is a hex digit 0..F");
        }
        slots.put(slot, target(e.getValue(), sp, 0, 1));
      }
    }
    return new SongTrack(optionalString(n, "name", p, ""), colour, bool(n, "mute", p), bool(n, "solo", p),
        string(n, "output", p), optionalInteger(n, "noteColumns", p, 1, 16, 1),
        optionalInteger(n, "effectColumns", p, 1, 8, 1),
        n.has("volume") ? target(n.get("volume"), p + ".volume", 0, 1) : null,
        n.has("pan") ? target(n.get("pan"), p + ".pan", -1, 1) : null,
        n.has("sampleOffset") ? target(n.get("sampleOffset"), p + ".sampleOffset", 0, 1) : null, slots);
  }

  private ParamTarget target(JsonNode n, String p, double min, double max) {
    fields(n, p, "param", "min", "max");
    try {
      return ParamTarget.parse(string(n, "param", p), optionalNumber(n, "min", p, min), optionalNumber(n, "max", p, max));
    } catch (IllegalArgumentException e) {
      throw error(p, e.getMessage());
    }
  }

  private Pattern pattern(JsonNode n, String p, List<SongTrack> tracks, int instruments) {
    fields(n, p, "length", "tracks");
    int length = integer(n, "length", p, 1, Pattern.MAX_LENGTH);
    if (!n.has("tracks")) {
      return Pattern.empty(length, tracks.size());
    }
    JsonNode all = n.get("tracks");
    if (!all.isArray()) {
      throw error(p + ".tracks", "must be an array");
    }
    if (all.size() != tracks.size()) {
      throw error(p + ".tracks", "has " + all.size() + " entries, the song " + tracks.size() + " tracks");
    }
    List<List<Line>> lines = new ArrayList<>();
    for (int t = 0; t < all.size(); t++) {
      lines.add(lines(all.get(t), p + ".tracks[" + t + "]", length, tracks.get(t), instruments));
    }
    return new Pattern(length, lines);
  }

  private List<Line> lines(JsonNode n, String p, int length, SongTrack track, int instruments) {
    List<Line> lines = new ArrayList<>(Collections.nCopies(length, Line.EMPTY));
    int last = -1;
    List<JsonNode> items = array(n, p, (x, xp) -> x);
    for (int i = 0; i < items.size(); i++) {
      JsonNode ln = items.get(i);
      String lp = p + "[" + i + "]";
      fields(ln, lp, "line", "notes", "effects");
      int at = integer(ln, "line", lp, 0, length - 1);
      if (at <= last) {
        throw error(lp + ".line", "lines must be in increasing order without repeats: " + at);
      }
      last = at;
      List<NoteCell> notes = list(ln, "notes", lp, false, (c, cp) -> note(c, cp, instruments));
      List<EffectCell> effects = list(ln, "effects", lp, false, (e, ep) -> {
        if (e.isNull()) {
          return EffectCell.EMPTY;
        }
        if (!e.isTextual()) {
          throw error(ep, "an effect is a string such as \"A0F\", or null");
        }
        try {
          return EffectCell.parse(e.textValue());
        } catch (IllegalArgumentException ex) {
          throw error(ep, ex.getMessage());
        }
      });
      if (notes.size() > track.noteColumns() || effects.size() > track.effectColumns()) {
        throw error(lp, "uses more columns than track '" + track.name() + "' has (" + track.noteColumns()
            + " note, " + track.effectColumns() + " effect)");
      }
      lines.set(at, new Line(notes, effects));
    }
    return lines;
  }

  private NoteCell note(JsonNode n, String p, int instruments) {
    if (n.isNull()) {
      return NoteCell.EMPTY;
    }
    fields(n, p, "note", "instrument", "volume", "pan", "delay");
    int key = NoteCell.NONE;
    if (n.has("note")) {
      JsonNode k = n.get("note");
      if (k.isTextual()) {
        try {
          key = NoteNames.parse(k.textValue());
        } catch (IllegalArgumentException e) {
          throw error(p + ".note", e.getMessage());
        }
      } else {
        key = integer(k, p + ".note", 0, 127);
      }
    }
    if (instruments == 0 && n.has("instrument")) {
      throw error(p + ".instrument", "the song has no instruments");
    }
    return new NoteCell(key, optionalInteger(n, "instrument", p, 0, instruments - 1, -1),
        optionalInteger(n, "volume", p, 0, 128, -1), optionalInteger(n, "pan", p, 0, 128, -1),
        optionalInteger(n, "delay", p, 0, 255, 0));
  }

  private Envelope envelope(JsonNode n, String p) {
    fields(n, p, "param", "points");
    ParamTarget target;
    try {
      target = ParamTarget.parse(string(n, "param", p), 0, 1);
    } catch (IllegalArgumentException e) {
      throw error(p + ".param", e.getMessage());
    }
    List<Envelope.Point> points = list(n, "points", p, true, (pn, pp) -> {
      fields(pn, pp, "line", "value", "curve", "curvature");
      BigDecimal at = decimal(required(pn, "line", pp), pp + ".line", "0", "100000000");
      String curve = optionalString(pn, "curve", pp, "linear");
      Envelope.Curve c;
      try {
        c = Envelope.Curve.valueOf(curve.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error(pp + ".curve", "must be step, linear, exponential or curved: " + curve);
      }
      double k = optionalNumber(pn, "curvature", pp, 0);
      if (k < -50 || k > 50) {
        throw error(pp + ".curvature", "must be within -50..50: " + k);
      }
      return new Envelope.Point(at, number(pn, "value", pp), c, k);
    });
    try {
      return new Envelope(target.node(), target.parameter(), points);
    } catch (IllegalArgumentException e) {
      throw error(p + ".points", e.getMessage());
    }
  }
}
