package org.patchwork.marketplace;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A repository the user added.
 *
 * @param name its short name
 * @param url its base URL
 * @param catalogueVersion the version of its cached catalogue, 0 when none is cached
 * @param bundles how many bundles that catalogue offers
 * @param expires when that catalogue expires, ISO-8601 UTC, or ""
 * @param expired whether it has
 * @param problem why its cached catalogue is not usable, or ""
 */
@ProviderType
public record Repository(String name, String url, long catalogueVersion, int bundles, String expires,
    boolean expired, String problem) {

  /** Checks for null. */
  public Repository {
    Objects.requireNonNull(name, "name");
    expires = expires == null ? "" : expires;
    problem = problem == null ? "" : problem;
  }
}
