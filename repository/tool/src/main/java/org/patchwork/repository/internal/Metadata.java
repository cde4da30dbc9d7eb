package org.patchwork.repository.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.patchwork.repository.Catalogue;
import org.patchwork.repository.JarInspector.BundleFacts;

/**
 * The descriptive fields of a catalogue entry. They come from an optional sidecar file beside
 * the jar ({@code NAME.json} for {@code NAME.jar}), else from manifest headers: Bundle-Name,
 * Bundle-Description, Bundle-Vendor (author), Bundle-License, Bundle-DocURL (homepage) and
 * Patchwork's own {@code Patchwork-Summary}, {@code Patchwork-Kind}, {@code Patchwork-Tags}
 * and {@code Patchwork-Minimum-Host}; the kind and tags otherwise follow from what the bundle
 * provides.
 */
record Metadata(
    String name,
    String summary,
    String description,
    String kind,
    List<String> tags,
    String author,
    String licence,
    String homepage,
    List<Sidecar.Shot> screenshots,
    String minimumHostVersion,
    Path sidecarFolder) {

  /** The host version a bundle needs when it says nothing. */
  static final String DEFAULT_MINIMUM_HOST = "0.1.0";

  /** The sidecar file's fields; all optional. */
  record Sidecar(
      String name,
      String summary,
      String description,
      String kind,
      List<String> tags,
      String author,
      String licence,
      String homepage,
      List<Shot> screenshots,
      String minimumHostVersion) {

    /** A screenshot file, relative to the sidecar, and its caption. */
    record Shot(String file, String caption) {
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  static Metadata of(Path jar, BundleFacts facts, List<Catalogue.ModuleInfo> modules) throws IOException {
    String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
    Path sidecarFile = jar.toAbsolutePath().resolveSibling(base + ".json");
    Sidecar s = new Sidecar(null, null, null, null, null, null, null, null, null, null);
    if (Files.isRegularFile(sidecarFile)) {
      try {
        s = MAPPER.readValue(sidecarFile.toFile(), Sidecar.class);
      } catch (IOException e) {
        throw new IOException(sidecarFile.getFileName() + " is not a valid sidecar file: " + e.getMessage(), e);
      }
    }
    for (Sidecar.Shot shot : s.screenshots() == null ? List.<Sidecar.Shot>of() : s.screenshots()) {
      if (shot.file() == null || !Files.isRegularFile(sidecarFile.resolveSibling(shot.file()))) {
        throw new IOException("screenshot " + shot.file() + " named by " + sidecarFile.getFileName() + " does not exist");
      }
    }
    Map<String, String> h = facts.headers();
    String description = first(s.description(), h.get("Bundle-Description"), "");
    String name = first(s.name(), h.get("Bundle-Name"), facts.symbolicName());
    String summary = first(s.summary(), h.get("Patchwork-Summary"), firstSentence(description), name);
    String kind = first(s.kind(), h.get("Patchwork-Kind"), kind(facts, modules));
    List<String> tags = s.tags() != null ? s.tags() : h.containsKey("Patchwork-Tags")
        ? List.of(h.get("Patchwork-Tags").split("\\s*,\\s*"))
        : List.copyOf(new TreeSet<>(modules.stream().flatMap(m -> m.tags().stream()).toList()));
    String licence = first(s.licence(), clause(h.get("Bundle-License")), "");
    return new Metadata(name, summary, description, kind, tags.stream().filter(t -> !t.isBlank()).toList(),
        first(s.author(), h.get("Bundle-Vendor"), ""), licence, first(s.homepage(), h.get("Bundle-DocURL"), ""),
        s.screenshots() == null ? List.of() : s.screenshots(),
        first(s.minimumHostVersion(), h.get("Patchwork-Minimum-Host"), DEFAULT_MINIMUM_HOST),
        sidecarFile.getParent());
  }

  /** What a bundle is, from the services its components provide and the packages it exports. */
  static String kind(BundleFacts facts, List<Catalogue.ModuleInfo> modules) throws IOException {
    if (!modules.isEmpty()) {
      return "module";
    }
    if (!DescriptorScan.implementations(facts, "org.patchwork.sdk.ui.UiPanel").isEmpty()) {
      return "panel";
    }
    if (!DescriptorScan.implementations(facts, "org.patchwork.sdk.project.ProjectRepository").isEmpty()) {
      return "storage";
    }
    if (!DescriptorScan.implementations(facts, "org.patchwork.sdk.control.ControllerMapper").isEmpty()
        || facts.headers().containsKey("Patchwork-Controller-Profiles")) {
      return "controller"; // a mapper, or a profile pack (data only, docs/controller-profiles.md)
    }
    return facts.headers().containsKey("Export-Package") ? "library" : "bundle";
  }

  private static String first(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank()) {
        return c.strip();
      }
    }
    return "";
  }

  private static String firstSentence(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    int dot = text.indexOf(". ");
    String s = dot < 0 ? text : text.substring(0, dot + 1);
    return s.length() > 160 ? s.substring(0, 157) + "..." : s;
  }

  private static String clause(String header) {
    return header == null ? null : header.split(";", 2)[0].strip();
  }
}
