package org.patchwork.playback.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Live play needs the bundles that feed it (MIDI, OSC, controllers), which a one-shot
 * {@code patchwork play} does not start: the host puts them at the start level named by the
 * framework property {@code patchwork.startlevel.interactive}, and this raises the framework to
 * it (the standard {@link FrameworkStartLevel}) and waits until they have started. Without the
 * property (a framework other than the host's) it does nothing.
 */
final class InteractiveLevel {

  private InteractiveLevel() {}

  static void raise(BundleContext context) throws InterruptedException {
    String level = context.getProperty("patchwork.startlevel.interactive");
    if (level == null) {
      return;
    }
    FrameworkStartLevel levels = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkStartLevel.class);
    int wanted = Integer.parseInt(level.strip());
    if (levels.getStartLevel() >= wanted) {
      return;
    }
    CountDownLatch changed = new CountDownLatch(1);
    levels.setStartLevel(wanted, event -> {
      if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
        changed.countDown();
      }
    });
    if (!changed.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the live-input bundles (MIDI, OSC, controllers) did not start within 60 s");
    }
  }
}
