package org.patchwork.sync;

import org.osgi.annotation.versioning.ConsumerType;

/** Progress of one sync: bytes of assets moved so far of the total to move. */
@ConsumerType
public interface SyncListener {

  /** Does nothing. */
  SyncListener NONE = (phase, done, total) -> { };

  /**
   * Called from transfer threads as assets move ({@code phase} is {@code upload} or
   * {@code download}); {@code total} is the byte count of everything this phase moves.
   */
  void progress(String phase, long done, long total);
}
