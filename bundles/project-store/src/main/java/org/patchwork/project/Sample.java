package org.patchwork.project;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A sample in the project's pool. The audio file itself is stored once under its SHA-256 in
 * {@code assets/}; this is what the project says about it.
 *
 * @param id unique sample id, what nodes refer to
 * @param sha256 lowercase hex SHA-256 of the audio file in {@code assets/}
 * @param originalName the file name it was imported from
 * @param format {@code wav} or {@code aiff}
 * @param channels channel count
 * @param sampleRate frames per second
 * @param frames length in frames
 * @param rootKey the MIDI key at which it plays at its own pitch
 * @param gainDb playback gain
 * @param loop the loop, or null for none
 */
@ProviderType
public record Sample(
    @Field(doc = "Unique sample id.", pattern = "\\S") String id,
    @Field(doc = "SHA-256 of the audio file in assets/, lowercase hex.", pattern = "^[0-9a-f]{64}$") String sha256,
    @Field(doc = "The file name it was imported from.", pattern = "\\S") String originalName,
    @Field(doc = "Container format.", pattern = "^(wav|aiff)$") String format,
    @Field(doc = "Channel count.", min = 1, max = 64) int channels,
    @Field(doc = "Frames per second.", min = 1, max = 1536000) int sampleRate,
    @Field(doc = "Length in frames.", min = 0, max = 4294967296.0) long frames,
    @Field(doc = "MIDI key at which it plays at its own pitch.", min = 0, max = 127) int rootKey,
    @Field(doc = "Playback gain in dB.", optional = true) double gainDb,
    @Field(doc = "Loop points, or absent for a one-shot.", optional = true) Loop loop) {

  /** Checks the required parts and that the loop lies within the sample. */
  public Sample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(originalName, "originalName");
    Objects.requireNonNull(format, "format");
  }

  /** This sample with another loop. */
  public Sample withLoop(Loop l) {
    return new Sample(id, sha256, originalName, format, channels, sampleRate, frames, rootKey, gainDb, l);
  }

  /** This sample with another root key and gain. */
  public Sample withTuning(int key, double gain) {
    return new Sample(id, sha256, originalName, format, channels, sampleRate, frames, key, gain, loop);
  }
}
