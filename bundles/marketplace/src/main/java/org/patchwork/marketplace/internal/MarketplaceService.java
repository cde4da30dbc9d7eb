package org.patchwork.marketplace.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.resolver.Resolver;
import org.patchwork.marketplace.Details;
import org.patchwork.marketplace.Entry;
import org.patchwork.marketplace.Installed;
import org.patchwork.marketplace.Marketplace;
import org.patchwork.marketplace.Missing;
import org.patchwork.marketplace.Progress;
import org.patchwork.marketplace.Repository;
import org.patchwork.marketplace.Result;
import org.patchwork.repository.Catalogue;
import org.patchwork.sdk.cli.UsageException;

/**
 * The {@link Marketplace} service over the same {@link Market}, {@link Browse} helpers and
 * {@link Lockfile} as {@code pw:market}: each call makes a {@code Market} whose output is
 * captured into the {@link Result} and whose downloads report to the caller's {@link Progress}.
 */
@Component(service = Marketplace.class)
public final class MarketplaceService implements Marketplace {

  private final BundleContext context;
  private final Resolver resolver;
  private final Clock clock;

  @Activate
  public MarketplaceService(BundleContext context, @Reference Resolver resolver) {
    this(context, resolver, Clock.systemUTC());
  }

  MarketplaceService(BundleContext context, Resolver resolver, Clock clock) {
    this.context = context;
    this.resolver = resolver;
    this.clock = clock;
  }

  /** One command: a market writing into {@code out}, reporting downloads to {@code progress}. */
  private Market market(ByteArrayOutputStream out, Progress progress) {
    return new Market(context, resolver, new PrintStream(out, true, StandardCharsets.UTF_8), listener(progress), clock);
  }

  /** Forwards each download's bytes once per increase, against the catalogue's size. */
  static Market.Listener listener(Progress progress) {
    return new Market.Listener() {
      @Override
      public Fetcher.Progress download(String id, String version, long size) {
        long[] last = {-1};
        return (done, total) -> {
          long d = Math.min(done, size);
          if (d > last[0]) {
            last[0] = d;
            progress.download(id, version, d, size);
          }
        };
      }

      @Override
      public void step(String text) {
        progress.step(text);
      }
    };
  }

  private interface Command {
    List<String> run(Market market) throws IOException;
  }

  private Result run(Progress progress, Command command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Market market = market(out, progress == null ? Progress.NONE : progress);
    try {
      List<String> done = command.run(market);
      List<String> lines = lines(out);
      return new Result(true, done.isEmpty() ? lines.isEmpty() ? "done" : lines.getLast() : String.join("; ", done),
          lines);
    } catch (UsageException e) {
      return new Result(false, e.getMessage(), lines(out));
    } catch (IOException | RuntimeException e) {
      return new Result(false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), lines(out));
    }
  }

  private static List<String> lines(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }

  @Override
  public List<Entry> search(String text) throws IOException {
    Market market = market(new ByteArrayOutputStream(), Progress.NONE);
    String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    MarketState.Bundles state = MarketState.readBundles(market.home().installed());
    List<Entry> out = new ArrayList<>();
    for (Catalogues.Verified v : Browse.cached(market, new ArrayList<>())) {
      for (Catalogue.Entry e : v.catalogue().bundles()) {
        if (!Browse.matches(e, needle)) {
          continue;
        }
        MarketState.Installed i = state.bundles().get(e.id());
        String installed = i == null ? "" : i.current().version();
        String update = i == null ? "" : Browse.newerOffered(e.id(), Version.parseVersion(installed), List.of(v));
        out.add(new Entry(e.id(), e.name(), e.summary(), e.kind(), e.latest().map(Catalogue.Release::version).orElse(""),
            v.repo().name(), e.tags(), installed, update, v.expired(clock)));
      }
    }
    out.sort(Comparator.comparing(Entry::id).thenComparing(Entry::repository));
    return out;
  }

  @Override
  public Optional<Details> info(String id) throws IOException {
    Market market = market(new ByteArrayOutputStream(), Progress.NONE);
    MarketState.Bundles state = MarketState.readBundles(market.home().installed());
    MarketState.Installed i = state.bundles().get(id);
    String installed = i == null ? "" : i.current().version();
    String previous = i == null || i.previous() == null ? "" : i.previous().version();
    String pin = state.pins().getOrDefault(id, "");
    for (Catalogues.Verified v : Browse.cached(market, new ArrayList<>())) {
      Catalogue.Entry e = v.catalogue().entry(id).orElse(null);
      if (e != null) {
        List<Details.Release> versions = e.versions().stream().map(r -> new Details.Release(r.version(), r.size(),
            r.sha256(), r.publisherKey(), r.minimumHostVersion(), r.published(),
            r.modules().stream().map(Catalogue.ModuleInfo::id).toList())).toList();
        return Optional.of(new Details(e.id(), e.name(), e.summary(), e.description(), e.kind(), e.author(),
            e.licence(), e.homepage(), e.tags(), v.repo().name(), v.expired(clock), versions, installed, previous, pin));
      }
    }
    if (i == null) {
      return Optional.empty();
    }
    return Optional.of(new Details(id, id, "", "", "bundle", "", "", "", List.of(), "", false, List.of(), installed,
        previous, pin));
  }

  @Override
  public List<Installed> installed() throws IOException {
    Market market = market(new ByteArrayOutputStream(), Progress.NONE);
    MarketState.Bundles state = MarketState.readBundles(market.home().installed());
    List<Catalogues.Verified> repos = Browse.cached(market, new ArrayList<>());
    List<Installed> out = new ArrayList<>();
    for (MarketState.Installed i : state.bundles().values()) {
      out.add(new Installed(i.id(), i.current().version(), i.repository(), i.installed(),
          i.previous() == null ? "" : i.previous().version(), Browse.state(context.getBundle(Planner.LOCATION + i.id())),
          Browse.newerOffered(i.id(), Version.parseVersion(i.current().version()), repos)));
    }
    return out;
  }

  @Override
  public List<Repository> repositories() throws IOException {
    Market market = market(new ByteArrayOutputStream(), Progress.NONE);
    List<Repository> out = new ArrayList<>();
    for (MarketState.Repo r : MarketState.readRepositories(market.home().repositories()).repositories()) {
      try {
        Catalogues.Verified v = market.catalogues().cached(r);
        out.add(v == null ? new Repository(r.name(), r.url(), 0, 0, "", false, "no catalogue cached")
            : new Repository(r.name(), r.url(), v.catalogue().version(), v.catalogue().bundles().size(),
                v.catalogue().expires(), v.expired(clock), ""));
      } catch (UsageException e) {
        out.add(new Repository(r.name(), r.url(), 0, 0, "", false, e.getMessage()));
      }
    }
    return out;
  }

  @Override
  public Result refresh(Progress progress) {
    return run(progress, m -> List.of(m.refresh()));
  }

  @Override
  public Result install(String id, String version, Progress progress) {
    return run(progress, m -> m.install(MarketCommand.requests(List.of(version == null ? id : id + "@" + version))));
  }

  @Override
  public Result update(String id, Progress progress) {
    return run(progress, m -> m.update(id));
  }

  @Override
  public Result remove(String id) {
    return run(Progress.NONE, m -> List.of(m.remove(id)));
  }

  @Override
  public Result rollback(String id) {
    return run(Progress.NONE, m -> List.of(m.rollback(id)));
  }

  @Override
  public List<Missing> missingFromLockfile(Path projectFolderOrJson) throws IOException {
    Lockfile.Project project;
    try {
      project = Lockfile.read(projectFolderOrJson);
    } catch (UsageException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    List<Lockfile.Missing> missing = project.missing(context);
    if (missing.isEmpty()) {
      return List.of();
    }
    Market market = market(new ByteArrayOutputStream(), Progress.NONE);
    List<Catalogues.Verified> repos = Browse.cached(market, new ArrayList<>());
    List<Missing> out = new ArrayList<>();
    for (Lockfile.Missing m : missing) {
      Lockfile.Lock l = m.lock();
      if (l == null) {
        out.add(new Missing(m.module(), "", "", "", false));
        continue;
      }
      boolean offered;
      try {
        Lockfile.requests(List.of(l), repos);
        offered = true;
      } catch (UsageException e) {
        offered = false;
      }
      out.add(new Missing(m.module(), l.bundle(), l.version(), l.sha256(), offered));
    }
    return out;
  }

  @Override
  public Result installFromLockfile(Path projectFolderOrJson, Progress progress) {
    return run(progress, m -> m.installLocked(projectFolderOrJson));
  }
}
