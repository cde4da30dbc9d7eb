/**
 * The marketplace repository format, shared by the publishing tool and the client: the signed
 * catalogue ({@link Catalogue}, {@link CatalogueJson}), Ed25519 keys and detached signatures
 * ({@link Keys}, {@link Signatures}), digests ({@link Digests}) and a jar reader that refuses zip
 * bombs ({@link JarInspector}). The file layout of a repository is in {@link SiteLayout}.
 */
@Export
@Version("1.0.0")
package org.patchwork.repository;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
