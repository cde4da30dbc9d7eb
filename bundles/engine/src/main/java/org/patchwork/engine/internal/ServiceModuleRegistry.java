package org.patchwork.engine.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/**
 * The {@link ModuleRegistry} service: follows every {@link ModuleFactory} service as module
 * bundles come and go. When two bundles offer the same module id (an update in progress), the
 * higher module version wins, then the one that arrived last.
 */
@Component(service = ModuleRegistry.class)
public final class ServiceModuleRegistry implements ModuleRegistry {

  // id -> factories offering it, oldest first; lists are replaced, never changed in place.
  private final Map<String, List<ModuleFactory>> factories = new ConcurrentHashMap<>();

  /** Starts empty; factories arrive through {@link #addFactory}. */
  @Activate
  public ServiceModuleRegistry() {
  }

  /** A module bundle registered a factory. Thread: any (DS). */
  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY, unbind = "removeFactory")
  void addFactory(ModuleFactory factory) {
    String id = idOf(factory);
    if (id != null) {
      factories.merge(id, List.of(factory), (old, added) -> {
        List<ModuleFactory> all = new ArrayList<>(old);
        all.addAll(added);
        return List.copyOf(all);
      });
    }
  }

  /** A factory went away. Thread: any (DS). */
  void removeFactory(ModuleFactory factory) {
    String id = idOf(factory);
    if (id != null) {
      factories.computeIfPresent(id, (k, old) -> {
        List<ModuleFactory> rest = old.stream().filter(f -> f != factory).toList();
        return rest.isEmpty() ? null : rest;
      });
    }
  }

  @Override
  public Optional<ModuleFactory> find(String moduleId) {
    List<ModuleFactory> candidates = moduleId == null ? null : factories.get(moduleId);
    if (candidates == null) {
      return Optional.empty();
    }
    ModuleFactory best = null;
    for (ModuleFactory f : candidates) {
      if (best == null || compareVersions(f.descriptor().version(), best.descriptor().version()) >= 0) {
        best = f;
      }
    }
    return Optional.ofNullable(best);
  }

  @Override
  public List<ModuleDescriptor> descriptors() {
    List<ModuleDescriptor> all = new ArrayList<>();
    for (String id : factories.keySet()) {
      find(id).ifPresent(f -> all.add(f.descriptor()));
    }
    all.sort(Comparator.comparing(ModuleDescriptor::id));
    return List.copyOf(all);
  }

  private static String idOf(ModuleFactory factory) {
    try {
      return factory.descriptor().id();
    } catch (RuntimeException e) {
      // A factory that cannot describe itself cannot be used; the engine has no log to tell.
      return null;
    }
  }

  /** Compares {@code major.minor.patch} numerically; a qualifier sorts below the plain release. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("[.-]", 4);
    String[] y = b.split("[.-]", 4);
    for (int i = 0; i < 3; i++) {
      int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
      if (c != 0) {
        return c;
      }
    }
    if (x.length != y.length) {
      return x.length < y.length ? 1 : -1;
    }
    return x.length == 4 ? x[3].compareTo(y[3]) : 0;
  }
}
