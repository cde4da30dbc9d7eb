package org.patchwork.project.internal;

import org.patchwork.project.AudioData;

/**
 * AIFF and AIFC (Apple, 1989/1991): a {@code COMM} chunk (channels, frames, bits, an 80-bit
 * extended sample rate and, in AIFC, a compression type) and an {@code SSND} chunk. Big-endian
 * PCM, or in AIFC {@code sowt} (little-endian PCM) and {@code fl32}/{@code fl64} (big-endian
 * floats). Other chunks are skipped.
 */
public final class AiffParser {

  private final AudioBytes in;

  /** A parser of {@code in}, which starts with FORM....AIFF or AIFC. */
  public AiffParser(AudioBytes in) {
    this.in = in;
  }

  /** Decodes the file. */
  public AudioData read() {
    boolean aifc = in.tag(8).equals("AIFC");
    long form = in.u32be(4);
    if (form + 8 > in.length()) {
      throw in.fail("truncated: the FORM header says " + (form + 8) + " bytes but the file has " + in.length());
    }
    long end = form + 8;
    int comm = -1;
    long commSize = 0;
    int ssnd = -1;
    long ssndSize = 0;
    long at = 12;
    while (at + 8 <= end) {
      String id = in.tag((int) at);
      long size = in.u32be((int) at + 4);
      long body = at + 8;
      if (body + size > end) {
        throw in.fail("truncated: the '" + id.strip() + "' chunk says " + size + " bytes but only "
            + (end - body) + " follow");
      }
      if (id.equals("COMM")) {
        if (comm >= 0) {
          throw in.fail("two 'COMM' chunks");
        }
        comm = (int) body;
        commSize = size;
      } else if (id.equals("SSND")) {
        if (ssnd >= 0) {
          throw in.fail("two 'SSND' chunks");
        }
        ssnd = (int) body;
        ssndSize = size;
      }
      at = body + size + (size & 1);
    }
    if (comm < 0) {
      throw in.fail("no 'COMM' chunk: not a complete AIFF file");
    }
    if (commSize < (aifc ? 22 : 18)) {
      throw in.fail("the 'COMM' chunk is " + commSize + " bytes, too small");
    }
    int channels = (short) in.u16be(comm);
    long frames = in.u32be(comm + 2);
    int bits = (short) in.u16be(comm + 6);
    double rate = extended(comm + 8);
    String compression = aifc ? in.tag(comm + 18) : "NONE";
    if (channels < 1 || channels > 64) {
      throw in.fail(channels + " channels (1 to 64 are supported)");
    }
    if (!(rate >= 1 && rate <= 1_536_000)) {
      throw in.fail("sample rate " + rate + " Hz is out of range (1 to 1536000)");
    }
    boolean isFloat = false;
    boolean bigEndian = true;
    String encoding;
    switch (compression) {
      case "NONE", "twos" -> encoding = "pcm";
      case "sowt" -> {
        encoding = "pcm";
        bigEndian = false;
      }
      case "fl32", "FL32" -> {
        isFloat = true;
        bits = 32;
        encoding = "float";
      }
      case "fl64", "FL64" -> {
        isFloat = true;
        bits = 64;
        encoding = "float";
      }
      default -> throw in.fail("AIFC compression '" + compression.strip() + "' is not supported "
          + "(NONE, twos, sowt, fl32, fl64)");
    }
    if (!isFloat && (bits < 1 || bits > 32)) {
      throw in.fail(bits + " bits per sample is not supported (1 to 32)");
    }
    if (!bigEndian && bits > 8 && bits % 8 != 0) {
      throw in.fail("'sowt' with " + bits + " bits per sample is not supported (16, 24 or 32)");
    }
    int bytesPerSample = (bits + 7) / 8;
    if (frames == 0) {
      return new AudioData("aiff", encoding + bits + (bigEndian ? "" : "le"), channels, rate, 0, new float[channels][0]);
    }
    if (ssnd < 0) {
      throw in.fail("no 'SSND' chunk but " + frames + " frames announced");
    }
    if (ssndSize < 8) {
      throw in.fail("the 'SSND' chunk is " + ssndSize + " bytes, too small");
    }
    long offset = in.u32be(ssnd);
    long available = ssndSize - 8 - offset;
    long needed = frames * channels * bytesPerSample;
    if (offset > ssndSize - 8 || needed > available) {
      throw in.fail("truncated: " + frames + " frames need " + needed + " bytes of sound data but the 'SSND' chunk has "
          + Math.max(0, available));
    }
    // Samples narrower than their bytes are left-justified, so decoding the whole bytes is exact.
    return in.decode("aiff", encoding + bits + (bigEndian ? "" : "le"), (int) (ssnd + 8 + offset), channels, rate,
        frames, bytesPerSample, isFloat, bigEndian, false);
  }

  /** The 80-bit IEEE 754 extended number at {@code at}: sign, 15-bit exponent, 64-bit mantissa. */
  private double extended(int at) {
    in.need(at, 10, "the sample rate");
    int se = in.u16be(at);
    long mantissa = in.u32be(at + 2) << 32 | in.u32be(at + 6);
    int exponent = (se & 0x7fff) - 16383 - 63;
    double value = (mantissa >>> 1) * 2.0 + (mantissa & 1);
    if ((se & 0x7fff) == 0x7fff) {
      return Double.NaN;
    }
    value = Math.scalb(value, exponent);
    return (se & 0x8000) != 0 ? -value : value;
  }
}
