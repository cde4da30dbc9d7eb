package org.patchwork.dsp.sampler.data;

import static org.patchwork.dsp.sampler.data.Sample.require;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Samples and the zones that map keys and velocities onto them: what a sampler plays, and what
 * {@link SampleSetFormat} stores. Every zone refers to an existing sample and its loop lies
 * inside that sample; zones may overlap (a note then plays all of them, as layers).
 *
 * <pre>{@code
 * SampleSet set = new SampleSet(List.of(low, high),
 *     List.of(Zone.of(0, 48).withKeys(0, 59), Zone.of(1, 72).withKeys(60, 127)));
 * }</pre>
 *
 * @param samples 1..{@link #MAX_SAMPLES} samples
 * @param zones 1..{@link #MAX_ZONES} zones
 */
@ProviderType
public record SampleSet(List<Sample> samples, List<Zone> zones) {

  /** Most samples in a set. */
  public static final int MAX_SAMPLES = 256;
  /** Most zones in a set. */
  public static final int MAX_ZONES = 1024;

  /** Checks the set's rules; the lists are copied. */
  public SampleSet {
    require(samples != null && zones != null, "samples and zones are required");
    samples = List.copyOf(samples);
    zones = List.copyOf(zones);
    require(!samples.isEmpty() && samples.size() <= MAX_SAMPLES,
        "a sample set has 1.." + MAX_SAMPLES + " samples, not " + samples.size());
    require(!zones.isEmpty() && zones.size() <= MAX_ZONES,
        "a sample set has 1.." + MAX_ZONES + " zones, not " + zones.size());
    for (int z = 0; z < zones.size(); z++) {
      Zone zone = zones.get(z);
      require(zone.sample() < samples.size(),
          "zone " + z + " refers to sample " + zone.sample() + " of " + samples.size());
      int frames = samples.get(zone.sample()).frames();
      require(zone.loopEnd() <= frames, "zone " + z + ": loop " + zone.loopStart() + ".." + zone.loopEnd()
          + " is outside sample " + zone.sample() + " of " + frames + " frames");
    }
  }

  /** One sample on every key and velocity, unlooped, playing unchanged at {@code rootKey}. */
  public static SampleSet of(Sample sample, int rootKey) {
    return new SampleSet(List.of(sample), List.of(Zone.of(0, rootKey)));
  }
}
