package org.patchwork.project.internal;

import org.patchwork.project.AudioData;

/**
 * RIFF/WAVE: a {@code fmt } chunk (format 1 PCM, 3 IEEE float or 0xFFFE extensible whose
 * sub-format GUID is one of those two) and a {@code data} chunk; other chunks are skipped. See
 * Microsoft's "Multiple Channel Audio Data and WAVE Files".
 */
public final class WavParser {

  private static final int PCM = 1;
  private static final int FLOAT = 3;
  private static final int EXTENSIBLE = 0xFFFE;
  /** Bytes 2..15 of KSDATAFORMAT_SUBTYPE_PCM and _IEEE_FLOAT. */
  private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
      (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

  private final AudioBytes in;

  /** A parser of {@code in}, which starts with RIFF....WAVE. */
  public WavParser(AudioBytes in) {
    this.in = in;
  }

  /** Decodes the file. */
  public AudioData read() {
    long riff = in.u32le(4);
    if (riff + 8 > in.length()) {
      throw in.fail("truncated: the RIFF header says " + (riff + 8) + " bytes but the file has " + in.length());
    }
    if (riff < 4) {
      throw in.fail("the RIFF header's size " + riff + " is too small for a WAVE file");
    }
    long end = riff + 8;
    int fmt = -1;
    long fmtSize = 0;
    int data = -1;
    long dataSize = 0;
    long at = 12;
    while (at + 8 <= end) {
      String id = in.tag((int) at);
      long size = in.u32le((int) at + 4);
      long body = at + 8;
      if (body + size > end) {
        throw in.fail("truncated: the '" + id.strip() + "' chunk says " + size + " bytes but only "
            + (end - body) + " follow");
      }
      if (id.equals("fmt ")) {
        if (fmt >= 0) {
          throw in.fail("two 'fmt ' chunks");
        }
        fmt = (int) body;
        fmtSize = size;
      } else if (id.equals("data")) {
        if (data >= 0) {
          throw in.fail("two 'data' chunks");
        }
        data = (int) body;
        dataSize = size;
      }
      at = body + size + (size & 1);
    }
    if (fmt < 0) {
      throw in.fail("no 'fmt ' chunk: not a complete WAV file");
    }
    if (data < 0) {
      throw in.fail("no 'data' chunk: not a complete WAV file");
    }
    if (fmtSize < 16) {
      throw in.fail("the 'fmt ' chunk is " + fmtSize + " bytes, less than the 16 it needs");
    }
    int tag = in.u16le(fmt);
    int channels = in.u16le(fmt + 2);
    long rate = in.u32le(fmt + 4);
    int blockAlign = in.u16le(fmt + 12);
    int bits = in.u16le(fmt + 14);
    if (tag == EXTENSIBLE) {
      if (fmtSize < 40 || in.u16le(fmt + 16) < 22) {
        throw in.fail("WAVE_FORMAT_EXTENSIBLE needs a 40-byte 'fmt ' chunk, this one has " + fmtSize);
      }
      int valid = in.u16le(fmt + 18);
      if (valid > bits || valid == 0) {
        throw in.fail("WAVE_FORMAT_EXTENSIBLE says " + valid + " valid bits in " + bits + "-bit samples");
      }
      tag = in.u16le(fmt + 24);
      for (int i = 0; i < GUID_TAIL.length; i++) {
        if (in.u8(fmt + 26 + i) != (GUID_TAIL[i] & 0xff)) {
          throw in.fail("WAVE_FORMAT_EXTENSIBLE with a sub-format that is neither PCM nor IEEE float");
        }
      }
      if (tag != PCM && tag != FLOAT) {
        throw in.fail("WAVE_FORMAT_EXTENSIBLE sub-format " + tag + " is neither PCM nor IEEE float");
      }
    }
    boolean isFloat;
    if (tag == PCM) {
      if (bits != 8 && bits != 16 && bits != 24 && bits != 32) {
        throw in.fail("PCM with " + bits + " bits per sample is not supported (8, 16, 24 or 32)");
      }
      isFloat = false;
    } else if (tag == FLOAT) {
      if (bits != 32 && bits != 64) {
        throw in.fail("IEEE float with " + bits + " bits per sample is not supported (32 or 64)");
      }
      isFloat = true;
    } else {
      throw in.fail("WAV format " + tag + " is not supported (only PCM and IEEE float; compressed WAV is not)");
    }
    if (channels < 1 || channels > 64) {
      throw in.fail(channels + " channels (1 to 64 are supported)");
    }
    if (rate < 1 || rate > 1_536_000) {
      throw in.fail("sample rate " + rate + " Hz is out of range (1 to 1536000)");
    }
    int bytesPerSample = bits / 8;
    if (blockAlign != channels * bytesPerSample) {
      throw in.fail("block align " + blockAlign + " does not match " + channels + " channels of " + bits + " bits");
    }
    if (dataSize % blockAlign != 0) {
      throw in.fail("the 'data' chunk holds " + dataSize + " bytes, not a whole number of " + blockAlign + "-byte frames");
    }
    String encoding = (isFloat ? "float" : "pcm") + bits;
    return in.decode("wav", encoding, data, channels, rate, dataSize / blockAlign, bytesPerSample, isFloat, false, true);
  }
}
