package org.patchwork.engine.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.patchwork.engine.ModuleFault;
import org.patchwork.engine.ModuleGuard;

/**
 * The host's {@link ModuleGuard} service: crash markers in
 * {@code $PATCHWORK_HOME/activation-markers} (framework property {@code patchwork.home}), faults
 * logged through the OSGi log, which the logging bundle writes to {@code patchwork.log} and, for
 * warnings, to standard error. Every call comes from a control thread: the audio thread only
 * counts faults and publishes telemetry; the session's lifecycle thread reports them here.
 */
@Component(service = ModuleGuard.class)
public final class GuardComponent implements ModuleGuard {

  /** Folder under {@code patchwork.home} that holds the markers. */
  public static final String FOLDER = "activation-markers";

  private final MarkerGuard guard;

  @Activate
  public GuardComponent(BundleContext context, @Reference(service = LoggerFactory.class) Logger log) {
    String home = context.getProperty("patchwork.home");
    Path root = Path.of(home == null ? System.getProperty("user.home") + "/.patchwork" : home);
    Consumer<String> warn = log::warn;
    Consumer<String> info = log::info;
    this.guard = MarkerGuard.open(root.resolve(FOLDER), warn, info);
  }

  @Override
  public boolean isHeldBack(String moduleId) {
    return guard.isHeldBack(moduleId);
  }

  @Override
  public List<String> heldBack() {
    return guard.heldBack();
  }

  @Override
  public void activating(String moduleId, String nodeId) {
    guard.activating(moduleId, nodeId);
  }

  @Override
  public void activated(String moduleId, String nodeId) {
    guard.activated(moduleId, nodeId);
  }

  @Override
  public void report(ModuleFault fault) {
    guard.report(fault);
  }

  @Override
  public void log(String message) {
    guard.log(message);
  }

  @Override
  public List<ModuleFault> faults() {
    return guard.faults();
  }

  @Override
  public boolean clear(String moduleId) {
    return guard.clear(moduleId);
  }

  @Override
  public Subscription onClear(Consumer<String> listener) {
    return guard.onClear(listener);
  }
}
