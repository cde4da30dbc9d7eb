package org.patchwork.dsp.oscillators.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link PinkNoise} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.pink_noise")
public final class PinkNoiseFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return PinkNoise.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new PinkNoise();
  }
}
