package org.patchwork.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.patchwork.drivers.fixture.RareBranch;

/**
 * A branch first taken on the audio thread allocates while the JVM resolves what it names,
 * unless {@link ConstantPools} resolved it before. Each case loads the fixture in a class
 * loader of its own (like a bundle's), so neither sees the other's resolutions.
 */
class ConstantPoolsTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void aRareBranchAllocatesOnFirstUseWhenNothingWasResolved() throws Throwable {
    try (URLClassLoader loader = bundleLike()) {
      assertTrue(firstRareCallAllocates(loader, false) > 0, "lazy resolution allocates");
    }
  }

  @Test
  void aRareBranchAllocatesNothingOnceItsConstantPoolWasResolved() throws Throwable {
    try (URLClassLoader loader = bundleLike()) {
      assertEquals(0, firstRareCallAllocates(loader, true));
    }
  }

  @Test
  void followsReferencesIntoClassesOfTheSameLoaderButNotIntoTheJdk() throws Throwable {
    try (URLClassLoader loader = bundleLike()) {
      Class<?> fixture = Class.forName(RareBranch.class.getName(), false, loader);
      ConstantPools.Result r = ConstantPools.resolve(fixture);
      assertEquals(1, r.classes(), r.toString()); // only the fixture: java.lang.* is not read
      assertTrue(r.references() >= 3, r.toString()); // itself, Object, Long, String
      assertTrue(r.strings() >= 1, r.toString());
    }
  }

  private static long firstRareCallAllocates(ClassLoader loader, boolean resolveFirst) throws Throwable {
    Class<?> fixture = Class.forName(RareBranch.class.getName(), true, loader);
    MethodHandle run = MethodHandles.publicLookup().findStatic(fixture, "run",
        MethodType.methodType(int.class, boolean.class, long.class));
    int sink = (int) run.invokeExact(false, 8L); // links the handle; the branch stays untaken
    if (resolveFirst) {
      ConstantPools.resolve(fixture);
    }
    THREADS.getCurrentThreadAllocatedBytes();
    long before = THREADS.getCurrentThreadAllocatedBytes();
    sink += (int) run.invokeExact(true, 8L);
    long after = THREADS.getCurrentThreadAllocatedBytes();
    assertEquals(3 + 33, sink);
    return after - before;
  }

  /** Defines the fixture itself, delegating only the JDK: a bundle's class loader in miniature. */
  private static URLClassLoader bundleLike() throws Exception {
    URL classes = Path.of(RareBranch.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toUri().toURL();
    return new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
  }
}
