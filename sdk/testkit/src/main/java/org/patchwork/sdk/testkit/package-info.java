/** Offline harness and signal measurements for testing modules outside a host. */
@Export
@Version("1.0.0")
package org.patchwork.sdk.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
