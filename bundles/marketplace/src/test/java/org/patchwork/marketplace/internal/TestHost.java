package org.patchwork.marketplace.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.resolver.Resolver;
import org.patchwork.marketplace.Marketplace;

/**
 * An embedded Felix framework standing in for the host: {@code patchwork.home} set, the
 * framework's resolver, and, when asked, Declarative Services and the SDK bundle, so that a
 * module bundle the marketplace installs registers its {@code ModuleFactory} as in the real host.
 * The bundles come from {@code target/test-bundles} (the build copies them there).
 */
public final class TestHost implements AutoCloseable {

  /** Where the build copies the framework bundles for tests. */
  public static final Path BUNDLES = Path.of(System.getProperty("patchwork.testBundles", "target/test-bundles"));

  private final Felix felix;
  private final Path home;

  /**
   * Starts a framework storing its cache in {@code dir}/felix and using {@code home} as
   * {@code $PATCHWORK_HOME}.
   *
   * @param withComponents whether to install SCR and the SDK so module bundles register factories
   */
  public TestHost(Path dir, Path home, boolean withComponents) throws BundleException, IOException {
    this.home = home;
    Map<String, Object> config = new HashMap<>();
    config.put(Constants.FRAMEWORK_STORAGE, dir.resolve("felix").toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    config.put("patchwork.home", home.toString());
    config.put("patchwork.version", "0.1.0");
    felix = new Felix(config);
    felix.init();
    felix.start();
    if (withComponents) {
      List<Bundle> started = new ArrayList<>();
      for (String name : List.of("org.osgi.util.function.jar", "org.osgi.util.promise.jar",
          "org.osgi.service.component.jar", "org.apache.felix.scr.jar", "sdk.jar")) {
        Path jar = BUNDLES.resolve(name);
        if (!Files.isRegularFile(jar)) {
          throw new IllegalStateException(jar.toAbsolutePath() + " is missing: the build copies it (mvn process-test-resources)");
        }
        started.add(context().installBundle("reference:" + jar.toUri()));
      }
      for (Bundle b : started) {
        b.start();
      }
    }
  }

  public BundleContext context() {
    return felix.getBundleContext();
  }

  public Path home() {
    return home;
  }

  public Resolver resolver() {
    return context().getService(context().getServiceReference(Resolver.class));
  }

  /** The real marketplace service over this framework, as DS would make it. */
  public Marketplace marketplace() {
    return new MarketplaceService(context(), resolver());
  }

  /** {@code pw:market ARGS} as typed in this host's shell (its output goes to System.out). */
  public void market(String... args) throws Exception {
    new MarketCommand(context(), resolver()).market(args);
  }

  /** The bundle the marketplace installed as {@code id}, or null. */
  public Bundle installed(String id) {
    return context().getBundle(Planner.LOCATION + id);
  }

  /** Waits until {@code condition} holds (DS activates components on its own thread). */
  public static boolean await(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  @Override
  public void close() throws Exception {
    felix.stop();
    felix.waitForStop(10_000);
  }
}
