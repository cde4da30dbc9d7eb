package org.patchwork.storage.local.internal;

import org.patchwork.sdk.project.Assets;

/** A revision is the SHA-256 of the manifest bytes: equal content, equal revision. */
final class Revisions {

  private Revisions() {
  }

  static String of(byte[] manifest) {
    return Assets.sha256Hex(manifest);
  }
}
