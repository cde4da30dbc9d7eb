package org.patchwork.marketplace.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/**
 * Resolution problems in words: "org.example.fx 1.0.0 needs package org.example.lib version 1.0.0
 * up to 2.0.0, which no installed bundle and no bundle in the repositories provides". The chain
 * is followed down to the requirement nothing provides, so the user learns what is really missing.
 */
final class Explain {

  private static final Pattern LOW = Pattern.compile("(?<!!)\\((?:bundle-)?version>=([^)]+)\\)");
  private static final Pattern HIGH = Pattern.compile("\\(!\\((?:bundle-)?version>=([^)]+)\\)\\)");
  private static final Pattern EXACT = Pattern.compile("\\((?:bundle-)?version=([^)]+)\\)");

  private Explain() {
  }

  /** Why {@code requirement} of a mandatory resource failed, following providers down. */
  static String why(Requirement requirement, MarketResolveContext context) {
    List<String> chain = new ArrayList<>();
    Set<Resource> seen = new HashSet<>();
    Requirement r = requirement;
    for (int depth = 0; depth < 8; depth++) {
      chain.add(resource(r.getResource()) + " needs " + what(r));
      List<Capability> providers = context.findProviders(r);
      if (providers.isEmpty()) {
        return String.join(", from ", chain) + ", which " + nobody(r, context);
      }
      Requirement deeper = null;
      for (Capability c : providers) {
        if (!seen.add(c.getResource())) {
          continue;
        }
        for (Requirement q : c.getResource().getRequirements(null)) {
          if (context.isEffective(q) && !optional(q) && context.findProviders(q).isEmpty()) {
            deeper = q;
            break;
          }
        }
        if (deeper == null) {
          // This provider has everything it needs: the problem is a conflict, not a gap.
          return null;
        }
      }
      if (deeper == null) {
        return null;
      }
      chain.set(chain.size() - 1, chain.get(chain.size() - 1) + " (offered by " + resource(deeper.getResource()) + ")");
      r = deeper;
    }
    return null;
  }

  private static String nobody(Requirement r, MarketResolveContext context) {
    Set<String> others = new LinkedHashSet<>();
    for (Capability c : context.sameName(r)) {
      Object v = c.getAttributes().get("version");
      others.add(resource(c.getResource()) + (v == null ? "" : " (version " + v + ")"));
    }
    return others.isEmpty() ? "no installed bundle and no bundle in the repositories provides"
        : "only " + String.join(", ", others) + " provide" + (others.size() == 1 ? "s" : "") + ", in another version";
  }

  static boolean optional(Requirement r) {
    return Namespace.RESOLUTION_OPTIONAL.equals(r.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
  }

  /** "org.example.lib 1.0.0", for an offered or an installed resource. */
  static String resource(Resource r) {
    if (r instanceof IndexResource i) {
      return i.toString();
    }
    if (r instanceof BundleRevision b) {
      return b.getSymbolicName() + " " + b.getVersion() + " (installed)";
    }
    return String.valueOf(r);
  }

  /** The name a requirement asks for, from its filter: the package, bundle or extender name. */
  static String name(Requirement r) {
    String filter = r.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
    if (filter == null) {
      return null;
    }
    Matcher m = Pattern.compile("\\(" + Pattern.quote(r.getNamespace()) + "=([^)]+)\\)").matcher(filter);
    return m.find() ? m.group(1) : null;
  }

  /** "package org.example.lib version 1.0.0 up to 2.0.0". */
  static String what(Requirement r) {
    String filter = r.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
    String name = name(r);
    String kind = switch (r.getNamespace()) {
      case "osgi.wiring.package" -> "package " + name;
      case "osgi.wiring.bundle" -> "bundle " + name;
      case "osgi.wiring.host" -> "host bundle " + name;
      case "osgi.extender" -> "the " + name + " extender" + ("osgi.component".equals(name) ? " (Declarative Services)" : "");
      case "osgi.ee" -> "the execution environment " + filter;
      case "osgi.service" -> "a service " + filter;
      default -> name == null ? r.getNamespace() + " " + filter : r.getNamespace() + " " + name;
    };
    return kind + versions(filter);
  }

  private static String versions(String filter) {
    Matcher exact = EXACT.matcher(filter);
    Matcher low = LOW.matcher(filter);
    Matcher high = HIGH.matcher(filter);
    String lo = low.find() ? low.group(1) : null;
    String hi = high.find() ? high.group(1) : null;
    if (lo != null && hi != null) {
      return " version " + lo + " up to " + hi;
    }
    if (lo != null) {
      return " version " + lo + " or later";
    }
    if (exact.find()) {
      return " version " + exact.group(1);
    }
    return "";
  }
}
