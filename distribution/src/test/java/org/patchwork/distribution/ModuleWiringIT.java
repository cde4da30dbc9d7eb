package org.patchwork.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * In-container: the distribution's real bundles booted in Felix by Pax Exam. Checks the DS
 * wiring: the example module's factory is registered with the descriptor it declares, and the
 * shell commands are published under the {@code pw} scope.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleWiringIT {

  @Inject
  private BundleContext context;

  @Configuration
  public Option[] config() throws IOException {
    List<Option> options = new ArrayList<>();
    Path bundles = Path.of("target/patchwork/bundles").toAbsolutePath();
    try (Stream<Path> jars = Files.list(bundles)) {
      jars.filter(p -> p.toString().endsWith(".jar")).sorted()
          .forEach(p -> options.add(isFragment(p)
              ? bundle("reference:" + p.toUri()).noStart()
              : bundle("reference:" + p.toUri())));
    }
    options.add(junitBundles());
    options.add(frameworkProperty("gosh.args").value("--nointeractive --noshutdown"));
    Path home = Files.createDirectories(Path.of("target/it-home").toAbsolutePath());
    options.add(frameworkProperty("patchwork.home").value(home.toString()));
    return options(options.toArray(new Option[0]));
  }

  private static boolean isFragment(Path jar) {
    try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
      return j.getManifest().getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  public void sineFactoryIsRegisteredWithItsDescriptor() throws Exception {
    Class<?> factoryType = sdk().loadClass("org.patchwork.sdk.module.ModuleFactory");
    Collection<ServiceReference<Object>> refs = lookup(factoryType.getName(),
        "(patchwork.module.id=org.patchwork.examples.sine)");
    assertEquals(1, refs.size());
    ServiceReference<Object> ref = refs.iterator().next();
    assertEquals("org.patchwork.example-sine", ref.getBundle().getSymbolicName());
    Object factory = context.getService(ref);
    Object descriptor = factoryType.getMethod("descriptor").invoke(factory);
    Class<?> d = descriptor.getClass();
    assertEquals("org.patchwork.examples.sine", d.getMethod("id").invoke(descriptor));
    assertEquals("INSTRUMENT", d.getMethod("kind").invoke(descriptor).toString());
    assertEquals(2, ((List<?>) d.getMethod("ports").invoke(descriptor)).size());
    assertEquals(0, d.getMethod("parameterIndex", String.class).invoke(descriptor, "gain"));
    assertEquals(2, d.getMethod("parameterIndex", String.class).invoke(descriptor, "release"));
    Object module = factoryType.getMethod("create").invoke(factory);
    assertEquals("SineModule", module.getClass().getSimpleName());
  }

  @Test
  public void shellCommandsArePublishedInThePwScope() throws Exception {
    for (String function : List.of("bundles", "modules")) {
      assertEquals(function, 1,
          lookup(null, "(&(osgi.command.scope=pw)(osgi.command.function=" + function + "))").size());
    }
  }

  @Test
  public void everyBundleIsActiveOrAResolvedFragment() {
    for (Bundle b : context.getBundles()) {
      boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
      int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
      assertEquals(b.getSymbolicName(), expected, b.getState());
    }
  }

  private Bundle sdk() {
    for (Bundle b : context.getBundles()) {
      if ("org.patchwork.sdk".equals(b.getSymbolicName())) {
        return b;
      }
    }
    throw new AssertionError("the SDK bundle is not installed");
  }

  @SuppressWarnings("unchecked")
  private Collection<ServiceReference<Object>> lookup(String clazz, String filter) throws Exception {
    ServiceReference<?>[] refs = context.getServiceReferences(clazz, filter);
    assertNotNull(filter, refs);
    assertTrue(refs.length > 0);
    List<ServiceReference<Object>> list = new ArrayList<>();
    for (ServiceReference<?> r : refs) {
      list.add((ServiceReference<Object>) r);
    }
    return list;
  }
}
