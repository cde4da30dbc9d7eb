package org.patchwork.marketplace.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.patchwork.repository.Catalogue;
import org.patchwork.repository.CatalogueJson;
import org.patchwork.repository.Digests;
import org.patchwork.repository.Keys;
import org.patchwork.repository.Signatures;

/**
 * A repository site on disk, written by the test with the format API (not the publishing tool,
 * which lives in another bundle): manifest-only bundles that export and import packages, a
 * hand-written R5 index, and a signed catalogue.
 */
final class TestSite {

  final Path dir;
  final KeyPair key = Keys.generate();
  private final Map<String, List<Catalogue.Release>> releases = new TreeMap<>();
  private final Map<String, String> resources = new LinkedHashMap<>();
  private final Map<String, String> keys = new TreeMap<>();
  long version;
  Duration validFor = Duration.ofDays(30);
  Instant now = Instant.now();

  TestSite(Path dir) {
    this.dir = dir;
    keys.put(Keys.fingerprint(key.getPublic()), Keys.base64(key.getPublic()));
  }

  Path publicKey() throws IOException {
    Path p = dir.resolveSibling(dir.getFileName() + "-public.key");
    Files.writeString(p, Keys.publicPem(key.getPublic()));
    return p;
  }

  String url() {
    return dir.toUri().toString();
  }

  /** Adds a bundle signed by the site's key. */
  TestSite bundle(String bsn, String version, Map<String, String> exports, Map<String, String> imports,
      Map<String, String> headers) throws IOException {
    return bundle(bsn, version, exports, imports, headers, key);
  }

  /** Adds a bundle signed by {@code publisher}; exports name version, imports name a range. */
  TestSite bundle(String bsn, String version, Map<String, String> exports, Map<String, String> imports,
      Map<String, String> headers, KeyPair publisher) throws IOException {
    String path = "bundles/" + bsn + "-" + version + ".jar";
    Path jar = dir.resolve(path);
    Files.createDirectories(jar.getParent());
    Manifest m = new Manifest();
    Attributes a = m.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue("Bundle-ManifestVersion", "2");
    a.putValue("Bundle-SymbolicName", bsn);
    a.putValue("Bundle-Version", version);
    if (!exports.isEmpty()) {
      a.putValue("Export-Package", String.join(",", exports.entrySet().stream()
          .map(e -> e.getKey() + ";version=\"" + e.getValue() + "\"").toList()));
    }
    if (!imports.isEmpty()) {
      a.putValue("Import-Package", String.join(",", imports.entrySet().stream()
          .map(e -> e.getKey() + ";version=\"" + e.getValue() + "\"").toList()));
    }
    headers.forEach(a::putValue);
    try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, m)) {
      out.flush();
    }
    String sha = Digests.sha256(jar);
    Files.writeString(dir.resolve(path + ".sig"), Signatures.sign(publisher, jar));
    String fp = Keys.fingerprint(publisher.getPublic());
    keys.put(fp, Keys.base64(publisher.getPublic()));
    releases.computeIfAbsent(bsn, k -> new ArrayList<>()).add(0, new Catalogue.Release(version, path, Files.size(jar),
        sha, path + ".sig", fp, "0.1.0", now.toString(), List.of()));
    StringBuilder x = new StringBuilder();
    x.append("<resource>\n<capability namespace='osgi.identity'><attribute name='osgi.identity' value='").append(bsn)
        .append("'/><attribute name='version' type='Version' value='").append(version).append("'/></capability>\n")
        .append("<capability namespace='osgi.content'><attribute name='osgi.content' value='")
        .append(sha.toUpperCase(Locale.ROOT)).append("'/><attribute name='url' value='").append(path)
        .append("'/></capability>\n");
    exports.forEach((p, v) -> x.append("<capability namespace='osgi.wiring.package'><attribute name='osgi.wiring.package'"
        + " value='" + p + "'/><attribute name='version' type='Version' value='" + v + "'/>"
        + "<attribute name='bundle-symbolic-name' value='" + bsn + "'/></capability>\n"));
    imports.forEach((p, range) -> {
      String[] bounds = range.replaceAll("[\\[\\)]", "").split(",");
      x.append("<requirement namespace='osgi.wiring.package'><directive name='filter' value='(&amp;(osgi.wiring.package="
          + p + ")(version&gt;=" + bounds[0] + ")(!(version&gt;=" + bounds[1] + ")))'/></requirement>\n");
    });
    x.append("</resource>\n");
    resources.put(bsn + "-" + version, x.toString());
    return this;
  }

  /** Writes the index and the catalogue, one version higher, signed. */
  byte[] write() throws IOException {
    byte[] index = ("<?xml version='1.0' encoding='UTF-8'?>\n<repository xmlns='http://www.osgi.org/xmlns/repository/v1.0.0'"
        + " name='test'>\n" + String.join("", resources.values()) + "</repository>\n").getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("index.xml"), index);
    List<Catalogue.Entry> entries = new ArrayList<>();
    releases.forEach((id, rels) -> entries.add(new Catalogue.Entry(id, id, "The " + id + " bundle.", "", "library",
        List.of("test"), "Tests", "Apache-2.0", "", List.of(), rels)));
    Catalogue c = new Catalogue(1, "test", ++version, now.toString(), now.plus(validFor).toString(),
        Keys.fingerprint(key.getPublic()), new Catalogue.FileRef("index.xml", index.length, Digests.sha256(index)),
        keys, entries);
    byte[] bytes = CatalogueJson.write(c);
    Files.write(dir.resolve("catalogue.json"), bytes);
    Files.writeString(dir.resolve("catalogue.json.sig"), Signatures.sign(key, bytes));
    return bytes;
  }
}
