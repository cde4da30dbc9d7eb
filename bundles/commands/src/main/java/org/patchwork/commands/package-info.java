/** Shared support for bundles that contribute {@code pw:*} commands. */
@Export
@Version("1.1.0")
package org.patchwork.commands;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
