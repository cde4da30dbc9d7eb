package org.patchwork.ui.shell.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.patchwork.commands.Cli;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.Workbench;
import picocli.CommandLine;

/**
 * {@code pw:gui}: opens the workbench window and runs the SWT event loop on the calling thread
 * until the window closes. {@code bin/patchwork gui} calls it on the JVM's main thread, which
 * thereby becomes the UI thread (GTK needs one thread for all UI work; SWT on macOS would need
 * the main thread itself).
 *
 * <p>Panels are {@link UiPanel} services, bound dynamically and greedily: a panel whose bundle
 * is installed, updated or removed appears, is rebuilt or disappears while the window stays
 * open. Binding happens on whatever thread the framework uses; the window is only touched on
 * the UI thread, through {@code asyncExec} with a disposal check.
 */
@Component(service = GuiCommand.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=gui",
    "patchwork.command.summary=Open the workstation window"})
public final class GuiCommand {

  @CommandLine.Command(name = "gui", description = "Open the workstation window.")
  static final class Options {
    @CommandLine.Parameters(paramLabel = "PROJECT", arity = "0..1",
        description = "A project folder or its project.json; `demo` opens the bundled demo song.")
    String project;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  private final Workbench workbench;
  private final Logger log;
  private final Path home;
  private final String theme;
  private final BundleContext context;
  private final List<UiPanel> panels = new CopyOnWriteArrayList<>();
  private volatile WorkbenchWindow window;
  private volatile Display display;
  private volatile CountDownLatch closed = new CountDownLatch(0);

  @Activate
  public GuiCommand(@Reference Workbench workbench,
      @Reference(service = LoggerFactory.class) Logger log, BundleContext context) {
    this.workbench = workbench;
    this.log = log;
    String h = context.getProperty("patchwork.home");
    this.home = h == null ? null : Path.of(h);
    String t = context.getProperty("patchwork.ui.theme");
    this.theme = t == null ? "dark" : t;
    this.context = context;
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY, unbind = "removePanel")
  void addPanel(UiPanel panel) {
    panels.add(panel);
    onUiThread(w -> w.panels().add(panel));
  }

  void removePanel(UiPanel panel) {
    panels.remove(panel);
    onUiThread(w -> w.panels().remove(panel));
  }

  private void onUiThread(java.util.function.Consumer<WorkbenchWindow> task) {
    Display d = display;
    if (d == null || d.isDisposed()) {
      return;
    }
    try {
      d.asyncExec(() -> {
        WorkbenchWindow w = window;
        if (w != null && !w.shell().isDisposed()) {
          task.accept(w);
        }
      });
    } catch (org.eclipse.swt.SWTException disposedMeanwhile) {
      // The window closed between the check and the call: nothing left to update.
    }
  }

  /** Thread: the caller's, which becomes the UI thread; returns when the window is closed. */
  public void gui(String... args) throws Exception {
    Options o = Cli.parse(new Options(), args);
    if (o == null) {
      return;
    }
    if (window != null) {
      throw new UsageException("gui: the window is already open");
    }
    Display d = DisplaySetup.open(home, theme);
    CountDownLatch done = new CountDownLatch(1);
    closed = done;
    AutoCloseable controllers = () -> { };
    try {
      WorkbenchWindow w = new WorkbenchWindow(d, workbench, new PanelLog(log));
      display = d;
      window = w;
      w.addAll(panels);
      w.open();
      // MIDI and OSC controllers act on this window while it is open.
      if (workbench instanceof WorkbenchService service) {
        controllers = ControllersBridge.open(context, service, log::info);
      }
      if (o.project != null) {
        workbench.open(Path.of(o.project)).exceptionally(e -> null);
      }
      log.info("workbench window open (UI thread: " + Thread.currentThread().getName() + ")");
      while (!w.shell().isDisposed()) {
        if (!d.readAndDispatch()) {
          d.sleep();
        }
      }
      log.info("workbench window closed");
    } finally {
      controllers.close();
      window = null;
      display = null;
      workbench.stop();
      d.dispose();
      done.countDown();
    }
  }

  /** The host is stopping this bundle: close the window without asking, wait for the loop. */
  @Deactivate
  void deactivate() throws InterruptedException {
    Display d = display;
    if (d != null && !d.isDisposed()) {
      try {
        d.asyncExec(() -> {
          WorkbenchWindow w = window;
          if (w != null) {
            w.forceClose();
          }
        });
      } catch (org.eclipse.swt.SWTException gone) {
        return;
      }
      closed.await(10, TimeUnit.SECONDS);
    }
  }

  /** Panel comings and goings go to the log service, so the log file tells the story. */
  private record PanelLog(Logger log) implements PanelHost.Log {
    @Override
    public void info(String message) {
      log.info(message);
    }

    @Override
    public void error(String message, Throwable failure) {
      log.error(message, failure);
    }
  }
}
