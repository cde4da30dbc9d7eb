package org.patchwork.ui.shell.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Puts MIDI and OSC controllers onto the open window: registers {@link WorkbenchControls} as the
 * controllers bundle's backend (ranking {@value #RANKING}, above the headless host's live
 * backend) while the window is open. The shell imports the controllers' package optionally
 * (see the bnd instructions); without the controllers bundle the window simply has no
 * controller input, and this class says so once. Only this class and {@link WorkbenchControls}
 * name that package.
 */
final class ControllersBridge {

  /** Above the controllers bundle's live backend (10) and its sequencer fallback (-100). */
  static final int RANKING = 20;

  private ControllersBridge() {
  }

  /** Registers the backend; closing the result unregisters it. Thread: any. */
  static AutoCloseable open(BundleContext context, WorkbenchService workbench, Consumer<String> log) {
    try {
      return Registration.open(context, workbench, log);
    } catch (NoClassDefFoundError e) {
      log.accept("controllers bundle (org.patchwork.controllers) not installed: MIDI and OSC controllers do not "
          + "reach the workbench");
      return () -> { };
    }
  }

  /** Loaded only when called, so a missing controllers package shows as a NoClassDefFoundError above. */
  private static final class Registration {
    static AutoCloseable open(BundleContext context, WorkbenchService workbench, Consumer<String> log) {
      WorkbenchControls controls = new WorkbenchControls(workbench, log);
      Dictionary<String, Object> props = new Hashtable<>();
      props.put(Constants.SERVICE_RANKING, RANKING);
      props.put(Constants.SERVICE_DESCRIPTION, "The open workbench window");
      ServiceRegistration<?> registration =
          context.registerService(org.patchwork.controllers.ControlBackend.class, controls, props);
      log.accept("controllers (MIDI, OSC) act on the workbench window");
      return () -> {
        try {
          registration.unregister();
        } catch (IllegalStateException alreadyGone) {
          // The shell bundle is stopping and the framework unregistered it first.
        }
        controls.close();
      };
    }
  }
}
