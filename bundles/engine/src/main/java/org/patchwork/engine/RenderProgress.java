package org.patchwork.engine;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told how far a render has come, so a command line can draw a progress bar. Called on the
 * rendering thread, at most about a hundred times, with 1.0 last on success. Throwing aborts
 * the render and leaves no file behind.
 */
@ConsumerType
@FunctionalInterface
public interface RenderProgress {

  /** Ignores progress. */
  RenderProgress NONE = fraction -> { };

  /** @param fraction 0..1 of the frames rendered so far */
  void progress(double fraction);
}
