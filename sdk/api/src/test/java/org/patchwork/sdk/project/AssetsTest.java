package org.patchwork.sdk.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AssetsTest {

  private static final byte[] DATA = "kick drum, 44.1 kHz".getBytes(StandardCharsets.UTF_8);
  /** {@code printf "kick drum, 44.1 kHz" | sha256sum}. */
  private static final String SHA = "1089c31cc7e3fe8fcc9c24c7cd39d8e74ebd5224a97c649a1a339f61085fa8b8";

  @Test
  void theNameIsTheLowercaseHexSha256() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Assets.sha256Hex(new byte[0]));
    assertEquals(SHA, Assets.checkName(SHA));
    for (String bad : new String[] {SHA.toUpperCase(java.util.Locale.ROOT), SHA.substring(1), "../" + SHA.substring(3), null}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Assets.checkName(bad));
      assertEquals("asset name must be a lowercase hex SHA-256: " + bad, e.getMessage());
    }
  }

  @Test
  void aVerifyingStreamPassesTheRightBytesAndRefusesOthersAtTheEnd() throws IOException {
    try (InputStream in = Assets.verifying(new ByteArrayInputStream(DATA), SHA, "asset " + SHA)) {
      assertArrayEquals(DATA, in.readAllBytes());
      assertFalse(in.markSupported());
    }
    byte[] damaged = DATA.clone();
    damaged[3] ^= 1;
    InputStream in = Assets.verifying(new ByteArrayInputStream(damaged), SHA, "asset " + SHA);
    IOException e = assertThrows(IOException.class, in::readAllBytes);
    assertEquals("asset " + SHA + " is damaged: its content hashes to " + Assets.sha256Hex(damaged) + ", not " + SHA,
        e.getMessage());
  }

  @Test
  void skippedBytesAreHashedToo() throws IOException {
    try (InputStream in = Assets.verifying(new ByteArrayInputStream(DATA), SHA, "x")) {
      long skipped = 0;
      while (skipped < 5) {
        skipped += in.skip(5 - skipped);
      }
      assertEquals(DATA.length - 5, in.readAllBytes().length, "no error: the skipped bytes were part of the hash");
    }
  }

  @Test
  void anUploadMustBeAsLongAsSaidAndHashToItsName() throws IOException {
    assertArrayEquals(DATA, Assets.readChecked(new ByteArrayInputStream(DATA), DATA.length, SHA));
    assertEquals("asset " + SHA + ": stream ended after " + DATA.length + " of " + (DATA.length + 1) + " bytes",
        assertThrows(IOException.class,
            () -> Assets.readChecked(new ByteArrayInputStream(DATA), DATA.length + 1, SHA)).getMessage());
    assertEquals("asset " + SHA + ": the bytes given hash to " + Assets.sha256Hex(new byte[4]),
        assertThrows(IOException.class,
            () -> Assets.readChecked(new ByteArrayInputStream(new byte[4]), 4, SHA)).getMessage());
    assertEquals("asset " + SHA + ": length -1 out of range",
        assertThrows(IOException.class, () -> Assets.readChecked(InputStream.nullInputStream(), -1, SHA)).getMessage());
  }
}
