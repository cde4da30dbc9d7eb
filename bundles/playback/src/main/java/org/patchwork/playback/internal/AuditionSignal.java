package org.patchwork.playback.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.patchwork.sdk.cli.UsageException;

/**
 * The signal {@code patchwork audition --input} feeds into a module: {@code silence},
 * {@code noise} (white, ±0.5, the whole time), {@code burst} (0.25 s of that noise with 5 ms
 * fades, then silence, so tails are heard), {@code impulse} (one sample of 1.0 at frame 0),
 * {@code sine:HZ} (amplitude 0.5) or a WAV file (mono or stereo, at the render's rate).
 *
 * <p>Generated signals are a pure function of the frame number, so the same audition gives
 * the same bytes on every run and {@link #render} needs no state and allocates nothing.
 */
final class AuditionSignal {

  /** What the signal is. */
  enum Kind { SILENCE, NOISE, BURST, IMPULSE, SINE, FILE }

  static final String SPECS = "silence, noise, burst, impulse, sine:HZ or a .wav file";
  static final double LEVEL = 0.5;
  static final double BURST_SECONDS = 0.25;
  static final double FADE_SECONDS = 0.005;

  final Kind kind;
  final double hz;
  final Path file;
  private final WavReader.Audio audio;

  private AuditionSignal(Kind kind, double hz, Path file, WavReader.Audio audio) {
    this.kind = kind;
    this.hz = hz;
    this.file = file;
    this.audio = audio;
  }

  static AuditionSignal of(Kind kind) {
    return new AuditionSignal(kind, 0, null, null);
  }

  /**
   * Parses an {@code --input} value; a file is read and checked here.
   *
   * @throws UsageException naming what is wrong with the value or the file
   */
  static AuditionSignal parse(String spec) {
    String s = spec.strip();
    switch (s.toLowerCase(Locale.ROOT)) {
      case "silence" -> {
        return of(Kind.SILENCE);
      }
      case "noise" -> {
        return of(Kind.NOISE);
      }
      case "burst" -> {
        return of(Kind.BURST);
      }
      case "impulse" -> {
        return of(Kind.IMPULSE);
      }
      default -> {
        // Handled below.
      }
    }
    if (s.toLowerCase(Locale.ROOT).startsWith("sine:")) {
      double hz;
      try {
        hz = Double.parseDouble(s.substring(5));
      } catch (NumberFormatException e) {
        throw new UsageException("audition: --input sine:HZ needs a frequency in Hz, not '" + s.substring(5) + "'");
      }
      if (!(hz > 0 && hz <= 192_000)) {
        throw new UsageException("audition: --input sine:HZ needs a frequency above 0 Hz: " + s.substring(5));
      }
      return new AuditionSignal(Kind.SINE, hz, null, null);
    }
    Path path = Path.of(s).toAbsolutePath().normalize();
    boolean looksLikeFile = s.toLowerCase(Locale.ROOT).endsWith(".wav") || s.contains("/");
    if (!looksLikeFile && !Files.exists(path)) {
      throw new UsageException("audition: --input must be " + SPECS + ", not '" + spec + "'");
    }
    if (!Files.isRegularFile(path)) {
      throw new UsageException("audition: no such input file: " + spec);
    }
    try {
      return new AuditionSignal(Kind.FILE, 0, path, WavReader.read(path));
    } catch (IOException e) {
      throw new UsageException("audition: cannot read input " + spec + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new UsageException("audition: cannot use input " + spec + ": " + e.getMessage());
    }
  }

  /** Channels of the signal: the file's, else 1. */
  int channels() {
    return audio == null ? 1 : audio.channels();
  }

  /** The file's sample rate, or 0 for generated signals (they suit any rate). */
  int sampleRate() {
    return audio == null ? 0 : audio.sampleRate();
  }

  /** The file's length in seconds, or 0. */
  double seconds() {
    return audio == null ? 0 : audio.frames() / (double) audio.sampleRate();
  }

  /**
   * Writes frames {@code from .. from+n-1} of every channel into {@code out[channel][0..n-1]}.
   * Thread: audio; allocation-free.
   */
  void render(long from, float[][] out, int n, double rate) {
    for (int ch = 0; ch < out.length; ch++) {
      float[] o = out[ch];
      for (int i = 0; i < n; i++) {
        o[i] = sample(from + i, ch, rate);
      }
    }
  }

  private float sample(long frame, int channel, double rate) {
    return switch (kind) {
      case SILENCE -> 0f;
      case NOISE -> noise(frame);
      case BURST -> {
        double t = frame / rate;
        if (t >= BURST_SECONDS) {
          yield 0f;
        }
        // Raised-cosine fades, so the burst's edges do not click.
        double edge = Math.min(t, BURST_SECONDS - t) / FADE_SECONDS;
        double gain = edge >= 1 ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * edge);
        yield (float) (noise(frame) * gain);
      }
      case IMPULSE -> frame == 0 ? 1f : 0f;
      case SINE -> (float) (LEVEL * Math.sin(2 * Math.PI * hz * (frame / rate)));
      case FILE -> frame < audio.frames() ? audio.samples()[channel][(int) frame] : 0f;
    };
  }

  /** White noise within ±{@link #LEVEL}: SplitMix64 of the frame number (Steele et al., 2014). */
  static float noise(long frame) {
    long z = frame * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (float) (((z >>> 40) / (double) (1L << 24) - 0.5) * 2 * LEVEL);
  }
}
