/**
 * Syncing project folders with remotes (S3 buckets, WebDAV shares): {@link JsonMerge} merges
 * project JSON three ways, {@link SyncEngine} pushes and pulls one project, {@link Remotes}
 * keeps the remotes' settings and {@link SyncQueue} the pushes waiting for a remote to come back.
 */
@Export
@Version("1.0.0")
package org.patchwork.sync;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
