/**
 * Offline harness, signal measurements and a static real-time rules check for testing modules
 * outside a host.
 */
@Export
@Version("1.1.0")
package org.patchwork.sdk.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
