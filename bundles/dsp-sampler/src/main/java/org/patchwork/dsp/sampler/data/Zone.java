package org.patchwork.dsp.sampler.data;

import static org.patchwork.dsp.sampler.data.Sample.require;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where and how one sample plays: the keys and velocities that select it, the key at which it
 * plays at its recorded pitch, a fine tuning and gain, and its loop. A note of key k plays the
 * sample at the rate {@code 2^((k − rootKey)/12 + fineTuneCents/1200)}.
 *
 * <pre>{@code
 * Zone soft = Zone.of(0, 60).withKeys(48, 72).withVelocities(0, 63);
 * Zone looped = Zone.of(1, 60).withLoop(Zone.Loop.FORWARD, 4_000, 9_000);
 * }</pre>
 *
 * @param sample index of the sample in {@link SampleSet#samples()}
 * @param keyLow lowest key, 0..127
 * @param keyHigh highest key, keyLow..127
 * @param velocityLow lowest MIDI velocity (a note's 0..1 velocity times 127, rounded), 0..127
 * @param velocityHigh highest MIDI velocity, velocityLow..127
 * @param rootKey the key that plays the sample unchanged, 0..127
 * @param fineTuneCents tuning, −100..100 cents
 * @param gainDb gain, −96..+24 dB
 * @param loop how the sample loops
 * @param loopStart first frame of the loop
 * @param loopEnd the frame after the loop's last; a loop has at least 2 frames and lies inside
 *     the sample (checked by {@link SampleSet}); both are 0 when {@code loop} is OFF
 */
@ProviderType
public record Zone(
    int sample,
    int keyLow,
    int keyHigh,
    int velocityLow,
    int velocityHigh,
    int rootKey,
    float fineTuneCents,
    float gainDb,
    Loop loop,
    int loopStart,
    int loopEnd) {

  /** Loop modes. The loop repeats until the voice has ended, release included. */
  @ProviderType
  public enum Loop {
    /** Play once to the end. */
    OFF,
    /** Jump from the loop's end back to its start. */
    FORWARD,
    /** Play the loop forwards, then backwards, and so on. */
    PING_PONG
  }

  /** Checks every field; the loop against the sample's length is checked by {@link SampleSet}. */
  public Zone {
    require(sample >= 0 && sample < SampleSet.MAX_SAMPLES, "zone sample index " + sample + " is out of range");
    require(keyLow >= 0 && keyHigh <= 127 && keyLow <= keyHigh,
        "key range " + keyLow + ".." + keyHigh + " is not within 0..127 or is empty");
    require(velocityLow >= 0 && velocityHigh <= 127 && velocityLow <= velocityHigh,
        "velocity range " + velocityLow + ".." + velocityHigh + " is not within 0..127 or is empty");
    require(rootKey >= 0 && rootKey <= 127, "root key " + rootKey + " is not within 0..127");
    require(fineTuneCents >= -100 && fineTuneCents <= 100, "fine tune " + fineTuneCents + " cents is not within ±100");
    require(gainDb >= -96 && gainDb <= 24, "gain " + gainDb + " dB is not within −96..24");
    require(loop != null, "loop mode is missing");
    if (loop == Loop.OFF) {
      require(loopStart == 0 && loopEnd == 0, "a zone without loop has loop points 0, 0, not "
          + loopStart + ", " + loopEnd);
    } else {
      require(loopStart >= 0 && loopEnd - loopStart >= 2,
          "loop " + loopStart + ".." + loopEnd + " must start at 0 or later and span at least 2 frames");
    }
  }

  /** Sample {@code sample} over all keys and velocities, unlooped, with root {@code rootKey}. */
  public static Zone of(int sample, int rootKey) {
    return new Zone(sample, 0, 127, 0, 127, rootKey, 0, 0, Loop.OFF, 0, 0);
  }

  /** This zone on keys {@code low..high}. */
  public Zone withKeys(int low, int high) {
    return new Zone(sample, low, high, velocityLow, velocityHigh, rootKey, fineTuneCents, gainDb,
        loop, loopStart, loopEnd);
  }

  /** This zone for MIDI velocities {@code low..high}. */
  public Zone withVelocities(int low, int high) {
    return new Zone(sample, keyLow, keyHigh, low, high, rootKey, fineTuneCents, gainDb, loop,
        loopStart, loopEnd);
  }

  /** This zone tuned by {@code cents} and with gain {@code db}. */
  public Zone withTuning(float cents, float db) {
    return new Zone(sample, keyLow, keyHigh, velocityLow, velocityHigh, rootKey, cents, db, loop,
        loopStart, loopEnd);
  }

  /** This zone with a loop over frames {@code start..end-1} (0, 0 for OFF). */
  public Zone withLoop(Loop mode, int start, int end) {
    return new Zone(sample, keyLow, keyHigh, velocityLow, velocityHigh, rootKey, fineTuneCents,
        gainDb, mode, start, end);
  }

  /** Whether a note of this key and MIDI velocity selects the zone. */
  public boolean matches(int key, int velocity) {
    return key >= keyLow && key <= keyHigh && velocity >= velocityLow && velocity <= velocityHigh;
  }
}
