package org.patchwork.dsp.oscillators.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link TriangleOscillator} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.triangle")
public final class TriangleFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return TriangleOscillator.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new TriangleOscillator();
  }
}
