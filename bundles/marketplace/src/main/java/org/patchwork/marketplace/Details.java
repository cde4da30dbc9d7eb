package org.patchwork.marketplace;

import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything known about one bundle: what its repository's catalogue says and what is installed.
 *
 * @param id the bundle symbolic name
 * @param name its name for people
 * @param summary one sentence
 * @param description longer text, may be ""
 * @param kind module, panel, library, storage, controller or bundle
 * @param author from {@code Bundle-Vendor}
 * @param licence from {@code Bundle-License}
 * @param homepage from {@code Bundle-DocURL}
 * @param tags search words
 * @param repository the name of the repository describing it, or "" if no cached catalogue does
 * @param expired whether that catalogue has expired
 * @param versions every published version, newest first
 * @param installed the installed version, or ""
 * @param previous the version kept for roll back, or ""
 * @param pinnedKey the fingerprint of the publisher key this id is pinned to, or ""
 */
@ProviderType
public record Details(String id, String name, String summary, String description, String kind, String author,
    String licence, String homepage, List<String> tags, String repository, boolean expired, List<Release> versions,
    String installed, String previous, String pinnedKey) {

  /** Checks for null; copies the lists. */
  public Details {
    Objects.requireNonNull(id, "id");
    tags = tags == null ? List.of() : List.copyOf(tags);
    versions = versions == null ? List.of() : List.copyOf(versions);
  }

  /**
   * A published version.
   *
   * @param version the {@code Bundle-Version}
   * @param size bytes of the jar
   * @param sha256 the jar's SHA-256, lowercase hex
   * @param publisherKey the fingerprint (lowercase hex SHA-256) of the key that signed it
   * @param minimumHostVersion the oldest Patchwork it runs on
   * @param published when, ISO-8601 UTC
   * @param modules the ids of the DSP modules it offers
   */
  @ProviderType
  public record Release(String version, long size, String sha256, String publisherKey, String minimumHostVersion,
      String published, List<String> modules) {

    /** Copies the modules. */
    public Release {
      modules = modules == null ? List.of() : List.copyOf(modules);
    }

    /** The key as people see it: {@code ed25519:} and the first 16 digits of its fingerprint. */
    public String publisherKeyName() {
      return "ed25519:" + publisherKey.substring(0, Math.min(16, publisherKey.length()));
    }
  }
}
