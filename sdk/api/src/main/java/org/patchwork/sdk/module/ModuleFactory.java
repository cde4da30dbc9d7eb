package org.patchwork.sdk.module;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The service a module bundle registers, one per module type. The engine finds factories
 * through the OSGi service registry, reads their descriptors and creates instances.
 *
 * <pre>{@code
 * @Component(service = ModuleFactory.class,
 *     property = ModuleFactory.MODULE_ID + "=com.example.sine")
 * public final class SineFactory implements ModuleFactory {
 *   public ModuleDescriptor descriptor() { return SineModule.DESCRIPTOR; }
 *   public AudioModule create() { return new SineModule(); }
 * }
 * }</pre>
 *
 * <p>Thread: any non-audio thread; both methods may be called concurrently.
 */
@ConsumerType
public interface ModuleFactory {

  /** Service property carrying {@link ModuleDescriptor#id()}, so hosts can filter factories. */
  String MODULE_ID = "patchwork.module.id";

  /**
   * The descriptor of the modules this factory creates. Must return equal descriptors every
   * time. Thread: any non-audio thread.
   */
  ModuleDescriptor descriptor();

  /**
   * A new, inactive instance. Must not allocate audio buffers yet: that is
   * {@link AudioModule#activate}'s job. Thread: any non-audio thread.
   */
  AudioModule create();
}
