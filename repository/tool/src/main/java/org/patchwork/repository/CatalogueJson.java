package org.patchwork.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Version;

/**
 * Reads and writes {@code catalogue.json}. Reading is strict: an unknown field, a newer format,
 * a path that leaves the site, a malformed digest or version, or a key whose fingerprint does not
 * match is refused with a message naming it, because the catalogue is input from the network.
 * Writing is deterministic (sorted keys, two-space indent), so the same catalogue gives the same
 * bytes and the same signature.
 *
 * <pre>{@code
 * Catalogue c = CatalogueJson.read(Files.readAllBytes(site.resolve(SiteLayout.CATALOGUE)));
 * byte[] bytes = CatalogueJson.write(c);
 * }</pre>
 */
@ProviderType
public final class CatalogueJson {

  /** Catalogues larger than this are refused before parsing. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private CatalogueJson() {
  }

  /**
   * Parses and checks a catalogue.
   *
   * @throws InvalidCatalogueException naming the first problem
   */
  public static Catalogue read(byte[] bytes) throws InvalidCatalogueException {
    if (bytes.length > MAX_BYTES) {
      throw new InvalidCatalogueException("the catalogue is larger than " + MAX_BYTES + " bytes");
    }
    Catalogue c;
    try {
      c = MAPPER.readValue(bytes, Catalogue.class);
    } catch (IOException e) {
      String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new InvalidCatalogueException("the catalogue is not valid catalogue JSON: " + m);
    }
    check(c);
    return c;
  }

  /** The catalogue's bytes, after checking it as {@link #read} would. */
  public static byte[] write(Catalogue c) throws InvalidCatalogueException {
    check(c);
    try {
      byte[] body = MAPPER.writeValueAsBytes(c);
      byte[] withNewline = java.util.Arrays.copyOf(body, body.length + 1);
      withNewline[body.length] = '\n';
      return withNewline;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a checked catalogue always serialises", e);
    }
  }

  /** The instant an ISO-8601 field names (already checked by {@link #read}). */
  public static Instant instant(String iso) {
    return Instant.parse(iso);
  }

  /** Whether {@code path} is a relative path inside a site (no {@code ..}, no absolute path). */
  public static boolean safePath(String path) {
    if (path == null || !SAFE_PATH.matcher(path).matches()) {
      return false;
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        return false;
      }
    }
    return true;
  }

  private static void check(Catalogue c) throws InvalidCatalogueException {
    require(c != null, "the catalogue is empty");
    require(c.format() == Catalogue.FORMAT, "catalogue format " + c.format()
        + " is not the format this Patchwork reads (" + Catalogue.FORMAT + "); update Patchwork");
    require(c.version() >= 1, "catalogue version must be 1 or more, not " + c.version());
    require(instantOk(c.published()), "published is not an ISO-8601 instant: " + c.published());
    require(instantOk(c.expires()), "expires is not an ISO-8601 instant: " + c.expires());
    require(c.repositoryKey() != null && HEX64.matcher(c.repositoryKey()).matches(),
        "repositoryKey is not a key fingerprint: " + c.repositoryKey());
    require(c.index() != null, "the catalogue names no index");
    checkFile(c.index(), "index");
    for (Map.Entry<String, String> k : c.keys().entrySet()) {
      String fingerprint;
      try {
        fingerprint = Keys.fingerprint(Keys.publicKey(k.getValue()));
      } catch (IllegalArgumentException e) {
        throw new InvalidCatalogueException("key " + k.getKey() + " is " + e.getMessage());
      }
      require(fingerprint.equals(k.getKey()), "key listed as " + k.getKey() + " has fingerprint " + fingerprint);
    }
    Set<String> ids = new HashSet<>();
    for (Catalogue.Entry e : c.bundles()) {
      require(e != null && e.id() != null && SYMBOLIC_NAME.matcher(e.id()).matches(), "a bundle has a bad id: "
          + (e == null ? null : e.id()));
      require(ids.add(e.id()), "bundle " + e.id() + " is listed twice");
      require(e.name() != null && !e.name().isBlank(), "bundle " + e.id() + " has no name");
      require(!e.versions().isEmpty(), "bundle " + e.id() + " has no versions");
      for (Catalogue.Screenshot s : e.screenshots()) {
        require(s != null && safePath(s.path()) && s.sha256() != null && HEX64.matcher(s.sha256()).matches(),
            "bundle " + e.id() + " has a bad screenshot entry");
      }
      Set<Version> versions = new HashSet<>();
      for (Catalogue.Release r : e.versions()) {
        require(r != null, "bundle " + e.id() + " has an empty version");
        String what = e.id() + " " + r.version();
        require(versionOk(r.version()), "bundle " + e.id() + " has a bad version: " + r.version());
        require(versions.add(Version.parseVersion(r.version())), what + " is listed twice");
        checkFile(new Catalogue.FileRef(r.path(), r.size(), r.sha256()), what);
        require(safePath(r.signature()), what + ": bad signature path " + r.signature());
        require(r.publisherKey() != null && c.keys().containsKey(r.publisherKey()),
            what + ": its publisher key " + r.publisherKey() + " is not in the catalogue's keys");
        require(r.minimumHostVersion() == null || versionOk(r.minimumHostVersion()),
            what + ": bad minimumHostVersion " + r.minimumHostVersion());
        require(r.published() == null || instantOk(r.published()), what + ": bad published instant");
      }
    }
  }

  private static void checkFile(Catalogue.FileRef f, String what) throws InvalidCatalogueException {
    require(safePath(f.path()), what + ": path " + f.path() + " is not a relative path inside the site");
    require(f.size() >= 0, what + ": negative size");
    require(f.sha256() != null && HEX64.matcher(f.sha256()).matches(), what + ": sha256 is not 64 lowercase hex digits");
  }

  private static boolean instantOk(String s) {
    try {
      Instant.parse(s);
      return true;
    } catch (DateTimeParseException | NullPointerException e) {
      return false;
    }
  }

  private static boolean versionOk(String s) {
    try {
      Version.parseVersion(s);
      return s != null && !s.isBlank();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void require(boolean rule, String message) throws InvalidCatalogueException {
    if (!rule) {
      throw new InvalidCatalogueException(message);
    }
  }

  /** A catalogue this code will not use; the message says why. */
  public static final class InvalidCatalogueException extends IOException {
    private static final long serialVersionUID = 1L;

    public InvalidCatalogueException(String message) {
      super(message);
    }
  }
}
