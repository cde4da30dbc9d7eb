package org.patchwork.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/**
 * A {@link ModuleRegistry} whose factories come and go while sessions play, as module bundles
 * are installed, updated and removed. The engine's OSGi registry is one; tests and tools use it
 * to change modules under a playing {@link Session}. When two factories offer one module id (an
 * update in progress, two versions installed), the higher module version wins, then the one
 * that arrived last.
 *
 * <pre>{@code
 * LiveModuleRegistry registry = new LiveModuleRegistry(new SineFactory(), new GainFactory());
 * try (Session s = new Session(project, registry, 48_000, 256, 0)) {
 *   s.next();
 *   registry.replace(oldGain, newGain);      // the session crossfades to the new version
 * }
 * }</pre>
 *
 * <p>Thread: any.
 */
@ProviderType
public final class LiveModuleRegistry implements ModuleRegistry {

  // id -> factories offering it, oldest first; lists are replaced, never changed in place.
  private final Map<String, List<ModuleFactory>> factories = new ConcurrentHashMap<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final ModuleGuard guard;

  /** A registry of these factories, with no crash markers. */
  public LiveModuleRegistry(ModuleFactory... initial) {
    this(ModuleGuard.none(), initial);
  }

  /** A registry of these factories whose sessions use {@code guard}. */
  public LiveModuleRegistry(ModuleGuard guard, ModuleFactory... initial) {
    if (guard == null) {
      throw new IllegalArgumentException("guard must not be null");
    }
    this.guard = guard;
    for (ModuleFactory f : initial) {
      add(f);
    }
  }

  /** Offers {@code factory}'s module; listeners hear of its id. A factory that cannot describe itself is ignored. */
  public void add(ModuleFactory factory) {
    String id = idOf(factory);
    if (id == null) {
      return;
    }
    factories.merge(id, List.of(factory), (old, added) -> {
      List<ModuleFactory> all = new ArrayList<>(old);
      all.addAll(added);
      return List.copyOf(all);
    });
    changed(id);
  }

  /** Withdraws {@code factory}; listeners hear of its id. */
  public void remove(ModuleFactory factory) {
    String id = idOf(factory);
    if (id == null) {
      return;
    }
    boolean[] removed = new boolean[1];
    factories.computeIfPresent(id, (k, old) -> {
      List<ModuleFactory> rest = old.stream().filter(f -> f != factory).toList();
      removed[0] = rest.size() < old.size();
      return rest.isEmpty() ? null : rest;
    });
    if (removed[0]) {
      changed(id);
    }
  }

  /** Withdraws {@code old} and offers {@code replacement} as one change, as a bundle update does. */
  public void replace(ModuleFactory old, ModuleFactory replacement) {
    String id = idOf(replacement);
    if (id == null) {
      remove(old);
      return;
    }
    factories.compute(id, (k, list) -> {
      List<ModuleFactory> all = new ArrayList<>(list == null ? List.of() : list);
      all.remove(old);
      all.add(replacement);
      return List.copyOf(all);
    });
    String oldId = idOf(old);
    if (oldId != null && !oldId.equals(id)) {
      remove(old);
    }
    changed(id);
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

  @Override
  public ModuleGuard.Subscription watch(Consumer<String> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public ModuleGuard guard() {
    return guard;
  }

  private void changed(String id) {
    for (Consumer<String> l : listeners) {
      try {
        l.accept(id);
      } catch (RuntimeException e) {
        // One session's listener must not keep the others (or the bundle event) from going on.
      }
    }
  }

  private static String idOf(ModuleFactory factory) {
    try {
      return factory.descriptor().id();
    } catch (RuntimeException e) {
      // A factory that cannot describe itself cannot be used; there is no log here to tell.
      return null;
    }
  }

  /** Compares {@code major.minor.patch} numerically; a qualifier sorts below the plain release. */
  public static int compareVersions(String a, String b) {
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
