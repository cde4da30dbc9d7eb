/**
 * The module model: descriptors, the factory service, the audio-thread lifecycle of a module
 * and the context it processes in. Threads are named in each method's Javadoc.
 */
@Export
@Version("1.0.0")
package org.patchwork.sdk.module;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
