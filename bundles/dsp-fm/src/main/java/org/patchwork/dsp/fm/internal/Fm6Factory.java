package org.patchwork.dsp.fm.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link Fm6Synth} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.fm6")
public final class Fm6Factory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return Fm6Synth.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new Fm6Synth();
  }
}
