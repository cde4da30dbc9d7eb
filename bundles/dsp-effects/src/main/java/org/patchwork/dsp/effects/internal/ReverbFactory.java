package org.patchwork.dsp.effects.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link Reverb} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.reverb")
public final class ReverbFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return Reverb.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new Reverb();
  }
}
