package org.patchwork.dsp.modulators.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link Lfo} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.lfo")
public final class LfoFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return Lfo.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new Lfo();
  }
}
