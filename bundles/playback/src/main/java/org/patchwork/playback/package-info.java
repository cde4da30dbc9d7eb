/**
 * The host's live playback, for the control layer (OSC, MIDI, controllers): {@link
 * org.patchwork.playback.LivePlayback} starts a {@link org.patchwork.playback.LiveRun} of the
 * held project through the real-time driver, and the run takes transport, tempo, notes, module
 * parameters and the mixer at exact engine frames while it plays.
 *
 * <pre>{@code
 * LiveRun run = playback.live() != null ? playback.live() : playback.startLive();
 * run.blockClock(clock::blockStarted);           // audio thread, every block
 * run.play(run.frame() + 1024);
 * run.noteOn(run.frame() + 1024, 0, 60, 0.8);
 * }</pre>
 */
@Export
@Version("1.0.0")
package org.patchwork.playback;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
