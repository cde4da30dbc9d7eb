package org.patchwork.dsp.modulators.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link Slew} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.slew")
public final class SlewFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return Slew.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new Slew();
  }
}
