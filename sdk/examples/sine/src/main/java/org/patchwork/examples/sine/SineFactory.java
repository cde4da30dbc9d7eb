package org.patchwork.examples.sine;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link SineModule} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.examples.sine")
public final class SineFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return SineModule.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new SineModule();
  }
}
