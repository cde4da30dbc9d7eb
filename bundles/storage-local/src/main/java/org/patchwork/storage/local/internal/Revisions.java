package org.patchwork.storage.local.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A revision is the SHA-256 of the manifest bytes: equal content, equal revision. */
final class Revisions {

  private Revisions() {
  }

  static String of(byte[] manifest) {
    return HexFormat.of().formatHex(digest().digest(manifest));
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
