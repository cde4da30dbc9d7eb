package org.patchwork.project;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Decoded audio: one array of samples in -1..1 per channel.
 *
 * @param container {@code wav} or {@code aiff}
 * @param encoding the sample encoding as stored, e.g. {@code pcm16}, {@code pcm24le},
 *     {@code float32}
 * @param channels channel count
 * @param sampleRate frames per second
 * @param frames length in frames
 * @param samples {@code samples[channel][frame]}; not copied, do not change it
 */
@ProviderType
public record AudioData(String container, String encoding, int channels, double sampleRate, int frames,
    float[][] samples) {
}
