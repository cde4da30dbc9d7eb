package org.patchwork.project;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One line of a project's lockfile: which bundle provided a module when the project was saved.
 *
 * @param module the module id
 * @param bundle the providing bundle's symbolic name
 * @param version its version
 * @param sha256 SHA-256 of the bundle (see {@code hashOf})
 * @param hashOf what was hashed: the jar file or, when the framework gives no file, its entries
 */
@ProviderType
public record LockEntry(
    @Field(doc = "The module id.", pattern = "\\S") String module,
    @Field(doc = "Bundle-SymbolicName of the bundle that provided it.", pattern = "\\S") String bundle,
    @Field(doc = "Bundle-Version of that bundle.", pattern = "\\S") String version,
    @Field(doc = "SHA-256 of the bundle, lowercase hex.", pattern = "^[0-9a-f]{64}$") String sha256,
    @Field(doc = "What was hashed: the jar file, or its entries in name order.") HashSource hashOf) {

  /** What a lockfile hash covers. */
  public enum HashSource {
    /** The bundle's jar file as installed. */
    JAR,
    /** Each entry's name and bytes, in name order: for bundles not installed from a file. */
    ENTRIES
  }

  /** Checks every part is there. */
  public LockEntry {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(hashOf, "hashOf");
  }
}
