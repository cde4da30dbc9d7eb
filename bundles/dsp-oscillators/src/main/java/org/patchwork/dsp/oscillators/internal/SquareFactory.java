package org.patchwork.dsp.oscillators.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link SquareOscillator} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.square")
public final class SquareFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return SquareOscillator.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new SquareOscillator();
  }
}
