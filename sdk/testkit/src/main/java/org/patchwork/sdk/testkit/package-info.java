/**
 * Offline harness, signal measurements, a static real-time rules check and a conformance kit
 * for testing modules outside a host.
 */
@Export
@Version("1.2.0")
package org.patchwork.sdk.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
