/**
 * The bus: three LMAX Disruptor rings that carry everything crossing a thread boundary, with
 * flat message types that are allocated once, when a ring is built, and filled in place.
 *
 * <ul>
 *   <li>{@link ControlRing}: many producers (UI, MIDI, OSC) to the sequencer thread.
 *   <li>{@link EngineRing}: the model thread to the audio thread, which polls it at each block
 *       start and never waits.
 *   <li>{@link TelemetryRing}: the audio thread to the UI; publishing never waits and counts
 *       what it had to drop.
 * </ul>
 */
@Export
@Version("1.1.0")
package org.patchwork.bus;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
