package org.patchwork.storage.s3;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An in-process Felix with SCR and Config Admin, for checking that a storage bundle resolves
 * and works as a bundle. The SDK's project package comes from the class path (exported by the
 * system bundle), so the test and the bundle see the same {@code ProjectRepository} type.
 */
public final class FelixHarness implements AutoCloseable {

  private final Felix felix;

  public FelixHarness(Path storage, List<String> extraSystemPackages) throws Exception {
    this(storage, extraSystemPackages, Map.of());
  }

  /** A framework with these extra system packages and framework properties. */
  public FelixHarness(Path storage, List<String> extraSystemPackages, Map<String, String> properties)
      throws Exception {
    Map<String, Object> config = new HashMap<>(properties);
    config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    List<String> extra = new ArrayList<>(List.of("org.patchwork.sdk.project;version=\"1.1.0\""));
    extra.addAll(extraSystemPackages);
    config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",", extra));
    felix = new Felix(config);
    felix.start();
  }

  public BundleContext context() {
    return felix.getBundleContext();
  }

  /** Installs and starts SCR, Config Admin and their API bundles from the test class path. */
  public void installRuntime() throws Exception {
    for (String name : List.of("org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component-",
        "org.apache.felix.scr", "org.apache.felix.configadmin")) {
      install(classPathJar(name)).start();
    }
  }

  public Bundle install(File jar) throws Exception {
    return context().installBundle(jar.toURI().toString());
  }

  /** A jar on the test class path whose file name starts with {@code prefix}. */
  public static File classPathJar(String prefix) {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      File f = new File(entry);
      if (f.getName().startsWith(prefix) && f.getName().endsWith(".jar")) {
        return f;
      }
    }
    throw new IllegalStateException("no " + prefix + "*.jar on the test class path");
  }

  /** Creates a factory configuration through Config Admin (by reflection: its API is the bundle's). */
  public void configure(String factoryPid, Map<String, Object> properties) throws Exception {
    await("(objectClass=org.osgi.service.cm.ConfigurationAdmin)");
    var ref = context().getAllServiceReferences("org.osgi.service.cm.ConfigurationAdmin", null)[0];
    Object admin = context().getService(ref);
    Bundle cm = ref.getBundle();
    Class<?> adminType = cm.loadClass("org.osgi.service.cm.ConfigurationAdmin");
    Class<?> configurationType = cm.loadClass("org.osgi.service.cm.Configuration");
    Object configuration = adminType.getMethod("getFactoryConfiguration", String.class, String.class, String.class)
        .invoke(admin, factoryPid, "test", "?");
    Dictionary<String, Object> dict = new Hashtable<>(properties);
    configurationType.getMethod("update", Dictionary.class).invoke(configuration, dict);
  }

  /** Waits up to 20 s for a service matching {@code filter}. */
  public Object await(String filter) throws Exception {
    ServiceTracker<Object, Object> t = new ServiceTracker<>(context(), context().createFilter(filter), null);
    t.open(true);
    try {
      Object s = t.waitForService(20_000);
      if (s != null) {
        s = context().getService(t.getServiceReference()); // held until the framework stops
      }
      if (s == null) {
        StringBuilder why = new StringBuilder("no service " + filter + " within 20 s; bundles:");
        for (Bundle b : context().getBundles()) {
          why.append("\n  ").append(b.getSymbolicName()).append(" state ").append(b.getState());
        }
        throw new AssertionError(why.toString());
      }
      return s;
    } finally {
      t.close();
    }
  }

  @Override
  public void close() throws Exception {
    felix.stop();
    felix.waitForStop(10_000);
  }
}
