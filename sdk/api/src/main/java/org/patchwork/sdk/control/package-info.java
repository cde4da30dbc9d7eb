/** Controller mapping: MIDI learn and applying hardware control events to parameters. */
@Export
@Version("1.1.0")
package org.patchwork.sdk.control;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
