package org.patchwork.project;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the WAV and AIFF readers: any bytes give audio that makes sense (every channel as long
 * as the frame count says, every sample finite and within -1..1) or a one-line
 * {@link ProjectFormatException}; never another exception, never a hang.
 */
class AudioFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void parseAudio(byte[] data) {
    AudioData a;
    try {
      a = AudioFiles.read("fuzz.wav", data);
    } catch (ProjectFormatException expected) {
      if (expected.getMessage().contains("\n")) {
        throw new AssertionError("a message must be one line: " + expected.getMessage());
      }
      return;
    }
    if (a.samples().length != a.channels() || a.channels() < 1) {
      throw new AssertionError(a.channels() + " channels but " + a.samples().length + " arrays");
    }
    for (float[] channel : a.samples()) {
      if (channel.length != a.frames()) {
        throw new AssertionError(a.frames() + " frames but a channel of " + channel.length);
      }
      for (float x : channel) {
        if (!(Math.abs(x) <= 1.0f) && a.encoding().startsWith("pcm")) {
          throw new AssertionError("PCM sample out of range: " + x);
        }
        if (!Float.isFinite(x)) {
          throw new AssertionError("sample not finite: " + x);
        }
      }
    }
  }
}
