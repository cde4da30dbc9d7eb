/**
 * The tracker sequencer: an immutable song model (song, order list, patterns, tracks, lines with
 * note and effect columns, grooves, humanize, automation), edits that form an undo journal, a
 * compiler that places every event of a song at an exact sample frame, and a live sequencer
 * with transport that implements {@link org.patchwork.sdk.sequencer.SequencerService}, and live
 * input ({@link org.patchwork.sequencer.KeyboardLayout}, {@link org.patchwork.sequencer.LiveInput},
 * {@link org.patchwork.sequencer.LiveSession}): notes heard at once and recorded into patterns.
 *
 * <pre>{@code
 * SongEditor editor = new SongEditor();
 * editor.apply(new Edit.AddTrack(0, SongTrack.of("Lead", "lead")));
 * editor.apply(new Edit.AddPattern(0, 16));
 * editor.apply(new Edit.SetOrder(List.of(0)));
 * editor.apply(new Edit.SetNote(0, 0, 0, 0, NoteCell.of(60)));
 * CompiledSong compiled = SongCompiler.compile(editor.song(), PlayOptions.at(48_000));
 * Timeline timeline = TrackerProjects.timeline(editor.song(), compiled);
 * }</pre>
 *
 * <p>See docs/sequencer.md for the model and its JSON, docs/effect-commands.md for the effect
 * commands.
 */
@Export
@Version("1.2.0")
package org.patchwork.sequencer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
