package org.patchwork.marketplace.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.patchwork.repository.Catalogue;
import org.patchwork.repository.Digests;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sdk.module.ModuleFactory;

/**
 * A project's lockfile as the marketplace reads it: the {@code lockfile[]} section of a format 2
 * {@code project.json} (module, bundle, version, sha256, hashOf; docs/persistence.md), read with
 * Jackson from the JSON tree so that a format 1 file, which has none, reads as an empty lockfile.
 * A module is missing when no {@link ModuleFactory} service carries its id; the project's own
 * modules are those its nodes name, plus those its lockfile names.
 */
final class Lockfile {

  /** One lockfile line. {@code hashOf} is {@code jar} (the jar's SHA-256) or {@code entries}. */
  record Lock(String module, String bundle, String version, String sha256, String hashOf) {
    boolean ofJar() {
      return hashOf.equals("jar");
    }
  }

  /** A module the project uses that nothing running offers; {@code lock} is null when not locked. */
  record Missing(String module, Lock lock) {
  }

  /** What the marketplace needs of a project file. */
  record Project(Path file, List<String> modules, Map<String, Lock> locks) {

    /** The modules used that no ModuleFactory service offers, in the order the file names them. */
    List<Missing> missing(BundleContext context) {
      List<Missing> out = new ArrayList<>();
      for (String m : modules) {
        if (!offered(context, m)) {
          out.add(new Missing(m, locks.get(m)));
        }
      }
      return out;
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Lockfile() {
  }

  /** Reads a project folder's {@code project.json}, or the file itself. */
  static Project read(Path folderOrJson) throws IOException {
    Path file = Files.isDirectory(folderOrJson) ? folderOrJson.resolve("project.json") : folderOrJson;
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = MAPPER.readTree(in);
    } catch (NoSuchFileException e) {
      throw new UsageException("market: no project at " + folderOrJson + " (no " + file.getFileName() + ")");
    } catch (JacksonException e) {
      throw new UsageException("market: " + file + " is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new UsageException("market: " + file + " is not a project (not a JSON object)");
    }
    Set<String> modules = new LinkedHashSet<>();
    JsonNode nodes = root.path("nodes");
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode m = nodes.get(i).path("module");
      if (m.isTextual() && !m.asText().isBlank()) {
        modules.add(m.asText());
      }
    }
    Map<String, Lock> locks = new LinkedHashMap<>();
    JsonNode lockfile = root.path("lockfile");
    if (!lockfile.isMissingNode() && !lockfile.isNull() && !lockfile.isArray()) {
      throw new UsageException("market: " + file + ": $.lockfile is not a list");
    }
    for (int i = 0; i < lockfile.size(); i++) {
      Lock l = lock(file, "$.lockfile[" + i + "]", lockfile.get(i));
      locks.put(l.module(), l);
      modules.add(l.module());
    }
    return new Project(file, List.copyOf(modules), Collections.unmodifiableMap(locks));
  }

  private static Lock lock(Path file, String path, JsonNode n) {
    String module = text(file, path, n, "module");
    String bundle = text(file, path, n, "bundle");
    String version = text(file, path, n, "version");
    String sha = text(file, path, n, "sha256");
    String hashOf = n.path("hashOf").isTextual() ? n.path("hashOf").asText() : "jar";
    if (!sha.matches("[0-9a-f]{64}")) {
      throw new UsageException("market: " + file + ": " + path + ".sha256 is not a SHA-256 in lowercase hex");
    }
    if (!hashOf.equals("jar") && !hashOf.equals("entries")) {
      throw new UsageException("market: " + file + ": " + path + ".hashOf is 'jar' or 'entries', not '" + hashOf + "'");
    }
    try {
      Version.parseVersion(version);
    } catch (IllegalArgumentException e) {
      throw new UsageException("market: " + file + ": " + path + ".version is not a version: " + version);
    }
    return new Lock(module, bundle, version, sha, hashOf);
  }

  private static String text(Path file, String path, JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new UsageException("market: " + file + ": " + path + "." + field + " is missing");
    }
    return v.asText();
  }

  /** Whether a {@link ModuleFactory} service offers {@code moduleId} in this framework. */
  static boolean offered(BundleContext context, String moduleId) {
    try {
      // All references, not only those of this bundle's class space: the question is whether
      // the host has the module at all.
      return context.getAllServiceReferences(ModuleFactory.class.getName(),
          "(" + ModuleFactory.MODULE_ID + "=" + escape(moduleId) + ")") != null;
    } catch (InvalidSyntaxException e) {
      return false;
    }
  }

  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
  }

  /**
   * The install requests for {@code locks}, one per bundle, after checking that a repository
   * offers each exact version and, for a jar digest, with the same SHA-256.
   *
   * @throws UsageException naming the module whose version is not offered or differs
   */
  static List<Planner.Request> requests(List<Lock> locks, List<Catalogues.Verified> repos) {
    Map<String, Lock> byBundle = new LinkedHashMap<>();
    for (Lock l : locks) {
      Lock other = byBundle.putIfAbsent(l.bundle(), l);
      if (other != null && (!other.version().equals(l.version()) || !other.sha256().equals(l.sha256()))) {
        throw new UsageException("the lockfile locks " + l.bundle() + " twice, to " + other.version() + " (module "
            + other.module() + ") and to " + l.version() + " (module " + l.module() + ")");
      }
    }
    List<Planner.Request> requests = new ArrayList<>();
    for (Lock l : byBundle.values()) {
      Version wanted = Version.parseVersion(l.version());
      List<String> versions = new ArrayList<>();
      List<String> digests = new ArrayList<>();
      boolean match = false;
      for (Catalogues.Verified v : repos) {
        for (Catalogue.Release r : v.catalogue().entry(l.bundle()).map(Catalogue.Entry::versions).orElse(List.of())) {
          if (!Version.parseVersion(r.version()).equals(wanted)) {
            versions.add(r.version());
            continue;
          }
          if (!l.ofJar() || r.sha256().equals(l.sha256())) {
            match = true;
          } else {
            digests.add("'" + v.repo().name() + "' has " + r.sha256().substring(0, 16) + "...");
          }
        }
      }
      if (!match && !digests.isEmpty()) {
        throw new UsageException("module " + l.module() + ": the lockfile wants " + l.bundle() + " " + l.version()
            + " with SHA-256 " + l.sha256().substring(0, 16) + "..., but repository " + String.join(", ", digests)
            + ": not the bundle the project was saved with");
      }
      if (!match) {
        throw new UsageException("module " + l.module() + ": the lockfile wants " + l.bundle() + " " + l.version()
            + ", which no repository offers" + (versions.isEmpty() ? "" : " (versions offered: "
            + String.join(", ", versions) + ")"));
      }
      requests.add(new Planner.Request(l.bundle(), wanted.toString(), l.ofJar() ? l.sha256() : null));
    }
    return requests;
  }

  /** The check of each downloaded jar against its lock: the jar's digest, or its entries'. */
  static Transaction.JarCheck check(List<Lock> locks) {
    return (step, jar) -> {
      for (Lock l : locks) {
        if (!l.bundle().equals(step.id())) {
          continue;
        }
        String actual = l.ofJar() ? Digests.sha256(jar) : entriesSha256(jar);
        if (!actual.equals(l.sha256())) {
          throw new UsageException("module " + l.module() + ": " + step.id() + " " + step.release().version()
              + " has SHA-256 " + actual.substring(0, 16) + "... (of its " + (l.ofJar() ? "jar" : "entries")
              + "), but the lockfile wants " + l.sha256().substring(0, 16) + "...: not the bundle the project was"
              + " saved with");
        }
      }
    };
  }

  /**
   * The SHA-256 the project store records for a bundle installed without a file ({@code hashOf:
   * entries}): over each file entry's path (with a leading {@code /}), a NUL, its bytes and a NUL,
   * in path order. The marketplace installs from streams, so its bundles are locked this way.
   */
  static String entriesSha256(Path jar) throws IOException {
    MessageDigest d = Digests.sha256();
    try (JarFile j = new JarFile(jar.toFile(), false)) {
      List<JarEntry> entries = new ArrayList<>(Collections.list(j.entries()));
      entries.removeIf(JarEntry::isDirectory);
      entries.sort((a, b) -> ("/" + a.getName()).compareTo("/" + b.getName()));
      for (JarEntry e : entries) {
        d.update(("/" + e.getName()).getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        try (InputStream in = j.getInputStream(e)) {
          d.update(in.readAllBytes());
        }
        d.update((byte) 0);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
