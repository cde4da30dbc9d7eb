/** Support for command-line and shell commands contributed by bundles. */
@Export
@Version("1.0.0")
package org.patchwork.sdk.cli;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
