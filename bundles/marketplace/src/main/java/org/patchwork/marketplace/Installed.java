package org.patchwork.marketplace;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A bundle the marketplace installed.
 *
 * @param id the bundle symbolic name
 * @param version the installed version
 * @param repository the repository it came from
 * @param installedAt when, ISO-8601 UTC
 * @param previous the version kept for roll back, or ""
 * @param state the framework's state of the bundle: ACTIVE, RESOLVED, INSTALLED..., or MISSING
 * @param update a newer version the cached catalogues offer, or ""
 */
@ProviderType
public record Installed(String id, String version, String repository, String installedAt, String previous,
    String state, String update) {

  /** Checks for null. */
  public Installed {
    Objects.requireNonNull(id, "id");
    previous = previous == null ? "" : previous;
    update = update == null ? "" : update;
  }
}
