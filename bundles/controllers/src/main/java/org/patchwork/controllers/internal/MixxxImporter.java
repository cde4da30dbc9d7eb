package org.patchwork.controllers.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Turns a Mixxx MIDI mapping ({@code *.midi.xml}) into a Patchwork controller profile, where the
 * concepts match: a deck's play, stop, volume, pan and mute become the transport and the mixer
 * track of the same number (deck N: track N−1), library navigation becomes tracker navigation,
 * and the play and mute indicators become LED feedback. Everything else (script bindings, which
 * are code; effects, EQs, cue points, pitch) is listed in {@link Result#skipped} and left out.
 * The XML is parsed with DTDs and external entities disabled.
 */
final class MixxxImporter {

  /**
   * @param json the profile, valid against the profile rules
   * @param imported how many Mixxx controls became bindings or feedback
   * @param skipped what was left out, one line each, with the reason
   */
  record Result(String json, int imported, List<String> skipped) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CHANNEL = Pattern.compile("\\[Channel(\\d{1,2})]");

  private MixxxImporter() {
  }

  static Result convert(String source, byte[] xml) {
    Document doc = parse(source, xml);
    Element root = doc.getDocumentElement();
    if (!root.getTagName().equals("MixxxControllerPreset") && !root.getTagName().equals("MixxxMIDIPreset")) {
      throw new IllegalArgumentException(source + ": not a Mixxx MIDI mapping (root element <" + root.getTagName() + ">)");
    }
    Element controller = child(root, "controller");
    if (controller == null) {
      throw new IllegalArgumentException(source + ": no <controller> element");
    }
    String device = controller.getAttribute("id").strip();
    String name = text(child(root, "info"), "name");
    if (name.isEmpty()) {
      name = device.isEmpty() ? "Imported Mixxx mapping" : device;
    }
    Map<String, ObjectNode> controls = new LinkedHashMap<>();
    ArrayNode bindings = JSON.createArrayNode();
    ArrayNode feedback = JSON.createArrayNode();
    List<String> skipped = new ArrayList<>();
    int imported = 0;
    for (Element c : children(child(controller, "controls"), "control")) {
      String group = text(c, "group");
      String key = text(c, "key");
      String what = group + " " + key;
      Element options = child(c, "options");
      if (options != null && child(options, "script-binding") != null) {
        skipped.add(what + ": a script binding (code), not data");
        continue;
      }
      String action = action(group, key);
      if (action == null) {
        skipped.add(what + ": no Patchwork equivalent");
        continue;
      }
      ObjectNode control = control(c, controls, what, skipped);
      if (control == null) {
        continue;
      }
      String mode = mode(options);
      if (mode != null) {
        control.put("mode", mode);
      }
      ObjectNode b = bindings.addObject();
      b.put("control", control.get("id").asText());
      b.put("action", action);
      int track = track(group);
      if (track >= 0 && action.startsWith("track.")) {
        b.put("track", track);
      }
      if (options != null && child(options, "soft-takeover") != null) {
        skipped.add(what + ": soft-takeover not carried over (profile bindings jump)");
      }
      imported++;
    }
    for (Element o : children(child(controller, "outputs"), "output")) {
      String group = text(o, "group");
      String key = text(o, "key");
      String what = group + " " + key + " (output)";
      String state = switch (key) {
        case "play_indicator", "play" -> "transport.playing";
        case "mute" -> "track.muted";
        default -> null;
      };
      if (state == null || (state.equals("track.muted") && track(group) < 0)) {
        skipped.add(what + ": no Patchwork state to show");
        continue;
      }
      ObjectNode control = control(o, controls, what, skipped);
      if (control == null) {
        continue;
      }
      ObjectNode f = feedback.addObject();
      f.put("control", control.get("id").asText());
      f.put("state", state);
      if (state.equals("track.muted")) {
        f.put("track", track(group));
      }
      f.put("on", hex(text(o, "on"), 0x7F));
      f.put("off", hex(text(o, "off"), 0));
      imported++;
    }
    ObjectNode profile = JSON.createObjectNode();
    profile.put("format", ProfileReader.FORMAT);
    profile.put("id", "mixxx." + slug(name));
    profile.put("name", name);
    profile.put("vendor", text(child(root, "info"), "author"));
    profile.put("version", "1.0.0");
    profile.put("reference", "Imported from the Mixxx mapping " + source);
    profile.putObject("match").putArray("portNames").add("(?i)" + Pattern.quote(device.isEmpty() ? name : device));
    ArrayNode cs = profile.putArray("controls");
    controls.values().forEach(cs::add);
    profile.set("bindings", bindings);
    profile.set("feedback", feedback);
    String json;
    try {
      json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(profile) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ProfileReader.read(source + " (imported)", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new Result(json, imported, List.copyOf(skipped));
  }

  /** The Patchwork action of a Mixxx control, or null. */
  private static String action(String group, String key) {
    if (group.equals("[Library]") || group.equals("[Playlist]")) {
      return switch (key) {
        case "MoveUp", "SelectPrevTrack" -> "tracker.line-up";
        case "MoveDown", "SelectNextTrack" -> "tracker.line-down";
        default -> null;
      };
    }
    if (track(group) < 0) {
      return null;
    }
    return switch (key) {
      case "play" -> "transport.toggle";
      case "start_play" -> "transport.play";
      case "stop" -> "transport.stop";
      case "volume" -> "track.volume";
      case "pan", "balance" -> "track.pan";
      case "mute" -> "track.mute";
      default -> null;
    };
  }

  private static int track(String group) {
    Matcher m = CHANNEL.matcher(group);
    return m.matches() ? Integer.parseInt(m.group(1)) - 1 : -1;
  }

  private static String mode(Element options) {
    if (options == null) {
      return null;
    }
    for (Element o : children(options, null)) {
      switch (o.getTagName().toLowerCase(Locale.ROOT)) {
        case "rot64", "rot64inv", "rot64fast" -> {
          return "relative-binary-offset";
        }
        case "diff", "selectknob" -> {
          return "relative-twos-complement";
        }
        default -> { }
      }
    }
    return null;
  }

  /** The control for this element's status and number, made once per (message, channel, number). */
  private static ObjectNode control(Element e, Map<String, ObjectNode> controls, String what, List<String> skipped) {
    int status = hex(text(e, "status"), -1);
    int number = hex(text(e, "midino"), -1);
    String message = switch (status & 0xF0) {
      case 0x80, 0x90 -> "note";
      case 0xB0 -> "cc";
      default -> null;
    };
    if (status < 0x80 || status > 0xEF || number < 0 || number > 127 || message == null) {
      skipped.add(what + ": status " + text(e, "status") + " / midino " + text(e, "midino") + " is not a note or CC");
      return null;
    }
    String key = message + ":" + (status & 0x0F) + ":" + number;
    return controls.computeIfAbsent(key, k -> {
      ObjectNode c = JSON.createObjectNode();
      c.put("id", message + "-" + (status & 0x0F) + "-" + number);
      c.put("type", message.equals("note") ? "button" : "fader");
      c.put("message", message);
      c.put("channel", status & 0x0F);
      c.put("number", number);
      return c;
    });
  }

  private static int hex(String s, int otherwise) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    try {
      return t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : t.isEmpty() ? otherwise : Integer.parseInt(t);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "controller" : s.length() > 48 ? s.substring(0, 48).replaceAll("-+$", "") : s;
  }

  private static Document parse(String source, byte[] xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException(source + ": not well-formed XML: " + e.getMessage());
    }
  }

  private static Element child(Element parent, String tag) {
    List<Element> c = children(parent, tag);
    return c.isEmpty() ? null : c.getFirst();
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element parent, String tag) {
    Element e = child(parent, tag);
    return e == null ? "" : e.getTextContent().strip();
  }
}
