/**
 * Standard MIDI Files, independent of any sequencer model: a strict reader
 * ({@link MidiFileReader}), a canonical writer ({@link MidiFileWriter}), an immutable event model
 * ({@link MidiFile}, {@link MidiTrack}, {@link MidiEvent}), an exact {@link TempoMap} and
 * note pairing ({@link Notes}).
 *
 * <pre>{@code
 * MidiFile song = MidiFileReader.read(Files.readAllBytes(path)); // MidiFileException if malformed
 * TempoMap tempo = TempoMap.of(song);
 * for (MidiTrack track : song.tracks()) {
 *   NotePairing notes = Notes.pair(track);
 *   notes.warnings().forEach(log::warn);
 *   for (NoteSpan n : notes.spans()) {
 *     Ratio start = tempo.seconds(n.startTick());
 *   }
 * }
 * }</pre>
 */
@Export
@Version("1.0.0")
package org.patchwork.midifile;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
