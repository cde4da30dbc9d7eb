package org.patchwork.dsp.sampler.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link Sampler} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.sampler")
public final class SamplerFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return Sampler.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new Sampler();
  }
}
