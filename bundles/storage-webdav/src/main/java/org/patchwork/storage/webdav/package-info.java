/**
 * Projects on a WebDAV share: {@link WebDavRepository} is the SDK's {@code ProjectRepository}
 * over a collection URL.
 */
@Export
@Version("1.0.0")
package org.patchwork.storage.webdav;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
