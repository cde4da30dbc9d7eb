package org.patchwork.marketplace;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Progress of a marketplace command, called on the thread running it.
 *
 * <pre>{@code
 * Progress p = (id, version, done, total) -> display.asyncExec(() -> bar.setSelection((int) (1000 * done / total)));
 * }</pre>
 */
@ConsumerType
@FunctionalInterface
public interface Progress {

  /** Reports nothing. */
  Progress NONE = (id, version, done, total) -> { };

  /**
   * A jar is downloading: {@code done} of {@code total} bytes, {@code total} being the size the
   * signed catalogue gives. For each jar {@code done} only grows and its last call has
   * {@code done == total}.
   */
  void download(String id, String version, long done, long total);

  /** The command moves on to another step, in words ("resolving", "installing and starting"). */
  default void step(String text) {
  }
}
