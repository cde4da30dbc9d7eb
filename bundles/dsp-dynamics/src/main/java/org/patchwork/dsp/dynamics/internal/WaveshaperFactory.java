package org.patchwork.dsp.dynamics.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link Waveshaper} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.waveshaper")
public final class WaveshaperFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return Waveshaper.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new Waveshaper();
  }
}
