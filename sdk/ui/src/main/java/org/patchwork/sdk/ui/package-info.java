/** Workbench panels contributed by bundles as DS services. */
@Export
@Version("1.0.0")
package org.patchwork.sdk.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
