package org.patchwork.engine.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.patchwork.engine.LiveModuleRegistry;
import org.patchwork.engine.ModuleGuard;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/**
 * The {@link ModuleRegistry} service: follows every {@link ModuleFactory} service as module
 * bundles come and go, and tells playing sessions (which then hot-swap, fall back to
 * placeholders or rebind; see {@link org.patchwork.engine.Lifecycle}). When two bundles offer
 * the same module id (an update in progress), the higher module version wins, then the one that
 * arrived last.
 */
@Component(service = ModuleRegistry.class)
public final class ServiceModuleRegistry implements ModuleRegistry {

  private final LiveModuleRegistry live;

  /** A registry without crash markers, for tests. */
  public ServiceModuleRegistry() {
    this(ModuleGuard.none());
  }

  /** Starts empty; factories arrive through {@link #addFactory}. */
  @Activate
  public ServiceModuleRegistry(@Reference ModuleGuard guard) {
    this.live = new LiveModuleRegistry(guard);
  }

  /** A module bundle registered a factory. Thread: any (DS). */
  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY, unbind = "removeFactory")
  void addFactory(ModuleFactory factory) {
    live.add(factory);
  }

  /** A factory went away. Thread: any (DS). */
  void removeFactory(ModuleFactory factory) {
    live.remove(factory);
  }

  @Override
  public Optional<ModuleFactory> find(String moduleId) {
    return live.find(moduleId);
  }

  @Override
  public List<ModuleDescriptor> descriptors() {
    return live.descriptors();
  }

  @Override
  public ModuleGuard.Subscription watch(Consumer<String> listener) {
    return live.watch(listener);
  }

  @Override
  public ModuleGuard guard() {
    return live.guard();
  }

  /** Compares {@code major.minor.patch} numerically; a qualifier sorts below the plain release. */
  static int compareVersions(String a, String b) {
    return LiveModuleRegistry.compareVersions(a, b);
  }
}
