package org.patchwork.project.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Automation values packed for size: 32-bit floats, little-endian, deflated (zlib), base64. A
 * curve of 10,000 points takes about a fifth of its JSON array's size; the plain array form
 * stays for diffing.
 */
public final class FloatPacking {

  /** More values than this in one lane is refused: 16 M floats, 64 MiB inflated. */
  public static final int MAX_VALUES = 1 << 24;

  private FloatPacking() {
  }

  /** The packed text of {@code values}. */
  public static String pack(float[] values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(raw.array());
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(values.length + 16);
      byte[] buf = new byte[8192];
      while (!deflater.finished()) {
        out.write(buf, 0, deflater.deflate(buf));
      }
      return Base64.getEncoder().encodeToString(out.toByteArray());
    } finally {
      deflater.end();
    }
  }

  /**
   * The values in {@code text}.
   *
   * @throws IllegalArgumentException naming what is wrong: not base64, not zlib, a length that
   *     is no whole number of floats, too many values, a value that is not finite
   */
  public static float[] unpack(String text) {
    byte[] compressed;
    try {
      compressed = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("packed values are not valid base64: " + e.getMessage());
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      long limit = (long) MAX_VALUES * 4;
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && !inflater.finished()) {
          throw new IllegalArgumentException("packed values are cut short (the deflate stream does not end)");
        }
        if (out.size() + (long) n > limit) {
          throw new IllegalArgumentException("packed values inflate to more than " + MAX_VALUES + " floats");
        }
        out.write(buf, 0, n);
      }
      if (inflater.getRemaining() > 0) {
        throw new IllegalArgumentException("packed values have " + inflater.getRemaining()
            + " bytes after the end of the deflate stream");
      }
      byte[] raw = out.toByteArray();
      if (raw.length % 4 != 0) {
        throw new IllegalArgumentException("packed values are " + raw.length + " bytes, not a whole number of floats");
      }
      float[] values = new float[raw.length / 4];
      ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
      for (int i = 0; i < values.length; i++) {
        if (!Float.isFinite(values[i])) {
          throw new IllegalArgumentException("packed value " + i + " is not a finite number: " + values[i]);
        }
        if (values[i] == 0) {
          values[i] = 0f; // no negative zero, so packed and plain values read the same
        }
      }
      return values;
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("packed values are not valid deflate data: " + e.getMessage());
    } finally {
      inflater.end();
    }
  }
}
