package org.patchwork.marketplace.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.resolver.Resolver;
import org.patchwork.repository.Catalogue;
import org.patchwork.repository.Digests;
import org.patchwork.repository.Keys;
import org.patchwork.sdk.cli.UsageException;

/**
 * The marketplace's operations that change things: repositories, trust, install, update,
 * remove and roll back. Each runs under the home's lock and either completes or leaves the
 * host, the files and the state as they were. Output goes to the calling command's streams.
 */
final class Market {

  /**
   * Where progress goes while a command runs: a bar on the terminal for the CLI, the panel's
   * progress bar through the {@code Marketplace} service.
   */
  interface Listener {
    /** A download of {@code size} bytes (the size the signed catalogue gives) begins. */
    Fetcher.Progress download(String id, String version, long size);

    /** The command moves on to another step ("resolving", "refreshing 'main'"). */
    default void step(String text) {
    }
  }

  private final BundleContext context;
  private final Resolver resolver;
  private final MarketHome home;
  private final Fetcher fetcher = new Fetcher();
  private final Catalogues catalogues;
  private final PrintStream out;
  private final Listener listener;
  private final Clock clock;

  /** The CLI's market: progress bars on {@code err} when it is a terminal. */
  Market(BundleContext context, Resolver resolver, PrintStream out, PrintStream err, Clock clock) {
    this(context, resolver, out, (id, version, size) -> new ProgressBar(err, "downloading " + id + " " + version),
        clock);
  }

  Market(BundleContext context, Resolver resolver, PrintStream out, Listener listener, Clock clock) {
    this.context = context;
    this.resolver = resolver;
    this.home = home(context);
    this.catalogues = new Catalogues(home, fetcher, clock);
    this.out = out;
    this.listener = listener;
    this.clock = clock;
  }

  static MarketHome home(BundleContext context) {
    String h = context.getProperty("patchwork.home");
    return new MarketHome(h == null ? Path.of(System.getProperty("user.home"), ".patchwork") : Path.of(h));
  }

  MarketHome home() {
    return home;
  }

  Catalogues catalogues() {
    return catalogues;
  }

  /** The host version, which bundles' minimum host version is compared with. */
  Version hostVersion() {
    String v = context.getProperty("patchwork.version");
    try {
      return v == null ? context.getBundle().getVersion() : Version.parseVersion(v.replace('-', '.'));
    } catch (IllegalArgumentException e) {
      return context.getBundle().getVersion();
    }
  }

  void addRepo(String url, Path keyFile, String name) throws IOException {
    String base = Fetcher.base(url).toString();
    String key;
    try {
      key = Keys.base64(Keys.readPublic(keyFile));
    } catch (Keys.KeyFileException e) {
      throw new UsageException(e.getMessage());
    }
    home.locked(() -> {
      MarketState.Repositories repos = MarketState.readRepositories(home.repositories());
      String n = name != null ? name : defaultName(base);
      if (!n.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
        throw new UsageException("a repository name is letters, digits, '.', '_' and '-': " + n);
      }
      for (MarketState.Repo r : repos.repositories()) {
        if (r.url().equals(base) || r.name().equals(n)) {
          throw new UsageException("repository '" + r.name() + "' (" + r.url() + ") is already added; 'market remove-repo "
              + r.name() + "' first to change it");
        }
      }
      Catalogues.Verified v;
      try {
        v = catalogues.refresh(new MarketState.Repo(n, base, key, 0));
      } catch (Fetcher.Unreachable e) {
        throw new UsageException("cannot add " + base + ": " + e.getMessage());
      }
      List<MarketState.Repo> list = new ArrayList<>(repos.repositories());
      list.add(v.repo());
      MarketState.write(home.repositories(), new MarketState.Repositories(1, list));
      out.println("added repository '" + n + "' (" + base + "): catalogue version " + v.catalogue().version() + ", "
          + v.catalogue().bundles().size() + " bundles, signed by " + Keys.shortName(v.catalogue().repositoryKey())
          + ", valid until " + v.catalogue().expires());
      return null;
    });
  }

  void removeRepo(String name) throws IOException {
    home.locked(() -> {
      MarketState.Repositories repos = MarketState.readRepositories(home.repositories());
      List<MarketState.Repo> list = new ArrayList<>(repos.repositories());
      if (!list.removeIf(r -> r.name().equals(name))) {
        throw new UsageException("no repository named '" + name + "'");
      }
      MarketState.write(home.repositories(), new MarketState.Repositories(1, list));
      MarketHome.deleteTree(home.cache(name));
      out.println("removed repository '" + name + "' (installed bundles stay)");
      return null;
    });
  }

  /** Refreshes every repository; a refused one keeps its last verified catalogue. Returns a summary. */
  String refresh() throws IOException {
    return home.locked(() -> {
      List<String> refused = new ArrayList<>();
      Usable usable = usable(refused);
      List<String> lines = new ArrayList<>();
      if (usable.repos().isEmpty() && refused.isEmpty() && usable.skipped().isEmpty()) {
        lines.add("no repositories; add one with 'patchwork market add-repo URL --key PUBLIC_KEY'");
      }
      for (Catalogues.Verified v : usable.repos()) {
        lines.add("'" + v.repo().name() + "': catalogue version " + v.catalogue().version() + ", "
            + v.catalogue().bundles().size() + " bundles, valid until " + v.catalogue().expires()
            + (v.fresh() ? "" : " (cached; the repository is unreachable)"));
      }
      lines.addAll(usable.skipped());
      lines.forEach(out::println);
      if (!refused.isEmpty()) {
        throw new UsageException(String.join("; ", refused));
      }
      return String.join("; ", lines);
    });
  }

  void trust(Path keyFile, String forId) throws IOException {
    java.security.PublicKey key;
    try {
      key = Keys.readPublic(keyFile);
    } catch (Keys.KeyFileException e) {
      throw new UsageException(e.getMessage());
    }
    String fp = Keys.fingerprint(key);
    home.locked(() -> {
      MarketState.writeBytes(home.trusted().resolve(fp + ".pub"), Keys.publicPem(key).getBytes(
          java.nio.charset.StandardCharsets.US_ASCII));
      if (forId != null) {
        MarketState.Bundles state = MarketState.readBundles(home.installed());
        state.pins().put(forId, fp);
        MarketState.write(home.installed(), state);
      }
      out.println("trusting publisher key " + Keys.shortName(fp) + (forId == null ? "" : "; " + forId + " is now pinned to it"));
      return null;
    });
  }

  /** The verified catalogues usable now, and why others are not. */
  record Usable(List<Catalogues.Verified> repos, List<String> skipped) {
  }

  /**
   * Refreshes each repository. A repository that fails a check is not used at all (its cached
   * catalogue neither: the failure may be an attack in progress); one that cannot be reached
   * is used from its cache while that has not expired. Highest versions seen are saved.
   */
  private Usable usable(List<String> refused) throws IOException {
    MarketState.Repositories repos = MarketState.readRepositories(home.repositories());
    List<Catalogues.Verified> ok = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<MarketState.Repo> updated = new ArrayList<>();
    for (MarketState.Repo r : repos.repositories()) {
      listener.step("refreshing '" + r.name() + "'");
      try {
        Catalogues.Verified v = catalogues.refresh(r);
        ok.add(v);
        updated.add(v.repo());
      } catch (UsageException e) {
        refused.add(e.getMessage());
        updated.add(r);
      } catch (Fetcher.Unreachable e) {
        updated.add(r);
        Catalogues.Verified cached = catalogues.cached(r);
        if (cached != null && !cached.expired(clock)) {
          ok.add(cached);
        } else {
          skipped.add("'" + r.name() + "' skipped: " + e.getMessage() + (cached == null ? "" : " and its cached"
              + " catalogue expired at " + cached.catalogue().expires()));
        }
      }
    }
    MarketState.write(home.repositories(), new MarketState.Repositories(1, updated));
    return new Usable(ok, skipped);
  }

  /** {@code market install ID[@VERSION]...}; returns what was done. */
  List<String> install(List<Planner.Request> requests) throws IOException {
    return home.locked(() -> apply("install", requests, null));
  }

  /**
   * {@code market install --lockfile PROJECT}: the exact bundle versions the project's lockfile
   * names for each module it uses that no running bundle offers, each checked against the
   * lockfile's SHA-256 as well as everything a normal install checks.
   */
  List<String> installLocked(Path project) throws IOException {
    Lockfile.Project p = Lockfile.read(project);
    return home.locked(() -> {
      List<Lockfile.Missing> missing = p.missing(context);
      if (missing.isEmpty()) {
        String line = "every module " + p.file() + " uses is installed";
        out.println(line);
        return List.of(line);
      }
      List<Lockfile.Lock> locks = new ArrayList<>();
      for (Lockfile.Missing m : missing) {
        if (m.lock() == null) {
          out.println("module " + m.module() + " is not installed and not in the project's lockfile (a format 1"
              + " project, or one saved without it); install its bundle by id");
        } else {
          locks.add(m.lock());
        }
      }
      if (locks.isEmpty()) {
        throw new UsageException("market install: refused: " + p.file() + " has no lockfile entry for "
            + missing.stream().map(Lockfile.Missing::module).toList() + "; nothing was installed");
      }
      out.println(p.file() + " needs " + locks.size() + " module(s) that are not installed: " + String.join(", ",
          locks.stream().map(l -> l.module() + " (" + l.bundle() + " " + l.version() + ")").toList()));
      long start = System.nanoTime();
      List<String> refused = new ArrayList<>();
      Usable usable = usable(refused);
      List<Planner.Request> requests;
      try {
        requests = Lockfile.requests(locks, usable.repos());
      } catch (UsageException e) {
        List<String> why = new ArrayList<>(List.of(e.getMessage()));
        why.addAll(reasons(refused, usable));
        throw new UsageException("market install: refused: " + String.join("; ", why) + "; nothing was installed");
      }
      return transaction().run("install", requests, usable.repos(), reasons(refused, usable), start,
          Lockfile.check(locks));
    });
  }

  /** {@code market update [ID]}: every installed bundle (or one) to the newest version offered. */
  List<String> update(String id) throws IOException {
    return home.locked(() -> {
      MarketState.Bundles state = MarketState.readBundles(home.installed());
      if (id != null && !state.bundles().containsKey(id)) {
        throw new UsageException(id + " is not installed by the marketplace");
      }
      long start = System.nanoTime();
      List<String> refused = new ArrayList<>();
      Usable usable = usable(refused);
      List<Planner.Request> requests = new ArrayList<>();
      for (MarketState.Installed i : state.bundles().values()) {
        if (id != null && !i.id().equals(id)) {
          continue;
        }
        Version current = Version.parseVersion(i.current().version());
        Version best = current;
        for (Catalogues.Verified v : usable.repos()) {
          for (Catalogue.Release r : v.catalogue().entry(i.id()).map(Catalogue.Entry::versions).orElse(List.of())) {
            Version rv = Version.parseVersion(r.version());
            if (rv.compareTo(best) > 0) {
              best = rv;
            }
          }
        }
        if (best.compareTo(current) > 0) {
          requests.add(new Planner.Request(i.id(), best.toString()));
        }
      }
      if (requests.isEmpty()) {
        if (!refused.isEmpty()) {
          throw new UsageException(String.join("; ", refused));
        }
        String line = id == null ? "every installed bundle is up to date" : id + " is up to date";
        out.println(line);
        return List.of(line);
      }
      return transaction().run("update", requests, usable.repos(), reasons(refused, usable), start,
          Transaction.JarCheck.NONE);
    });
  }

  private List<String> apply(String verb, List<Planner.Request> requests, Usable given) throws IOException {
    long start = System.nanoTime();
    List<String> refused = new ArrayList<>();
    Usable usable = given != null ? given : usable(refused);
    return transaction().run(verb, requests, usable.repos(), reasons(refused, usable), start,
        Transaction.JarCheck.NONE);
  }

  private Transaction transaction() {
    return new Transaction(context, resolver, home, fetcher, catalogues, out, listener, clock, hostVersion());
  }

  private static List<String> reasons(List<String> refused, Usable usable) {
    List<String> all = new ArrayList<>(refused);
    all.addAll(usable.skipped());
    return all;
  }

  /** {@code market remove ID}: refused while another bundle depends on it. Returns what was done. */
  String remove(String id) throws IOException {
    return home.locked(() -> {
      MarketState.Bundles state = MarketState.readBundles(home.installed());
      if (!state.bundles().containsKey(id)) {
        throw new UsageException("market remove: " + id + " is not installed by the marketplace");
      }
      Bundle b = context.getBundle(Planner.LOCATION + id);
      if (b != null) {
        BundleWiring wiring = b.adapt(BundleWiring.class);
        Set<String> users = new java.util.TreeSet<>();
        if (wiring != null) {
          for (BundleWire w : wiring.getProvidedWires(null)) {
            if (w.getRequirer().getBundle() != b) {
              users.add(w.getRequirer().getSymbolicName() + " (" + Explain.what(w.getRequirement()) + ")");
            }
          }
        }
        if (!users.isEmpty()) {
          throw new UsageException("market remove: refused: " + id + " is needed by " + String.join(", ", users)
              + "; remove those first; nothing was removed");
        }
        try {
          new Installer(context).uninstall(List.of(b));
        } catch (BundleException e) {
          throw new UsageException("market remove: " + id + " could not be uninstalled: " + e.getMessage());
        }
      }
      MarketState.Installed gone = state.bundles().remove(id);
      MarketState.write(home.installed(), state);
      Transaction.collectGarbage(home, state);
      String line = "removed " + id + " " + gone.current().version() + " (its publisher key stays pinned)";
      out.println(line);
      return line;
    });
  }

  /** {@code market rollback ID}: back to the version installed before the last update. Returns what was done. */
  String rollback(String id) throws IOException {
    return home.locked(() -> {
      MarketState.Bundles state = MarketState.readBundles(home.installed());
      MarketState.Installed i = state.bundles().get(id);
      if (i == null) {
        throw new UsageException("market rollback: " + id + " is not installed by the marketplace");
      }
      if (i.previous() == null) {
        throw new UsageException("market rollback: no previous version of " + id + " is kept (only an update keeps one)");
      }
      Path previous = home.root().resolve(i.previous().file());
      if (!Files.isRegularFile(previous) || !Digests.sha256(previous).equals(i.previous().sha256())) {
        throw new UsageException("market rollback: the kept jar of " + id + " " + i.previous().version()
            + " is missing or was changed; refused");
      }
      Bundle b = context.getBundle(Planner.LOCATION + id);
      if (b == null) {
        throw new UsageException("market rollback: " + id + " is not running in this host");
      }
      new Installer(context).replace(b, previous, home.root().resolve(i.current().file()));
      state.bundles().put(id, new MarketState.Installed(id, i.previous(), i.repository(),
          Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), null));
      MarketState.write(home.installed(), state);
      Transaction.collectGarbage(home, state);
      String line = "rolled back " + id + " from " + i.current().version() + " to " + i.previous().version();
      out.println(line);
      return line;
    });
  }

  private static String defaultName(String base) {
    java.net.URI u = java.net.URI.create(base);
    String raw = u.getHost() == null ? u.getPath() : u.getHost() + (u.getPort() > 0 ? "-" + u.getPort() : "")
        + u.getPath();
    String n = raw.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
    return n.isEmpty() ? "repository" : n.length() > 64 ? n.substring(n.length() - 64) : n;
  }

  static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
  }
}
