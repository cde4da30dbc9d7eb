/** Project storage: a repository of project manifests and content-addressed assets. */
@Export
@Version("1.1.0")
package org.patchwork.sdk.project;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
