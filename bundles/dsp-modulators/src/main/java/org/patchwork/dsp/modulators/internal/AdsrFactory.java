package org.patchwork.dsp.modulators.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link Adsr} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.adsr")
public final class AdsrFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return Adsr.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new Adsr();
  }
}
