package org.patchwork.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The packaging, checked in a real Felix: the drivers bundle (its bnd-made manifest and the
 * embedded JNAJack jar, straight from target/classes) resolves with JNA installed as its own
 * bundle, binds libjack through it, takes com.sun.management from the JDK, and its null
 * driver plays.
 */
class BundleInFelixTest {

  @Test
  void resolvesWithJnaAsABundleAndPlaysInsideTheFramework(@TempDir Path storage) throws Exception {
    Path classes = Path.of(System.getProperty("drivers.classes"));
    Path jnaJar = Path.of(System.getProperty("jna.bundle"));
    assertTrue(Files.isRegularFile(classes.resolve("lib/jnajack.jar")), "JNAJack is embedded");
    Felix felix = new Felix(Map.of(
        Constants.FRAMEWORK_STORAGE, storage.toString(),
        Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
    felix.start();
    try {
      BundleContext context = felix.getBundleContext();
      Bundle jna = context.installBundle(jnaJar.toUri().toString());
      Bundle drivers = context.installBundle("reference:" + classes.toUri());
      drivers.start();
      assertEquals(Bundle.ACTIVE, drivers.getState());
      assertEquals("org.patchwork.drivers", drivers.getSymbolicName());

      BundleWiring wiring = drivers.adapt(BundleWiring.class);
      assertEquals(jna, provider(wiring, "com.sun.jna"), "com.sun.jna comes from the JNA bundle");
      assertEquals(0, provider(wiring, "com.sun.management").getBundleId(), "com.sun.management from the JDK");
      Class<?> jack = drivers.loadClass("org.jaudiolibs.jnajack.Jack");
      assertSame(wiring.getClassLoader(), jack.getClassLoader(), "JNAJack is loaded from inside the bundle");
      // JNAJack binds libjack through the JNA bundle, whose native dispatcher Felix extracts
      // from Bundle-NativeCode: this fails if either half of the packaging is wrong.
      Object jackInstance = jack.getMethod("getInstance").invoke(null);
      assertSame(jack, jackInstance.getClass());

      // Everything below is the bundle's own classes, seen through reflection from outside.
      ClassLoader loader = wiring.getClassLoader();
      Class<?> settingsType = loader.loadClass(DriverSettings.class.getName());
      Class<?> callbackType = loader.loadClass(AudioCallback.class.getName());
      Object driver = loader.loadClass(Drivers.class.getName()).getMethod("create", String.class).invoke(null, "null");
      Object settings = settingsType.getMethod("defaults").invoke(null);
      Object silence = Proxy.newProxyInstance(loader, new Class<?>[] {callbackType}, (p, m, a) -> null);
      Class<?> driverType = loader.loadClass(AudioDriver.class.getName());
      driverType.getMethod("open", settingsType).invoke(driver, settings);
      driverType.getMethod("start", callbackType).invoke(driver, silence);
      Thread.sleep(300);
      driverType.getMethod("close").invoke(driver);
      Object stats = driverType.getMethod("stats").invoke(driver);
      Method blocks = stats.getClass().getMethod("blocks");
      long played = (long) blocks.invoke(stats);
      assertTrue(played >= 40 && played <= 70, "blocks of 256 frames in 0.3 s at 48 kHz: " + played);
    } finally {
      felix.stop();
      felix.waitForStop(10_000);
    }
  }

  private static Bundle provider(BundleWiring wiring, String pkg) {
    for (BundleWire wire : wiring.getRequiredWires("osgi.wiring.package")) {
      if (pkg.equals(wire.getCapability().getAttributes().get("osgi.wiring.package"))) {
        return wire.getProvider().getBundle();
      }
    }
    throw new AssertionError(pkg + " is not wired: " + wiring.getRequiredWires("osgi.wiring.package"));
  }
}
