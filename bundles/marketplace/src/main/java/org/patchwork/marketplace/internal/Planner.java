package org.patchwork.marketplace.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wire;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.ResolutionException;
import org.osgi.service.resolver.Resolver;
import org.patchwork.repository.Catalogue;
import org.patchwork.sdk.cli.UsageException;

/**
 * Turns "install these ids" into the exact bundles to add or replace, with the framework's OSGi
 * resolver: the requested bundles are mandatory, the running bundles are reused as they are
 * wired, and dependencies are taken from the repositories, honouring every version range. A
 * bundle already running is never swapped implicitly for a dependency: only what was asked for
 * is replaced, and whatever depends on a replaced bundle must still resolve against the new one.
 */
final class Planner {

  /** Location prefix of the bundles the marketplace installs. */
  static final String LOCATION = "market:";

  /**
   * An id and a version ({@code null}: the newest); with a SHA-256, only a jar with that digest
   * (a project's lockfile asks for exactly the bytes it was saved with).
   */
  record Request(String id, String version, String sha256) {
    Request(String id, String version) {
      this(id, version, null);
    }
  }

  /** One bundle to add or replace. */
  record Step(IndexResource resource, Catalogue.Entry entry, Catalogue.Release release, Catalogues.Verified repo,
      Bundle existing, boolean requested) {
    String id() {
      return entry.id();
    }
  }

  /** Steps, in install order (dependencies first), and notes for the user. */
  record Plan(List<Step> steps, List<String> notes) {
  }

  private final BundleContext context;
  private final Resolver resolver;

  Planner(BundleContext context, Resolver resolver) {
    this.context = context;
    this.resolver = resolver;
  }

  Plan plan(List<Request> requests, List<Catalogues.Verified> repos) {
    Map<String, List<Bundle>> running = new HashMap<>();
    for (Bundle b : context.getBundles()) {
      if (b.getSymbolicName() != null && b.getState() != Bundle.UNINSTALLED) {
        running.computeIfAbsent(b.getSymbolicName(), k -> new ArrayList<>()).add(b);
      }
    }
    Map<IndexResource, Offer> offers = offers(repos);
    List<String> notes = new ArrayList<>();
    Map<IndexResource, Bundle> mandatory = new LinkedHashMap<>();
    for (Request request : requests) {
      Offer offer = choose(request, offers);
      List<Bundle> same = running.getOrDefault(request.id(), List.of());
      Bundle existing = null;
      for (Bundle b : same) {
        if (!b.getLocation().startsWith(LOCATION)) {
          throw new UsageException(request.id() + " is part of the running host (from " + b.getLocation()
              + "), not installed by the marketplace; it is not replaced from a repository");
        }
        existing = b;
      }
      Version wanted = offer.resource().version();
      if (existing != null && existing.getVersion().equals(wanted)) {
        notes.add(request.id() + " " + wanted + " is already installed");
        continue;
      }
      if (existing != null && existing.getVersion().compareTo(wanted) > 0) {
        throw new UsageException(request.id() + ": installing " + wanted + " would downgrade it from " + existing.getVersion()
            + "; downgrades are refused ('patchwork market rollback " + request.id() + "' returns to the previous version)");
      }
      mandatory.put(offer.resource(), existing);
    }
    if (mandatory.isEmpty()) {
      return new Plan(List.of(), notes);
    }

    Set<String> replaced = new HashSet<>();
    mandatory.forEach((r, b) -> {
      if (b != null) {
        replaced.add(r.symbolicName());
      }
    });
    // Whatever is wired to a bundle being replaced must resolve against its new version too.
    Set<Resource> recheck = new HashSet<>();
    for (Bundle b : mandatory.values()) {
      BundleWiring wiring = b == null ? null : b.adapt(BundleWiring.class);
      if (wiring != null) {
        for (BundleWire w : wiring.getProvidedWires(null)) {
          if (!replaced.contains(w.getRequirer().getSymbolicName())) {
            recheck.add(w.getRequirer());
          }
        }
      }
    }
    List<Resource> installed = new ArrayList<>();
    Map<Resource, Wiring> wirings = new HashMap<>();
    for (List<Bundle> bundles : running.values()) {
      for (Bundle b : bundles) {
        BundleRevision rev = b.adapt(BundleRevision.class);
        if (rev == null || replaced.contains(b.getSymbolicName())) {
          continue;
        }
        installed.add(rev);
        if (rev.getWiring() != null && !recheck.contains(rev)) {
          wirings.put(rev, rev.getWiring());
        }
      }
    }
    // Offered bundles whose name is running are not candidates: dependencies come from what runs.
    List<IndexResource> candidates = new ArrayList<>();
    for (IndexResource r : offers.keySet()) {
      if (mandatory.containsKey(r) || !running.containsKey(r.symbolicName()) && !replaced.contains(r.symbolicName())) {
        candidates.add(r);
      }
    }
    List<Resource> roots = new ArrayList<>(mandatory.keySet());
    roots.addAll(recheck);
    MarketResolveContext rc = new MarketResolveContext(roots, installed, wirings, candidates);
    Map<Resource, List<Wire>> result;
    try {
      result = resolver.resolve(rc);
    } catch (ResolutionException e) {
      throw new UsageException(explain(e, rc));
    }
    List<Step> steps = new ArrayList<>();
    for (Resource r : result.keySet()) {
      if (r instanceof IndexResource i) {
        Offer o = offers.get(i);
        steps.add(new Step(i, o.entry(), o.release(), o.repo(), mandatory.get(i), mandatory.containsKey(i)));
      }
    }
    // Dependencies before the bundles that asked for them, then by name: a stable, readable order.
    steps.sort(Comparator.comparing(Step::requested).thenComparing(Step::id));
    return new Plan(steps, notes);
  }

  private static String explain(ResolutionException e, MarketResolveContext rc) {
    for (Requirement r : e.getUnresolvedRequirements()) {
      String why = Explain.why(r, rc);
      if (why != null) {
        return "cannot resolve: " + why;
      }
    }
    String m = e.getMessage() == null ? "" : e.getMessage();
    return "cannot resolve: " + (m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m)
        + " (the bundles' version ranges or uses constraints conflict)";
  }

  /** An offered bundle that the signed catalogue vouches for (same id, version and digest). */
  record Offer(IndexResource resource, Catalogue.Entry entry, Catalogue.Release release, Catalogues.Verified repo) {
  }

  private static Map<IndexResource, Offer> offers(List<Catalogues.Verified> repos) {
    Map<IndexResource, Offer> offers = new LinkedHashMap<>();
    for (Catalogues.Verified v : repos) {
      for (IndexResource r : v.index()) {
        String[] content = R5Index.content(r);
        Catalogue.Entry entry = v.catalogue().entry(r.symbolicName()).orElse(null);
        Catalogue.Release release = entry == null ? null : entry.release(r.version().toString()).orElse(null);
        if (content != null && release != null && release.sha256().equals(content[1])
            && release.path().equals(content[0])) {
          offers.put(r, new Offer(r, entry, release, v));
        }
      }
    }
    return offers;
  }

  private static Offer choose(Request request, Map<IndexResource, Offer> offers) {
    Offer best = null;
    List<String> versions = new ArrayList<>();
    for (Offer o : offers.values()) {
      if (!o.resource().symbolicName().equals(request.id())) {
        continue;
      }
      versions.add(o.resource().version().toString());
      if (request.sha256() != null && !request.sha256().equals(o.release().sha256())) {
        continue;
      }
      if (request.version() != null) {
        if (o.resource().version().equals(Version.parseVersion(request.version()))) {
          return o;
        }
      } else if (best == null || o.resource().version().compareTo(best.resource().version()) > 0) {
        best = o;
      }
    }
    if (best == null) {
      throw new UsageException(versions.isEmpty() ? "no repository offers " + request.id()
          : request.id() + " " + request.version() + " is not offered (versions: " + String.join(", ", versions) + ")");
    }
    return best;
  }
}
