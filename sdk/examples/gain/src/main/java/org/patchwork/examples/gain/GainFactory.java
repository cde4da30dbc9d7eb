package org.patchwork.examples.gain;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link GainModule} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.examples.gain")
public final class GainFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return GainModule.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new GainModule();
  }
}
