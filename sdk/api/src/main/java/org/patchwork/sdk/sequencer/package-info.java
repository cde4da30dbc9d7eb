/** The sequencer service: scheduling timestamped events and reading the transport state. */
@Export
@Version("1.0.0")
package org.patchwork.sdk.sequencer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
