package org.patchwork.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.patchwork.project.internal.Hashes;

/** The lockfile names the bundle behind each module's factory and hashes its jar. */
class FrameworkModuleLocksTest {

  @TempDir
  Path tmp;

  @Test
  void eachModuleIsLockedToItsProvidingBundleJar() throws Exception {
    Path jar = tmp.resolve("dsp-oscillators-1.2.0.jar");
    Files.write(jar, "PK pretend jar".getBytes());
    Bundle bundle = bundle("org.patchwork.dsp-oscillators", "1.2.0", "reference:" + jar.toUri());
    BundleContext context = context(Map.of("org.patchwork.dsp.subtractive", bundle));
    List<LockEntry> entries = new FrameworkModuleLocks(context).lock(List.of("org.patchwork.dsp.subtractive", "org.x.gone"));
    assertEquals(List.of(new LockEntry("org.patchwork.dsp.subtractive", "org.patchwork.dsp-oscillators", "1.2.0",
        Hashes.sha256(Files.readAllBytes(jar)), LockEntry.HashSource.JAR)), entries);
  }

  @Test
  void savingRecordsTheLockfileAndKeepsEntriesOfModulesNotRunningNow() throws Exception {
    ModuleLocks locks = ids -> ids.contains("m.running")
        ? List.of(new LockEntry("m.running", "b.new", "2.0.0", "a".repeat(64), LockEntry.HashSource.JAR)) : List.of();
    ProjectModel p = new ProjectModel("x", 48000, 120,
        List.of(new Node("a", "m.running", null, null), new Node("b", "m.absent", null, null)), null, null, null, null,
        null, null, null, null, List.of(
            new LockEntry("m.running", "b.old", "1.0.0", "b".repeat(64), LockEntry.HashSource.JAR),
            new LockEntry("m.absent", "b.absent", "1.0.0", "c".repeat(64), LockEntry.HashSource.ENTRIES),
            new LockEntry("m.unused", "b.unused", "1.0.0", "d".repeat(64), LockEntry.HashSource.JAR)));
    ProjectModel saved = new ProjectStore(locks).save(tmp, p);
    assertEquals(List.of("b.absent", "b.new"), saved.lockfile().stream().map(LockEntry::bundle).toList());
    assertEquals(saved, new ProjectStore().load(tmp));
  }

  private static Bundle bundle(String name, String version, String location) {
    return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getSymbolicName" -> name;
          case "getVersion" -> Version.parseVersion(version);
          case "getLocation" -> location;
          case "getBundleId" -> 7L;
          case "getLastModified" -> 1L;
          case "hashCode" -> 7;
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @SuppressWarnings("unchecked")
  private static BundleContext context(Map<String, Bundle> providers) {
    return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("getServiceReferences") || !(args[0] instanceof Class<?>)) {
            throw new UnsupportedOperationException(method.getName());
          }
          String filter = (String) args[1];
          for (Map.Entry<String, Bundle> e : providers.entrySet()) {
            if (filter.contains("=" + e.getKey() + ")")) {
              Dictionary<String, Object> props = new Hashtable<>(Map.of("patchwork.module.id", e.getKey()));
              return List.of(reference(e.getValue(), props));
            }
          }
          return List.of();
        });
  }

  private static ServiceReference<?> reference(Bundle b, Dictionary<String, Object> props) {
    return (ServiceReference<?>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
        new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getBundle" -> b;
          case "getProperty" -> props.get((String) args[0]);
          case "compareTo" -> 0;
          case "hashCode" -> 1;
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
