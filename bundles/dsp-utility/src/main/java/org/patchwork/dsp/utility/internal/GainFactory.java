package org.patchwork.dsp.utility.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link Gain} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.gain")
public final class GainFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return Gain.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new Gain();
  }
}
