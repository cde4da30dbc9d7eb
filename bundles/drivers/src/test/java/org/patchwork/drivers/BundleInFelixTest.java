package org.patchwork.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
import org.patchwork.drivers.internal.JackServer;

/**
 * The packaging, checked in a real Felix: the drivers bundle (its bnd-made manifest, straight
 * from target/classes) resolves on its own, with nothing embedded and no JNA; takes
 * com.sun.management from the JDK; binds libjack with java.lang.foreign from its bundle class
 * loader and plays through a real jackd; and its null driver plays.
 *
 * <p>Native access: a bundle's classes live in its class loader's unnamed module, so the
 * {@code --enable-native-access=ALL-UNNAMED} the pom's argLine passes (as bin/patchwork does)
 * covers them; without the flag JDK 25 only warns, with {@code --illegal-native-access=deny}
 * the driver refuses clearly (NativeAccessTest).
 */
class BundleInFelixTest {

  @Test
  void resolvesWithoutJnaAndPlaysThroughJackInsideTheFramework(@TempDir Path storage) throws Exception {
    Path classes = Path.of(System.getProperty("drivers.classes"));
    Felix felix = new Felix(Map.of(
        Constants.FRAMEWORK_STORAGE, storage.toString(),
        Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
    felix.start();
    try (JackServer jack = JackServer.start(48_000, 64, Path.of("target"))) {
      BundleContext context = felix.getBundleContext();
      Bundle drivers = context.installBundle("reference:" + classes.toUri());
      drivers.start();
      assertEquals(Bundle.ACTIVE, drivers.getState());
      assertEquals("org.patchwork.drivers", drivers.getSymbolicName());
      String imports = drivers.getHeaders().get(Constants.IMPORT_PACKAGE);
      assertFalse(imports.contains("com.sun.jna") || imports.contains("jaudiolibs"), "no JNA, no JNAJack: " + imports);
      assertNull(drivers.getHeaders().get(Constants.BUNDLE_CLASSPATH), "nothing on a Bundle-ClassPath");

      BundleWiring wiring = drivers.adapt(BundleWiring.class);
      assertEquals(0, provider(wiring, "com.sun.management").getBundleId(), "com.sun.management from the JDK");
      ClassLoader loader = wiring.getClassLoader();
      Class<?> jackDriver = loader.loadClass("org.patchwork.drivers.internal.JackDriver");
      assertSame(loader, jackDriver.getClassLoader(), "the JACK driver is the bundle's own class");
      assertFalse(jackDriver.getModule().isNamed(), "in the bundle class loader's unnamed module");
      assertNull(jackDriver.getMethod("unavailableReason").invoke(null), "libjack bound from the bundle class loader");

      // Everything below is the bundle's own classes, seen through reflection from outside.
      Class<?> driversType = loader.loadClass(Drivers.class.getName());
      Class<?> settingsType = loader.loadClass(DriverSettings.class.getName());
      Class<?> callbackType = loader.loadClass(AudioCallback.class.getName());
      Class<?> driverType = loader.loadClass(AudioDriver.class.getName());
      Object settings = settingsType.getMethod("defaults").invoke(null);
      Object silence = Proxy.newProxyInstance(loader, new Class<?>[] {callbackType}, (p, m, a) -> null);

      assertEquals("jack", driversType.getMethod("resolve", String.class).invoke(null, "auto"), "auto finds the server");
      long jackBlocks = play(driversType, driverType, settingsType, callbackType, "jack", settings, silence);
      assertTrue(jackBlocks >= 100, "64-frame JACK periods in 0.3 s at 48 kHz: " + jackBlocks);

      long nullBlocks = play(driversType, driverType, settingsType, callbackType, "null", settings, silence);
      assertTrue(nullBlocks >= 40 && nullBlocks <= 70, "blocks of 256 frames in 0.3 s at 48 kHz: " + nullBlocks);
    } finally {
      felix.stop();
      felix.waitForStop(10_000);
    }
  }

  /** Creates, opens and starts a driver by name, plays 0.3 s, closes it and returns its blocks. */
  private static long play(Class<?> driversType, Class<?> driverType, Class<?> settingsType, Class<?> callbackType,
      String name, Object settings, Object callback) throws Exception {
    Object driver = driversType.getMethod("create", String.class).invoke(null, name);
    try {
      driverType.getMethod("open", settingsType).invoke(driver, settings);
      driverType.getMethod("start", callbackType).invoke(driver, callback);
      Thread.sleep(300);
    } finally {
      driverType.getMethod("close").invoke(driver);
    }
    Object stats = driverType.getMethod("stats").invoke(driver);
    Method blocks = stats.getClass().getMethod("blocks");
    return (long) blocks.invoke(stats);
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
