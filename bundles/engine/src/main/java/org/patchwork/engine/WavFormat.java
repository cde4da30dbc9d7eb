package org.patchwork.engine;

import org.osgi.annotation.versioning.ProviderType;

/** Sample formats {@link WavWriter} writes. */
@ProviderType
public enum WavFormat {
  /** 16-bit integer PCM, rounded and clipped (no dither, so renders stay bit-exact). */
  PCM_16(16),
  /** 24-bit integer PCM, rounded and clipped. */
  PCM_24(24),
  /** 32-bit IEEE float ({@code WAVE_FORMAT_IEEE_FLOAT} with a fact chunk), written as is. */
  FLOAT_32(32);

  private final int bits;

  WavFormat(int bits) {
    this.bits = bits;
  }

  /** Bits per sample. */
  public int bitsPerSample() {
    return bits;
  }
}
