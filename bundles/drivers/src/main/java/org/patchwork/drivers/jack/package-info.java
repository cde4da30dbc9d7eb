/**
 * Patchwork's one binding of libjack ({@code java.lang.foreign}), shared by the audio driver and
 * the JACK MIDI ports (bundles/midi) so that one process binds the library once, in one style.
 * For Patchwork's own bundles; not part of the SDK.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.patchwork.drivers.jack;
