package org.patchwork.dsp.modulators.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link SampleHold} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.sample_hold")
public final class SampleHoldFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return SampleHold.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new SampleHold();
  }
}
