package org.patchwork.project.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.patchwork.project.AudioData;
import org.patchwork.project.AudioFiles;
import org.patchwork.project.PackLimits;
import org.patchwork.project.Preset;
import org.patchwork.project.Presets;
import org.patchwork.project.ProjectFormatException;

/** Writes and reads {@code .pwpreset} files. */
public final class PresetPacks {

  /** The manifest's kind for presets. */
  static final String KIND = "preset";
  static final String FILE = "preset.json";
  /** preset.json's own format version. */
  static final int VERSION = 1;
  /** A preset file larger than this (inflated, per entry) is refused. */
  static final long MAX_ENTRY = 64 << 20;

  private PresetPacks() {
  }

  /** See {@link Presets#write}. */
  public static void write(Path out, Preset preset, byte[] preview) throws IOException {
    ObjectNode tree = Json.MAPPER.createObjectNode();
    tree.put("formatVersion", VERSION);
    tree.setAll((ObjectNode) ModelCodec.write(preset, Preset.class, true));
    byte[] json = Json.write(tree);
    readPreset(out + " " + FILE, json); // what is written must read back
    Map<String, byte[]> content = new LinkedHashMap<>();
    content.put(FILE, json);
    if (preview != null) {
      AudioData audio = checkPreview(out.toString(), preview);
      content.put("preview." + audio.container(), preview);
    }
    Map<String, PackManifest.Item> items = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<String, byte[]> e : content.entrySet()) {
      items.put(e.getKey(), new PackManifest.Item(e.getValue().length, Hashes.sha256(e.getValue())));
      total += e.getValue().length;
    }
    ProjectPacker.write(out, PackManifest.write(KIND, items), items, total, p -> { },
        name -> new ByteArrayInputStream(content.get(name)));
  }

  /** See {@link Presets#read}. */
  public static Presets.Loaded read(Path file, PackLimits limits) throws IOException {
    String source = file.toString();
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      ZipReader zip = new ZipReader(source, ch, limits);
      Map<String, byte[]> content = new HashMap<>();
      byte[] manifest = null;
      for (ZipReader.Entry e : zip.entries()) {
        String n = e.name();
        if (!n.equals(PackManifest.NAME) && !n.equals(FILE) && !n.equals("preview.wav") && !n.equals("preview.aiff")) {
          throw new ProjectFormatException(source, null, "unexpected entry '" + n
              + "' (a preset holds manifest.json, preset.json and preview.wav or preview.aiff)");
        }
        if (e.size() > MAX_ENTRY) {
          throw new ProjectFormatException(source, null, "entry '" + n + "' is " + e.size() + " bytes, more than "
              + MAX_ENTRY);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) e.size());
        zip.extract(e, out);
        if (n.equals(PackManifest.NAME)) {
          manifest = out.toByteArray();
        } else {
          content.put(n, out.toByteArray());
        }
      }
      if (manifest == null) {
        throw new ProjectFormatException(source, null, "no manifest.json: not a Patchwork preset");
      }
      Map<String, PackManifest.Item> listed = PackManifest.read(source, manifest, KIND);
      if (!listed.keySet().equals(content.keySet())) {
        throw new ProjectFormatException(source, null, "manifest.json lists " + listed.keySet()
            + " but the preset holds " + content.keySet());
      }
      for (Map.Entry<String, byte[]> e : content.entrySet()) {
        PackManifest.Item item = listed.get(e.getKey());
        String sha = Hashes.sha256(e.getValue());
        if (item.size() != e.getValue().length || !item.sha256().equals(sha)) {
          throw new ProjectFormatException(source, null, "entry '" + e.getKey() + "' fails its size or SHA-256 check");
        }
      }
      if (!content.containsKey(FILE)) {
        throw new ProjectFormatException(source, null, "no preset.json in the preset");
      }
      if (content.containsKey("preview.wav") && content.containsKey("preview.aiff")) {
        throw new ProjectFormatException(source, null, "two previews; a preset has one");
      }
      Preset preset = readPreset(source + " " + FILE, content.get(FILE));
      byte[] previewFile = content.containsKey("preview.wav") ? content.get("preview.wav") : content.get("preview.aiff");
      AudioData preview = previewFile == null ? null : checkPreview(source + " preview", previewFile);
      return new Presets.Loaded(preset, previewFile, preview);
    }
  }

  static Preset readPreset(String source, byte[] json) {
    ObjectNode root = Json.readObject(source, json, "a preset");
    com.fasterxml.jackson.databind.JsonNode v = root.get("formatVersion");
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new ProjectFormatException(source, "$.formatVersion", "missing or not a whole number");
    }
    if (v.intValue() > VERSION) {
      throw new ProjectFormatException(source, "$.formatVersion", "format version " + v.intValue()
          + " is newer than this Patchwork reads (up to " + VERSION + "): update Patchwork to open it");
    }
    if (v.intValue() < VERSION) {
      throw new ProjectFormatException(source, "$.formatVersion", "must be " + VERSION + " (found " + v.intValue() + ")");
    }
    Preset p = new ModelCodec(source).readRecord(root, Preset.class, "$", "formatVersion");
    if (p.name().isBlank() || p.module().isBlank()) {
      throw new ProjectFormatException(source, p.name().isBlank() ? "$.name" : "$.module", "must not be blank");
    }
    if (p.state() != null && !p.state().matches("[A-Za-z0-9+/]*={0,2}")) {
      throw new ProjectFormatException(source, "$.state", "not base64");
    }
    return p;
  }

  private static AudioData checkPreview(String source, byte[] preview) {
    AudioData audio = AudioFiles.read(source, preview);
    if (audio.frames() > audio.sampleRate() * Presets.MAX_PREVIEW_SECONDS) {
      throw new ProjectFormatException(source, null, "the preview is " + Math.round(audio.frames() / audio.sampleRate())
          + " s long; at most " + Presets.MAX_PREVIEW_SECONDS + " s");
    }
    return audio;
  }
}
