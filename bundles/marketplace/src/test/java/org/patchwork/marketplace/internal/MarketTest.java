package org.patchwork.marketplace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.service.log.Logger;
import org.osgi.service.resolver.Resolver;
import org.patchwork.repository.Keys;
import org.patchwork.sdk.cli.UsageException;

/**
 * The marketplace against a real, embedded Felix framework and its resolver, with a site on
 * disk: dependency resolution, transactions that roll back, update, rollback, remove, pinning,
 * and restarting installed bundles in the next framework.
 */
class MarketTest {

  private static final String LIB = "org.example.lib";
  private static final String FX = "org.example.fx";

  @TempDir
  Path tmp;

  private Felix felix;
  private TestSite site;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    felix = framework("one");
    site = new TestSite(tmp.resolve("site"));
    site.bundle(LIB, "1.0.0", Map.of(LIB, "1.0.0"), Map.of(), Map.of());
    site.bundle(FX, "1.0.0", Map.of(), Map.of(LIB, "[1.0,2)"), Map.of());
    site.write();
    market().addRepo(site.url(), site.publicKey(), "test");
  }

  private Felix framework(String name) throws Exception {
    Map<String, Object> config = new HashMap<>();
    config.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix-" + name).toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    config.put("patchwork.home", tmp.resolve("home").toString());
    config.put("patchwork.version", "0.1.0");
    Felix f = new Felix(config);
    f.init();
    f.start();
    return f;
  }

  @AfterEach
  void stop() throws Exception {
    felix.stop();
    felix.waitForStop(10_000);
  }

  private BundleContext context() {
    return felix.getBundleContext();
  }

  private Market market() {
    Resolver resolver = context().getService(context().getServiceReference(Resolver.class));
    return new Market(context(), resolver, new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
        Clock.systemUTC());
  }

  private String output() {
    String s = out.toString(StandardCharsets.UTF_8);
    out.reset();
    return s;
  }

  private Bundle bundle(String id) {
    return context().getBundle(Planner.LOCATION + id);
  }

  @Test
  void installResolvesTheDependencyAndStartsBoth() throws Exception {
    market().install(MarketCommand.requests(List.of(FX)));
    String o = output();
    assertTrue(o.contains("+ " + LIB + " 1.0.0 (library, dependency"), o);
    assertEquals(Bundle.ACTIVE, bundle(LIB).getState());
    assertEquals(Bundle.ACTIVE, bundle(FX).getState());
    assertTrue(Files.exists(tmp.resolve("home/market/store/" + FX + "/1.0.0.jar")));
    market().install(MarketCommand.requests(List.of(FX)));
    assertTrue(output().contains(FX + " 1.0.0 is already installed"));
  }

  @Test
  void aMissingDependencyIsExplainedAndNothingIsInstalled() throws Exception {
    site.bundle("org.example.needy", "1.0.0", Map.of(), Map.of("org.example.fx.api", "[2.0.0,3.0.0)"), Map.of());
    site.write();
    var e = assertThrows(UsageException.class, () -> market().install(MarketCommand.requests(List.of("org.example.needy"))));
    assertTrue(e.getMessage().contains("org.example.needy 1.0.0 needs package org.example.fx.api version 2.0.0 up to 3.0.0,"
        + " which no installed bundle and no bundle in the repositories provides"), e.getMessage());
    assertNull(bundle("org.example.needy"));
    assertEquals(1, context().getBundles().length, "only the system bundle");
  }

  @Test
  void aDependencyChainIsFollowedToWhatIsReallyMissing() throws Exception {
    site.bundle("org.example.mid", "1.0.0", Map.of("org.example.mid", "1.0.0"), Map.of("org.example.gone", "[1.0.0,2.0.0)"),
        Map.of());
    site.bundle("org.example.top", "1.0.0", Map.of(), Map.of("org.example.mid", "[1.0.0,2.0.0)"), Map.of());
    site.write();
    var e = assertThrows(UsageException.class, () -> market().install(MarketCommand.requests(List.of("org.example.top"))));
    assertTrue(e.getMessage().contains("org.example.top 1.0.0 needs package org.example.mid version 1.0.0 up to 2.0.0 (offered"
        + " by org.example.mid 1.0.0), from org.example.mid 1.0.0 needs package org.example.gone version 1.0.0 up to 2.0.0, which no installed bundle"),
        e.getMessage());
  }

  @Test
  void aFailedStartRollsBackTheWholeTransaction() throws Exception {
    site.bundle("org.example.broken", "1.0.0", Map.of(), Map.of(LIB, "[1.0,2)"),
        Map.of("Bundle-Activator", "org.example.broken.NoSuchActivator"));
    site.write();
    var e = assertThrows(UsageException.class, () -> market().install(MarketCommand.requests(List.of("org.example.broken"))));
    assertTrue(e.getMessage().contains("did not start"), e.getMessage());
    assertTrue(e.getMessage().contains("rolled back, the host is as it was"), e.getMessage());
    assertNull(bundle(LIB), "the dependency installed in the same transaction is gone too");
    assertNull(bundle("org.example.broken"));
    assertTrue(MarketState.readBundles(tmp.resolve("home/market/installed.json")).bundles().isEmpty());
  }

  @Test
  void updateRollbackDowngradeAndRemove() throws Exception {
    market().install(MarketCommand.requests(List.of(FX)));
    site.bundle(FX, "1.1.0", Map.of(), Map.of(LIB, "[1.0,2)"), Map.of());
    site.write();
    market().update(null);
    assertTrue(output().contains("updated " + FX + " 1.1.0"));
    assertEquals(new Version(1, 1, 0), bundle(FX).getVersion());

    var e = assertThrows(UsageException.class, () -> market().install(MarketCommand.requests(List.of(FX + "@1.0.0"))));
    assertTrue(e.getMessage().contains("would downgrade it from 1.1.0"), e.getMessage());

    market().rollback(FX);
    assertEquals(new Version(1, 0, 0), bundle(FX).getVersion());
    assertEquals(Bundle.ACTIVE, bundle(FX).getState());
    e = assertThrows(UsageException.class, () -> market().rollback(FX));
    assertTrue(e.getMessage().contains("no previous version"), e.getMessage());

    e = assertThrows(UsageException.class, () -> market().remove(LIB));
    assertTrue(e.getMessage().contains(LIB + " is needed by " + FX), e.getMessage());
    market().remove(FX);
    market().remove(LIB);
    assertNull(bundle(FX));
    assertNull(bundle(LIB));
    try (var files = Files.walk(tmp.resolve("home/market/store"))) {
      assertEquals(0, files.filter(Files::isRegularFile).count(), "no kept jar is left behind");
    }
  }

  @Test
  void aBundleStaysPinnedToTheKeyOfItsFirstInstall() throws Exception {
    market().install(MarketCommand.requests(List.of(FX)));
    var other = Keys.generate();
    site.bundle(FX, "2.0.0", Map.of(), Map.of(LIB, "[1.0,2)"), Map.of(), other);
    site.write();
    Path otherKey = tmp.resolve("other.pub");
    Files.writeString(otherKey, Keys.publicPem(other.getPublic()));
    var e = assertThrows(UsageException.class, () -> market().update(FX));
    assertTrue(e.getMessage().contains("was first installed from key"), e.getMessage());
    market().trust(otherKey, null);
    e = assertThrows(UsageException.class, () -> market().update(FX));
    assertTrue(e.getMessage().contains("was first installed from key"), "trust alone does not move a pin");
    market().trust(otherKey, FX);
    market().update(FX);
    assertEquals(new Version(2, 0, 0), bundle(FX).getVersion());
  }

  @Test
  void installedBundlesStartWithTheNextFramework() throws Exception {
    market().install(MarketCommand.requests(List.of(FX)));
    felix.stop();
    felix.waitForStop(10_000);
    felix = framework("two");
    assertNull(bundle(FX), "a fresh framework");
    Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
        (p, m, a) -> m.getReturnType() == boolean.class ? Boolean.FALSE : null);
    new MarketBoot(context(), log);
    assertNotNull(bundle(FX));
    assertEquals(Bundle.ACTIVE, bundle(FX).getState());
    assertEquals(Bundle.ACTIVE, bundle(LIB).getState());

    Path jar = tmp.resolve("home/market/store/" + FX + "/1.0.0.jar");
    Files.write(jar, new byte[] {1, 2, 3});
    felix.stop();
    felix.waitForStop(10_000);
    felix = framework("three");
    new MarketBoot(context(), log);
    assertNull(bundle(FX), "a jar changed on disk is not loaded");
    assertNotNull(bundle(LIB));
  }
}
