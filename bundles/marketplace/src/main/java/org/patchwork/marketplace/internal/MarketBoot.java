package org.patchwork.marketplace.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.patchwork.repository.Digests;

/**
 * Starts the bundles the marketplace installed, when the host starts: each recorded jar is
 * checked against the digest recorded at install (a jar changed on disk is not loaded), then
 * installed, resolved and started. This runs while the host starts its bundles, so a one-shot
 * command such as {@code patchwork modules} already sees them.
 */
@Component(immediate = true, service = {})
public final class MarketBoot {

  @Activate
  public MarketBoot(BundleContext context, @Reference(service = LoggerFactory.class) Logger log) {
    MarketHome home = Market.home(context);
    if (!Files.exists(home.installed())) {
      return; // nothing installed yet: no lock file, no state to read
    }
    try {
      home.locked(() -> {
        boot(context, home, log);
        return null;
      });
    } catch (IOException | RuntimeException e) {
      log.warn("marketplace: installed bundles could not be started: {}", e.getMessage());
    }
  }

  private static void boot(BundleContext context, MarketHome home, Logger log) throws IOException {
    MarketState.Bundles state = MarketState.readBundles(home.installed());
    List<Bundle> bundles = new ArrayList<>();
    for (MarketState.Installed i : state.bundles().values()) {
      Path jar = home.root().resolve(i.current().file());
      String location = Planner.LOCATION + i.id();
      if (context.getBundle(location) != null) {
        continue;
      }
      if (!Files.isRegularFile(jar) || !Digests.sha256(jar).equals(i.current().sha256())) {
        log.warn("marketplace: {} {} is not started: its jar {} is missing or changed since it was installed"
            + " (run 'patchwork market install {}' again)", i.id(), i.current().version(), jar, i.id());
        continue;
      }
      try (InputStream in = Files.newInputStream(jar)) {
        bundles.add(context.installBundle(location, in));
      } catch (BundleException e) {
        log.warn("marketplace: {} {} cannot be installed: {}", i.id(), i.current().version(), e.getMessage());
      }
    }
    if (bundles.isEmpty()) {
      return;
    }
    context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).resolveBundles(bundles);
    for (Bundle b : bundles) {
      if (b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
        continue;
      }
      try {
        b.start();
      } catch (BundleException | RuntimeException e) {
        log.warn("marketplace: {} {} did not start: {}", b.getSymbolicName(), b.getVersion(), e.getMessage());
      }
    }
    log.info("marketplace: started {} installed bundle(s)", bundles.size());
  }
}
