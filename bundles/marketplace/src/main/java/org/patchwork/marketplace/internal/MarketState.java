package org.patchwork.marketplace.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the marketplace remembers between runs, as JSON files under
 * {@code $PATCHWORK_HOME/market}: the repositories added (with the highest catalogue version
 * seen, for rollback protection), the installed bundles (with the previous version kept for
 * {@code market rollback}), and the publisher key pinned per bundle id on first install. Files
 * are replaced atomically, so a crash leaves the old state or the new one.
 */
final class MarketState {

  /** A repository: where, which key signs its catalogue, the highest catalogue version seen. */
  record Repo(String name, String url, String key, long highestVersion) {
    Repo withHighest(long version) {
      return new Repo(name, url, key, Math.max(highestVersion, version));
    }
  }

  record Repositories(int format, List<Repo> repositories) {
    Repositories {
      repositories = repositories == null ? List.of() : List.copyOf(repositories);
    }
  }

  /** A kept jar of an installed bundle: version, digest, file (relative to the market folder), key. */
  record Artifact(String version, String sha256, String file, String publisherKey) {
  }

  /** An installed bundle: its current artifact, where it came from, and the one before. */
  record Installed(String id, Artifact current, String repository, String installed, Artifact previous) {
  }

  record Bundles(int format, Map<String, Installed> bundles, Map<String, String> pins) {
    Bundles {
      bundles = bundles == null ? new TreeMap<>() : new TreeMap<>(bundles);
      pins = pins == null ? new TreeMap<>() : new TreeMap<>(pins);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private MarketState() {
  }

  static Repositories readRepositories(Path file) throws IOException {
    return Files.exists(file) ? read(file, Repositories.class) : new Repositories(1, new ArrayList<>());
  }

  static Bundles readBundles(Path file) throws IOException {
    return Files.exists(file) ? read(file, Bundles.class) : new Bundles(1, null, null);
  }

  private static <T> T read(Path file, Class<T> type) throws IOException {
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new IOException(file + " is damaged (" + e.getMessage() + "); move it away to start afresh", e);
    }
  }

  static void write(Path file, Object value) throws IOException {
    writeBytes(file, MAPPER.writeValueAsBytes(value));
  }

  static void writeBytes(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".writing", ".tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      out.write(bytes);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
