package org.patchwork.sdk.sequencer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The transport and position at one moment; immutable, safe on any thread.
 *
 * @param revision increases with every change of the song model
 * @param playing whether the transport runs
 * @param tempo beats per minute
 * @param linesPerBeat tracker lines per beat
 * @param ticksPerLine ticks per tracker line
 * @param orderIndex position in the order list
 * @param line line within the current pattern
 * @param frame song position in frames
 */
@ProviderType
public record SequencerSnapshot(
    long revision,
    boolean playing,
    double tempo,
    int linesPerBeat,
    int ticksPerLine,
    int orderIndex,
    int line,
    long frame) {
}
