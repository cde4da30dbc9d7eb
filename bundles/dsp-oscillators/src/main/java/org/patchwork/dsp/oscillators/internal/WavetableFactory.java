package org.patchwork.dsp.oscillators.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link WavetableOscillator} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.wavetable")
public final class WavetableFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return WavetableOscillator.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new WavetableOscillator();
  }
}
