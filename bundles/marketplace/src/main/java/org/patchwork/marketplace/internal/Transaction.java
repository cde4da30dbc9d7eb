package org.patchwork.marketplace.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.resolver.Resolver;
import org.patchwork.sdk.cli.UsageException;

/**
 * One {@code install} or {@code update}: resolve the plan, download and verify every jar into a
 * staging folder, move them into the store, apply them to the framework as one transaction,
 * then record the new state (the replaced version kept as the previous one, the publisher key
 * pinned). A refusal at any step leaves the framework, the store and the state as they were.
 */
final class Transaction {

  private final BundleContext context;
  private final Resolver resolver;
  private final MarketHome home;
  private final Fetcher fetcher;
  private final Catalogues catalogues;
  private final PrintStream out;
  private final Market.Listener listener;
  private final Clock clock;
  private final Version hostVersion;

  /** A further check of a verified jar before anything is installed (a lockfile's digest). */
  interface JarCheck {
    /** @throws org.patchwork.sdk.cli.UsageException saying why the jar is refused */
    void check(Planner.Step step, Path jar) throws IOException;

    JarCheck NONE = (step, jar) -> { };
  }

  Transaction(BundleContext context, Resolver resolver, MarketHome home, Fetcher fetcher, Catalogues catalogues,
      PrintStream out, Market.Listener listener, Clock clock, Version hostVersion) {
    this.context = context;
    this.resolver = resolver;
    this.home = home;
    this.fetcher = fetcher;
    this.catalogues = catalogues;
    this.out = out;
    this.listener = listener;
    this.clock = clock;
    this.hostVersion = hostVersion;
  }

  /**
   * Plans, verifies and applies {@code requests}.
   *
   * @param repos the verified catalogues to install from
   * @param reasons why other repositories are not used, added to a refusal
   * @param start when the command started (catalogue refresh included in the timings)
   * @param check a further check of each verified jar
   * @return what was done ("installed ID VERSION", ...) or, when nothing was to do, the notes
   */
  List<String> run(String verb, List<Planner.Request> requests, List<Catalogues.Verified> repos, List<String> reasons,
      long start, JarCheck check) throws IOException {
    long t0 = System.nanoTime();
    listener.step("resolving");
    Planner.Plan plan;
    try {
      plan = new Planner(context, resolver).plan(requests, repos);
    } catch (UsageException e) {
      List<String> why = new ArrayList<>(List.of(e.getMessage()));
      why.addAll(reasons);
      throw new UsageException("market " + verb + ": refused: " + String.join("; ", why) + "; nothing was " + (verb.endsWith("e") ? verb + "d" : verb + "ed"));
    }
    long t1 = System.nanoTime();
    plan.notes().forEach(out::println);
    if (plan.steps().isEmpty()) {
      return plan.notes();
    }
    out.println("plan (resolved in " + ms(t1 - t0) + "):");
    for (Planner.Step s : plan.steps()) {
      out.println("  " + (s.existing() == null ? "+ " : "~ ") + s.id() + " "
          + (s.existing() == null ? "" : s.existing().getVersion() + " -> ") + s.release().version()
          + " (" + s.entry().kind() + (s.requested() ? "" : ", dependency") + ", from '" + s.repo().repo().name() + "')");
    }
    MarketState.Bundles state = MarketState.readBundles(home.installed());
    Path staging = home.staging().resolve("tx-" + System.nanoTime());
    Files.createDirectories(staging);
    List<Path> added = new ArrayList<>();
    try {
      List<String> trusted = catalogues.trustedKeys();
      Verifier verifier = new Verifier(fetcher, listener);
      List<Verifier.Verified> verified = new ArrayList<>();
      for (Planner.Step s : plan.steps()) {
        listener.step("downloading and verifying " + s.id() + " " + s.release().version());
        Verifier.Verified v = verifier.verify(s, staging, trusted, state.pins(), hostVersion);
        check.check(s, v.jar());
        verified.add(v);
      }
      long t2 = System.nanoTime();
      out.println("verified " + verified.size() + " jar(s): size, SHA-256, publisher signature, trusted key, safe to"
          + " open (" + ms(t2 - t1) + ")");
      List<Installer.Change> changes = new ArrayList<>();
      for (Verifier.Verified v : verified) {
        Planner.Step s = v.step();
        String rel = "store/" + s.id() + "/" + s.release().version() + ".jar";
        Path target = home.root().resolve(rel);
        Files.createDirectories(target.getParent());
        if (!Files.exists(target)) {
          added.add(target);
        }
        Files.move(v.jar(), target, StandardCopyOption.REPLACE_EXISTING);
        MarketState.Installed before = state.bundles().get(s.id());
        Path previousJar = before == null ? null : home.root().resolve(before.current().file());
        changes.add(new Installer.Change(s.id(), target, s.existing(), previousJar));
      }
      listener.step("installing and starting");
      new Installer(context).apply(changes);
      long t3 = System.nanoTime();
      String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
      List<String> done = new ArrayList<>();
      for (Planner.Step s : plan.steps()) {
        MarketState.Installed before = state.bundles().get(s.id());
        MarketState.Artifact artifact = new MarketState.Artifact(s.release().version(), s.release().sha256(),
            "store/" + s.id() + "/" + s.release().version() + ".jar", s.release().publisherKey());
        state.bundles().put(s.id(), new MarketState.Installed(s.id(), artifact, s.repo().repo().name(), now,
            before == null ? null : before.current()));
        state.pins().putIfAbsent(s.id(), s.release().publisherKey());
        done.add((s.existing() == null ? "installed " : "updated ") + s.id() + " " + s.release().version());
      }
      done.forEach(out::println);
      MarketState.write(home.installed(), state);
      added.clear();
      collectGarbage(home, state);
      out.printf(Locale.ROOT, "market %s: %d bundle(s) in %s (catalogues %s, resolve %s, download and verify %s,"
          + " install and start %s)%n", verb, plan.steps().size(), ms(t3 - start), ms(t0 - start), ms(t1 - t0),
          ms(t2 - t1), ms(t3 - t2));
      return done;
    } catch (UsageException e) {
      throw new UsageException("market " + verb + ": refused: " + e.getMessage()
          + "; nothing was " + (verb.endsWith("e") ? verb + "d" : verb + "ed"));
    } finally {
      for (Path p : added) {
        Files.deleteIfExists(p);
      }
      MarketHome.deleteTree(staging);
    }
  }

  /** Deletes kept jars that no installed bundle refers to any more. */
  static void collectGarbage(MarketHome home, MarketState.Bundles state) throws IOException {
    Set<Path> keep = new HashSet<>();
    for (MarketState.Installed i : state.bundles().values()) {
      keep.add(home.root().resolve(i.current().file()).normalize());
      if (i.previous() != null) {
        keep.add(home.root().resolve(i.previous().file()).normalize());
      }
    }
    if (!Files.isDirectory(home.store())) {
      return;
    }
    try (var walk = Files.walk(home.store())) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        if (!keep.contains(p.normalize())) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static String ms(long nanos) {
    return Market.ms(nanos);
  }
}
