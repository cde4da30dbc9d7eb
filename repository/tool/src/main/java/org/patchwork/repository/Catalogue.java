package org.patchwork.repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Version;

/**
 * A repository's catalogue: what it offers, described for people and pinned by digest. It is
 * signed as a whole by the repository key ({@link SiteLayout#CATALOGUE_SIGNATURE}); its
 * {@code version} only goes up and it {@code expires}, so a client refuses a replayed old
 * catalogue (rollback) and one an attacker keeps serving forever (freeze), as in TUF.
 *
 * <pre>{@code
 * Catalogue c = CatalogueJson.read(bytes);
 * Optional<Catalogue.Release> r = c.entry("org.example.gain").flatMap(e -> e.release("1.2.0"));
 * }</pre>
 *
 * @param format the format number, 1
 * @param name a name for people
 * @param version increases by one at every publication
 * @param published when this catalogue was written, ISO-8601 UTC
 * @param expires after this instant clients refuse the catalogue, ISO-8601 UTC
 * @param repositoryKey fingerprint of the key that signs the catalogue
 * @param index the R5 index file, pinned by size and digest
 * @param keys every key that signs a bundle here, fingerprint to base64 X.509 encoding
 * @param bundles one entry per bundle symbolic name, sorted by id
 */
@ProviderType
public record Catalogue(
    int format,
    String name,
    long version,
    String published,
    String expires,
    String repositoryKey,
    FileRef index,
    Map<String, String> keys,
    List<Entry> bundles) {

  /** The only format this code reads and writes. */
  public static final int FORMAT = 1;

  public Catalogue {
    keys = keys == null ? Map.of() : Map.copyOf(keys);
    bundles = bundles == null ? List.of() : List.copyOf(bundles);
  }

  /** The entry with this id. */
  public Optional<Entry> entry(String id) {
    return bundles.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /** A file of the site, pinned. */
  public record FileRef(String path, long size, String sha256) {
  }

  /**
   * One bundle, with every published version. The descriptive fields come from the newest
   * version's manifest (and an optional sidecar file at publication).
   *
   * @param id the bundle symbolic name
   * @param kind module, panel, library, storage, controller or bundle
   * @param versions newest first
   */
  public record Entry(
      String id,
      String name,
      String summary,
      String description,
      String kind,
      List<String> tags,
      String author,
      String licence,
      String homepage,
      List<Screenshot> screenshots,
      List<Release> versions) {

    public Entry {
      tags = tags == null ? List.of() : List.copyOf(tags);
      screenshots = screenshots == null ? List.of() : List.copyOf(screenshots);
      versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** The release with exactly this version. */
    public Optional<Release> release(String version) {
      Version wanted = Version.parseVersion(version);
      return versions.stream().filter(r -> Version.parseVersion(r.version()).equals(wanted)).findFirst();
    }

    /** The newest release. */
    public Optional<Release> latest() {
      return versions.stream().max((a, b) -> Version.parseVersion(a.version()).compareTo(Version.parseVersion(b.version())));
    }
  }

  /** A screenshot file of the site, pinned by digest. */
  public record Screenshot(String path, String sha256, String caption) {
  }

  /**
   * One published version of a bundle.
   *
   * @param version the Bundle-Version
   * @param path the jar, relative to the site
   * @param size the jar's length in bytes
   * @param sha256 the jar's digest
   * @param signature the publisher's detached signature, relative to the site
   * @param publisherKey fingerprint of the key that signed the jar (in {@link Catalogue#keys})
   * @param minimumHostVersion the oldest Patchwork host it runs on
   * @param published when it was published
   * @param modules the DSP modules it offers, with their ports and parameters
   */
  public record Release(
      String version,
      String path,
      long size,
      String sha256,
      String signature,
      String publisherKey,
      String minimumHostVersion,
      String published,
      List<ModuleInfo> modules) {

    public Release {
      modules = modules == null ? List.of() : List.copyOf(modules);
    }
  }

  /** A DSP module as its descriptor declares it, reduced to what compatibility depends on. */
  public record ModuleInfo(
      String id,
      String name,
      String kind,
      List<String> tags,
      List<PortInfo> ports,
      List<ParameterInfo> parameters) {

    public ModuleInfo {
      tags = tags == null ? List.of() : List.copyOf(tags);
      ports = ports == null ? List.of() : List.copyOf(ports);
      parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
  }

  /** A port: id, AUDIO/CV/EVENTS, INPUT/OUTPUT, channels. */
  public record PortInfo(String id, String type, String direction, int channels) {
  }

  /** A parameter: id, name, range, default, unit, whether stepped and whether retired. */
  public record ParameterInfo(
      String id,
      String name,
      double min,
      double max,
      double defaultValue,
      String unit,
      boolean stepped,
      boolean removed) {
  }
}
