/**
 * Audio drivers: they own the audio thread and call an {@link org.patchwork.drivers.AudioCallback}
 * once per block. Pick one with {@link org.patchwork.drivers.Drivers#create(String)}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.patchwork.drivers;
