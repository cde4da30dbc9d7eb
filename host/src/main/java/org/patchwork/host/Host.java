package org.patchwork.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * The embedded Apache Felix framework with the distribution's bundles. Bundles are installed
 * from the distribution's {@code bundles/} folder and from {@code $PATCHWORK_HOME/bundles}, then
 * started in the order {@code conf/patchwork.properties} defines. A bundle that fails to
 * resolve or start is reported by name with the reason; the others keep running.
 *
 * <p>Two OSGi start levels: everything a one-shot command needs (engine, drivers, DSP modules,
 * projects, every bundle a user installed) is at {@link #CORE}; the bundles that serve an
 * interactive session only ({@code patchwork.start.interactive}: the window and its panels,
 * MIDI, OSC, controllers, sync, remote storage) are at {@link #INTERACTIVE}. {@code render},
 * {@code play} and the like run the framework at the core level, so they open no MIDI port,
 * bind no OSC socket and load no SWT; the window, headless mode, a command of an interactive
 * bundle and {@code play --live} raise it ({@link #startInteractive()}, or any bundle through
 * the standard {@link FrameworkStartLevel} with the level in the framework property
 * {@value #INTERACTIVE_PROPERTY}).
 */
final class Host {

  static final int CORE = 1;
  static final int INTERACTIVE = 2;
  static final String INTERACTIVE_PROPERTY = "patchwork.startlevel.interactive";

  private final Path distribution;
  private final Home home;
  private final Reporter reporter;
  private final Map<String, String> extraProperties;
  private Felix felix;

  Host(Path distribution, Home home, Reporter reporter, Map<String, String> extraProperties) {
    this.distribution = distribution;
    this.home = home;
    this.reporter = reporter;
    this.extraProperties = extraProperties;
  }

  BundleContext context() {
    return felix.getBundleContext();
  }

  /**
   * Boots the framework and starts the bundles of the core level, and those of the interactive
   * level too when {@code interactive} (else they are installed and marked to start with it).
   */
  void start(boolean interactive) throws IOException, BundleException, InterruptedException {
    home.prepare();
    Properties conf = new Properties();
    Path confFile = distribution.resolve("conf/patchwork.properties");
    if (Files.exists(confFile)) {
      try (InputStream in = Files.newInputStream(confFile)) {
        conf.load(in);
      }
    }
    Map<String, Object> config = new HashMap<>();
    conf.stringPropertyNames().forEach(k -> config.put(k, conf.getProperty(k).strip()));
    config.put(Constants.FRAMEWORK_STORAGE, home.frameworkStorage().toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    config.put("patchwork.home", home.root().toString());
    config.put("patchwork.distribution", distribution.toString());
    config.put("patchwork.version", Main.version());
    config.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, String.valueOf(CORE));
    config.put(INTERACTIVE_PROPERTY, String.valueOf(INTERACTIVE));
    config.put("felix.log.logger", new FrameworkLogger(reporter));
    config.putAll(extraProperties);
    felix = new Felix(config);
    felix.init();
    felix.start();
    context().addFrameworkListener(this::frameworkEvent);

    List<Bundle> installed = new ArrayList<>();
    installed.addAll(installAll(distribution.resolve("bundles")));
    installed.addAll(installAll(home.installedBundles()));
    StartOrder order = new StartOrder(conf.getProperty("patchwork.start.order", ""));
    installed.sort(Comparator.comparingInt((Bundle b) -> order.rank(b.getSymbolicName()))
        .thenComparing(Bundle::getSymbolicName));
    StartOrder interactiveOnly = new StartOrder(conf.getProperty("patchwork.start.interactive", ""));
    for (Bundle b : installed) {
      if (interactiveOnly.matches(b.getSymbolicName())) {
        b.adapt(BundleStartLevel.class).setStartLevel(INTERACTIVE);
      }
    }
    for (Bundle b : installed) {
      startReporting(b, reporter, "bundle "); // an interactive bundle: marked, started with its level
    }
    if (interactive) {
      startInteractive();
    }
  }

  /**
   * Raises the framework to the interactive level and waits until the bundles there have
   * started (a bundle that fails is reported, as at start).
   */
  void startInteractive() throws InterruptedException {
    FrameworkStartLevel levels = felix.adapt(FrameworkStartLevel.class);
    if (levels.getStartLevel() >= INTERACTIVE) {
      return;
    }
    CountDownLatch changed = new CountDownLatch(1);
    levels.setStartLevel(INTERACTIVE, event -> {
      if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
        changed.countDown();
      }
    });
    if (!changed.await(60, TimeUnit.SECONDS)) {
      reporter.problem("the interactive bundles did not start within 60 s");
    }
  }

  /**
   * The framework reports a bundle that fails to start with its level (whoever raised it) or
   * to restart after a refresh as an ERROR event; said like a failure at start.
   */
  private void frameworkEvent(FrameworkEvent event) {
    if (event.getType() != FrameworkEvent.ERROR || event.getBundle() == null) {
      return;
    }
    Bundle b = event.getBundle();
    String what = event.getThrowable() instanceof BundleException ? " did not start: " : ": ";
    reporter.problem("bundle " + b.getSymbolicName() + " " + b.getVersion() + what + Reporter.reason(event.getThrowable()));
  }

  private List<Bundle> installAll(Path folder) throws IOException {
    List<Bundle> bundles = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return bundles;
    }
    List<Path> jars;
    try (Stream<Path> list = Files.list(folder)) {
      jars = list.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
    for (Path jar : jars) {
      try {
        bundles.add(context().installBundle("reference:" + jar.toUri()));
      } catch (BundleException e) {
        reporter.problem("bundle " + jar.getFileName() + " cannot be installed: " + Reporter.reason(e));
      }
    }
    return bundles;
  }

  /** Starts a bundle (fragments are only resolved); reports a failure and returns false. */
  static boolean startReporting(Bundle b, Reporter reporter, String what) {
    if (b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
      return true;
    }
    try {
      b.start();
      return true;
    } catch (BundleException | RuntimeException e) {
      reporter.problem(what + b.getSymbolicName() + " " + b.getVersion() + " did not start: "
          + Reporter.reason(e));
      return false;
    }
  }

  /** Stops every bundle and the framework, then removes this process's framework storage. */
  synchronized void stop() {
    if (felix == null) {
      return;
    }
    try {
      felix.stop();
      FrameworkEvent event = felix.waitForStop(15_000);
      if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
        reporter.problem("the framework did not stop within 15 s");
      }
      Home.deleteTree(home.frameworkStorage());
    } catch (BundleException | InterruptedException | IOException e) {
      reporter.problem("shutdown: " + Reporter.reason(e));
    } finally {
      felix = null;
    }
  }

  /** Felix's own messages go to the reporter, not to standard output. */
  private static final class FrameworkLogger extends Logger {
    private final Reporter reporter;

    FrameworkLogger(Reporter reporter) {
      this.reporter = reporter;
      setLogLevel(LOG_WARNING);
    }

    @Override
    protected void doLog(int level, String msg, Throwable throwable) {
      String text = msg + (throwable == null ? "" : ": " + Reporter.reason(throwable));
      if (level <= LOG_ERROR && msg != null && msg.contains("Error starting ")) {
        // a bundle that failed to start with its start level: frameworkEvent reports it by name
        reporter.append("ERROR", text);
      } else if (level <= LOG_ERROR) {
        reporter.problem(text);
      } else {
        reporter.append(level == LOG_WARNING ? "WARN" : "INFO", text);
      }
    }
  }
}
