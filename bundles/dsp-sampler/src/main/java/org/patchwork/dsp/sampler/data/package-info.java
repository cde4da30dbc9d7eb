/**
 * Sample sets as module state: {@link org.patchwork.dsp.sampler.data.Sample} (float PCM),
 * {@link org.patchwork.dsp.sampler.data.Zone} (key and velocity ranges, root, tuning, loop),
 * {@link org.patchwork.dsp.sampler.data.SampleSet}, the versioned binary
 * {@link org.patchwork.dsp.sampler.data.SampleSetFormat} that {@code AudioModule.saveState}
 * returns and projects store, and a {@link org.patchwork.dsp.sampler.data.WavReader} to build
 * one from WAV files. Every parser here rejects bad input with an
 * {@link java.lang.IllegalArgumentException} that names the problem, and nothing else.
 *
 * <pre>{@code
 * Sample piano = WavReader.read(Path.of("piano-c4.wav"));
 * SampleSet set = new SampleSet(List.of(piano),
 *     List.of(Zone.of(0, 60).withKeys(0, 127).withLoop(Zone.Loop.FORWARD, 12_000, 30_000)));
 * byte[] state = SampleSetFormat.encode(set);   // what the Sampler's restoreState takes
 * }</pre>
 */
@Export
@Version("1.0.0")
package org.patchwork.dsp.sampler.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
