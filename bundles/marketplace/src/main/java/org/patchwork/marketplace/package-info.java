/**
 * The marketplace as a service, for the workbench's marketplace panel and other tools: search
 * the cached catalogues, describe a bundle, install, update, remove and roll back with download
 * progress, and find the modules a project's lockfile names that are not installed. Every
 * operation runs the same code as {@code patchwork market}, so the same checks and refusals
 * apply (docs/marketplace.md).
 */
@Export
@Version("1.0.0")
package org.patchwork.marketplace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
