package org.patchwork.marketplace.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.HostedCapability;
import org.osgi.service.resolver.ResolveContext;
import org.patchwork.sdk.cli.UsageException;

/**
 * What the framework's resolver sees when the marketplace plans an install: the bundles to add
 * (mandatory), the bundles running now with their wirings, and every bundle the repositories
 * offer. Installed capabilities come first, so what is already there is reused; among offered
 * bundles the highest version comes first.
 */
final class MarketResolveContext extends ResolveContext {

  private final List<Resource> mandatory;
  private final Map<Resource, Wiring> wirings;
  private final Map<String, List<Capability>> installed = new HashMap<>();
  private final Map<String, List<Capability>> available = new HashMap<>();
  private final Map<String, Filter> filters = new HashMap<>();

  /**
   * @param mandatory resources that must resolve
   * @param installedResources revisions of the bundles that stay, as providers
   * @param wirings their current wirings (resources absent here are resolved afresh)
   * @param offered resources from the repositories, as providers
   */
  MarketResolveContext(List<Resource> mandatory, List<Resource> installedResources, Map<Resource, Wiring> wirings,
      List<IndexResource> offered) {
    this.mandatory = List.copyOf(mandatory);
    this.wirings = Map.copyOf(wirings);
    for (Resource r : installedResources) {
      for (Capability c : r.getCapabilities(null)) {
        installed.computeIfAbsent(c.getNamespace(), k -> new ArrayList<>()).add(c);
      }
    }
    List<IndexResource> byVersion = new ArrayList<>(offered);
    byVersion.sort(Comparator.comparing(IndexResource::version).reversed());
    for (IndexResource r : byVersion) {
      for (Capability c : r.getCapabilities(null)) {
        available.computeIfAbsent(c.getNamespace(), k -> new ArrayList<>()).add(c);
      }
    }
  }

  @Override
  public Collection<Resource> getMandatoryResources() {
    return mandatory;
  }

  @Override
  public Map<Resource, Wiring> getWirings() {
    return wirings;
  }

  @Override
  public List<Capability> findProviders(Requirement requirement) {
    List<Capability> providers = new ArrayList<>();
    Filter filter = filter(requirement);
    for (Map<String, List<Capability>> source : List.of(installed, available)) {
      for (Capability c : source.getOrDefault(requirement.getNamespace(), List.of())) {
        if (filter == null || filter.matches(c.getAttributes())) {
          providers.add(c);
        }
      }
    }
    return providers;
  }

  /** Capabilities whose name matches the requirement's, whatever their version: for explanations. */
  List<Capability> sameName(Requirement requirement) {
    String name = Explain.name(requirement);
    List<Capability> found = new ArrayList<>();
    if (name == null) {
      return found;
    }
    for (Map<String, List<Capability>> source : List.of(installed, available)) {
      for (Capability c : source.getOrDefault(requirement.getNamespace(), List.of())) {
        if (name.equals(String.valueOf(c.getAttributes().get(requirement.getNamespace())))) {
          found.add(c);
        }
      }
    }
    return found;
  }

  @Override
  public int insertHostedCapability(List<Capability> capabilities, HostedCapability hostedCapability) {
    capabilities.add(hostedCapability);
    return capabilities.size() - 1;
  }

  @Override
  public boolean isEffective(Requirement requirement) {
    String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
    return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective);
  }

  private Filter filter(Requirement requirement) {
    String text = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
    if (text == null) {
      return null;
    }
    return filters.computeIfAbsent(text, t -> {
      try {
        return FrameworkUtil.createFilter(t);
      } catch (InvalidSyntaxException e) {
        throw new UsageException("a requirement of " + Explain.resource(requirement.getResource()) + " has a bad filter: " + t);
      }
    });
  }
}
