package org.patchwork.marketplace.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.patchwork.repository.Catalogue;
import org.patchwork.repository.Keys;
import org.patchwork.sdk.cli.UsageException;

/**
 * {@code market search}, {@code info} and {@code list}: read-only, from the cached catalogues
 * (their signatures checked again), so they work offline. An expired catalogue is still shown,
 * marked as such; nothing is installed from it.
 */
final class Browse {

  private final Market market;
  private final BundleContext context;
  private final PrintStream out;
  private final Clock clock;

  Browse(Market market, BundleContext context, PrintStream out, Clock clock) {
    this.market = market;
    this.context = context;
    this.out = out;
    this.clock = clock;
  }

  private List<Catalogues.Verified> cached() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Catalogues.Verified> list = cached(market, problems);
    problems.forEach(out::println);
    return list;
  }

  /** The cached catalogues, signatures checked again; why a repository's cache is not usable goes to {@code problems}. */
  static List<Catalogues.Verified> cached(Market market, List<String> problems) throws IOException {
    List<Catalogues.Verified> list = new ArrayList<>();
    for (MarketState.Repo r : MarketState.readRepositories(market.home().repositories()).repositories()) {
      try {
        Catalogues.Verified v = market.catalogues().cached(r);
        if (v != null) {
          list.add(v);
        }
      } catch (UsageException e) {
        problems.add("'" + r.name() + "': " + e.getMessage());
      }
    }
    return list;
  }

  /** Whether a catalogue entry matches search words ({@code needle} in lower case; empty: all). */
  static boolean matches(Catalogue.Entry e, String needle) {
    String hay = String.join(" ", e.id(), e.name(), e.summary(), e.description(), e.kind(), e.author(),
        String.join(" ", e.tags())).toLowerCase(Locale.ROOT);
    return hay.contains(needle);
  }

  /** The newest version of {@code id} the catalogues offer above {@code current}, or "". */
  static String newerOffered(String id, Version current, List<Catalogues.Verified> repos) {
    String update = "";
    for (Catalogues.Verified v : repos) {
      for (Catalogue.Release r : v.catalogue().entry(id).map(Catalogue.Entry::versions).orElse(List.of())) {
        if (Version.parseVersion(r.version()).compareTo(current) > 0
            && (update.isEmpty() || Version.parseVersion(r.version()).compareTo(Version.parseVersion(update)) > 0)) {
          update = r.version();
        }
      }
    }
    return update;
  }

  void search(String text) throws IOException {
    List<Catalogues.Verified> repos = cached();
    if (repos.isEmpty()) {
      throw new UsageException("market search: no catalogue is cached; 'patchwork market add-repo URL --key PUBLIC_KEY' first");
    }
    String needle = text == null ? "" : text.toLowerCase(Locale.ROOT);
    out.printf("%-36s %-10s %-10s %-18s %s%n", "ID", "LATEST", "KIND", "REPOSITORY", "SUMMARY");
    int found = 0;
    for (Catalogues.Verified v : repos) {
      for (Catalogue.Entry e : v.catalogue().bundles()) {
        if (matches(e, needle)) {
          found++;
          out.printf("%-36s %-10s %-10s %-18s %s%n", e.id(), e.latest().map(Catalogue.Release::version).orElse("-"),
              e.kind(), v.repo().name() + (v.expired(clock) ? "!" : ""), e.summary());
        }
      }
    }
    out.println(found + " found" + (repos.stream().anyMatch(v -> v.expired(clock))
        ? " (! the repository's catalogue has expired: 'market refresh' it before installing)" : ""));
  }

  void info(String id) throws IOException {
    boolean shown = false;
    MarketState.Bundles state = MarketState.readBundles(market.home().installed());
    for (Catalogues.Verified v : cached()) {
      Catalogue.Entry e = v.catalogue().entry(id).orElse(null);
      if (e == null) {
        continue;
      }
      shown = true;
      out.println(e.id() + " - " + e.name() + " (" + e.kind() + ")");
      out.println("  " + e.summary());
      if (!e.description().isBlank() && !e.description().equals(e.summary())) {
        out.println("  " + e.description());
      }
      line("author", e.author());
      line("licence", e.licence());
      line("homepage", e.homepage());
      line("tags", String.join(", ", e.tags()));
      line("repository", v.repo().name() + " (" + v.repo().url() + ")" + (v.expired(clock) ? ", catalogue expired" : ""));
      for (Catalogue.Screenshot s : e.screenshots()) {
        line("screenshot", Fetcher.resolve(v.base(), s.path()) + (s.caption().isBlank() ? "" : " - " + s.caption()));
      }
      out.println("  versions:");
      for (Catalogue.Release r : e.versions()) {
        out.printf("    %-10s %,9d bytes  sha256 %s...  signed by %s  needs Patchwork %s  published %s%n",
            r.version(), r.size(), r.sha256().substring(0, 16), Keys.shortName(r.publisherKey()),
            r.minimumHostVersion(), r.published());
        for (Catalogue.ModuleInfo m : r.modules()) {
          out.println("               module " + m.id() + " (" + m.kind() + "): " + m.ports().size() + " ports, "
              + m.parameters().stream().filter(p -> !p.removed()).map(Catalogue.ParameterInfo::id).toList());
        }
      }
    }
    MarketState.Installed i = state.bundles().get(id);
    if (i != null) {
      shown = true;
      out.println("  installed: " + i.current().version() + " from '" + i.repository() + "' at " + i.installed()
          + (i.previous() == null ? "" : ", previous " + i.previous().version() + " kept for rollback"));
    }
    String pin = state.pins().get(id);
    if (pin != null) {
      out.println("  publisher key pinned: " + Keys.shortName(pin));
    }
    if (!shown) {
      throw new UsageException("market info: no cached catalogue offers " + id + " (try 'market refresh')");
    }
  }

  void list() throws IOException {
    MarketState.Bundles state = MarketState.readBundles(market.home().installed());
    if (state.bundles().isEmpty()) {
      out.println("no bundles installed by the marketplace");
      return;
    }
    List<Catalogues.Verified> repos = cached();
    out.printf("%-36s %-10s %-10s %-18s %-10s %s%n", "ID", "VERSION", "STATE", "REPOSITORY", "PREVIOUS", "UPDATE");
    for (MarketState.Installed i : state.bundles().values()) {
      Bundle b = context.getBundle(Planner.LOCATION + i.id());
      String update = newerOffered(i.id(), Version.parseVersion(i.current().version()), repos);
      out.printf("%-36s %-10s %-10s %-18s %-10s %s%n", i.id(), i.current().version(), state(b), i.repository(),
          i.previous() == null ? "-" : i.previous().version(), update.isEmpty() ? "-" : update);
    }
  }

  private void line(String label, String value) {
    if (value != null && !value.isBlank()) {
      out.printf("  %-11s %s%n", label + ":", value);
    }
  }

  static String state(Bundle b) {
    if (b == null) {
      return "MISSING";
    }
    return switch (b.getState()) {
      case Bundle.ACTIVE -> "ACTIVE";
      case Bundle.RESOLVED -> "RESOLVED";
      case Bundle.STARTING -> "STARTING";
      case Bundle.STOPPING -> "STOPPING";
      case Bundle.INSTALLED -> "INSTALLED";
      default -> "UNINSTALLED";
    };
  }
}
