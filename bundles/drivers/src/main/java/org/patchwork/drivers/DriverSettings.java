package org.patchwork.drivers;

/**
 * What the caller asks of a driver. A driver may answer with another rate or block size (JACK
 * uses the server's); {@link AudioDriver#sampleRate()} and {@link AudioDriver#blockSize()}
 * give what it actually uses.
 *
 * <pre>{@code
 * driver.open(new DriverSettings(48_000, 128, 2, 2, "patchwork"));
 * }</pre>
 *
 * @param sampleRate frames per second, 8000 to 384000
 * @param blockSize  frames per callback, 1 to {@value #MAX_BLOCK_SIZE}
 * @param inputs     input channels, 0 to {@value #MAX_CHANNELS}
 * @param outputs    output channels, 1 to {@value #MAX_CHANNELS}
 * @param clientName how the client shows in JACK (ports are {@code clientName:out_1} ...)
 */
public record DriverSettings(int sampleRate, int blockSize, int inputs, int outputs, String clientName) {

  public static final int MAX_BLOCK_SIZE = 8192;
  public static final int MAX_CHANNELS = 64;
  public static final String DEFAULT_CLIENT_NAME = "patchwork";

  public DriverSettings {
    if (sampleRate < 8_000 || sampleRate > 384_000) {
      throw new IllegalArgumentException("sampleRate must be 8000 to 384000 Hz, was " + sampleRate);
    }
    if (blockSize < 1 || blockSize > MAX_BLOCK_SIZE) {
      throw new IllegalArgumentException("blockSize must be 1 to " + MAX_BLOCK_SIZE + " frames, was " + blockSize);
    }
    if (inputs < 0 || inputs > MAX_CHANNELS) {
      throw new IllegalArgumentException("inputs must be 0 to " + MAX_CHANNELS + ", was " + inputs);
    }
    if (outputs < 1 || outputs > MAX_CHANNELS) {
      throw new IllegalArgumentException("outputs must be 1 to " + MAX_CHANNELS + ", was " + outputs);
    }
    // JACK limits client names to 63 bytes and uses ':' between client and port.
    if (clientName == null || clientName.isBlank() || clientName.length() > 63 || clientName.indexOf(':') >= 0) {
      throw new IllegalArgumentException("clientName must be 1 to 63 characters without ':', was '" + clientName + "'");
    }
  }

  /** 48 kHz, 256 frames, stereo in and out, client {@value #DEFAULT_CLIENT_NAME}. */
  public static DriverSettings defaults() {
    return new DriverSettings(48_000, 256, 2, 2, DEFAULT_CLIENT_NAME);
  }

  /** The block's duration in nanoseconds at this rate. */
  public long blockNanos() {
    return blockSize * 1_000_000_000L / sampleRate;
  }
}
