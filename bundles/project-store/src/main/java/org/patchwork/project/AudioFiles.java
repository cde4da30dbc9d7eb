package org.patchwork.project;

import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.project.internal.AiffParser;
import org.patchwork.project.internal.AudioBytes;
import org.patchwork.project.internal.WavParser;

/**
 * Reads WAV (PCM 8, 16, 24, 32 bit; float 32, 64 bit; WAVE_FORMAT_EXTENSIBLE) and AIFF/AIFC
 * (PCM; AIFC {@code NONE}, {@code twos}, {@code sowt}, {@code fl32}, {@code fl64}). Anything
 * else, and every damaged file, is refused with one line naming the file and the problem:
 * {@code kick.wav: truncated: the data chunk says 88200 bytes but only 4000 follow}.
 *
 * <pre>{@code
 * AudioData a = AudioFiles.read("kick.wav", Files.readAllBytes(path));
 * }</pre>
 *
 * <p>FLAC is not read: no maintained pure-Java FLAC decoder is published on Maven Central.
 */
@ProviderType
public final class AudioFiles {

  /** Files longer than this many frames are refused (about 12 hours at 48 kHz). */
  public static final int MAX_FRAMES = Integer.MAX_VALUE / 64;

  private AudioFiles() {
  }

  /**
   * Decodes {@code bytes}.
   *
   * @param source the file's name, for messages
   * @throws ProjectFormatException if the file is not one this reader accepts
   */
  public static AudioData read(String source, byte[] bytes) {
    AudioBytes in = new AudioBytes(source, bytes);
    if (bytes.length >= 12 && in.tag(0).equals("RIFF") && in.tag(8).equals("WAVE")) {
      return new WavParser(in).read();
    }
    if (bytes.length >= 12 && in.tag(0).equals("FORM") && (in.tag(8).equals("AIFF") || in.tag(8).equals("AIFC"))) {
      return new AiffParser(in).read();
    }
    if (bytes.length >= 4 && in.tag(0).equals("fLaC")) {
      throw new ProjectFormatException(source, null, "FLAC is not supported: convert it to WAV or AIFF");
    }
    if (bytes.length >= 12 && in.tag(0).equals("RIFX")) {
      throw new ProjectFormatException(source, null, "big-endian WAV (RIFX) is not supported");
    }
    throw new ProjectFormatException(source, null, bytes.length < 12
        ? "not an audio file: only " + bytes.length + " bytes"
        : "not a WAV or AIFF file (it starts with " + in.printable(0, 4) + ")");
  }
}
