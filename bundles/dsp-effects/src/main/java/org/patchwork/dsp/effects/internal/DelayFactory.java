package org.patchwork.dsp.effects.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link Delay} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.delay")
public final class DelayFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return Delay.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new Delay();
  }
}
