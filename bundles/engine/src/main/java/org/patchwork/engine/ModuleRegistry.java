package org.patchwork.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/**
 * Finds module factories by module id. Inside OSGi the engine bundle registers one as a service
 * that tracks every {@link ModuleFactory} service; tests and tools build one from factories.
 *
 * <pre>{@code
 * ModuleRegistry registry = ModuleRegistry.of(new SineFactory(), new GainFactory());
 * ModuleFactory sine = registry.find("org.patchwork.examples.sine").orElseThrow();
 * }</pre>
 *
 * <p>Thread: any; implementations are thread-safe.
 */
@ProviderType
public interface ModuleRegistry {

  /** The factory for {@code moduleId}; when several are installed, the newest version's. */
  Optional<ModuleFactory> find(String moduleId);

  /** The descriptors of every module that can be created now, sorted by id. */
  List<ModuleDescriptor> descriptors();

  /**
   * Calls {@code listener} with a module id whenever the factory {@link #find} gives for it may
   * have changed (a bundle installed, updated or removed). Playing sessions follow these
   * changes (see {@link Lifecycle}). Thread: the listener runs on whichever thread changed the
   * registry and must return quickly. A fixed registry never calls it.
   */
  default ModuleGuard.Subscription watch(Consumer<String> listener) {
    return () -> { };
  }

  /** The host's crash markers and fault records; {@link ModuleGuard#none()} by default. */
  default ModuleGuard guard() {
    return ModuleGuard.none();
  }

  /**
   * A fixed registry of these factories.
   *
   * @throws IllegalArgumentException if two factories share a module id
   */
  static ModuleRegistry of(ModuleFactory... factories) {
    Map<String, ModuleFactory> byId = new LinkedHashMap<>();
    for (ModuleFactory f : factories) {
      String id = f.descriptor().id();
      if (byId.putIfAbsent(id, f) != null) {
        throw new IllegalArgumentException("two factories for module id " + id);
      }
    }
    Map<String, ModuleFactory> fixed = Map.copyOf(byId);
    List<ModuleDescriptor> sorted = new ArrayList<>();
    fixed.values().forEach(f -> sorted.add(f.descriptor()));
    sorted.sort(Comparator.comparing(ModuleDescriptor::id));
    List<ModuleDescriptor> descriptors = List.copyOf(sorted);
    return new ModuleRegistry() {
      @Override
      public Optional<ModuleFactory> find(String moduleId) {
        return Optional.ofNullable(moduleId == null ? null : fixed.get(moduleId));
      }

      @Override
      public List<ModuleDescriptor> descriptors() {
        return descriptors;
      }
    };
  }
}
