package org.patchwork.marketplace;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A module a project uses that no running bundle offers, and the bundle its lockfile names.
 *
 * @param module the module id
 * @param bundle the bundle symbolic name the lockfile names, or "" when the project has no
 *     lockfile line for it (a format 1 project)
 * @param version that bundle's locked version, or ""
 * @param sha256 the locked SHA-256, or ""
 * @param offered whether a cached catalogue offers exactly that bundle version
 */
@ProviderType
public record Missing(String module, String bundle, String version, String sha256, boolean offered) {

  /** Checks for null. */
  public Missing {
    Objects.requireNonNull(module, "module");
    bundle = bundle == null ? "" : bundle;
    version = version == null ? "" : version;
    sha256 = sha256 == null ? "" : sha256;
  }

  /** Whether the lockfile names the exact bundle version, so it can be installed as saved. */
  public boolean locked() {
    return !bundle.isEmpty();
  }
}
