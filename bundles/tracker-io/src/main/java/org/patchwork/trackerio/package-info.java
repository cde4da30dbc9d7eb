/**
 * Standard MIDI Files to tracker songs and back: {@link org.patchwork.trackerio.MidiImport}
 * turns a format 0 or 1 file into a project whose song places every note exactly, and
 * {@link org.patchwork.trackerio.MidiExport} writes a song as a format 1 file. The shell commands
 * {@code pw:import} and {@code pw:export} ({@code patchwork import}, {@code patchwork export})
 * are built on them; docs/tracker-io.md describes both directions.
 *
 * <pre>{@code
 * MidiImport.Result r = MidiImport.read(MidiFileReader.read(Path.of("song.mid")), "Song");
 * MidiFile back = MidiExport.write(r.song(), "Song", r.ppq());
 * }</pre>
 */
@Export
@Version("1.0.0")
package org.patchwork.trackerio;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
