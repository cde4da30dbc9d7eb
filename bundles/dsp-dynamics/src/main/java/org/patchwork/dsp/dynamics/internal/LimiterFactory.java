package org.patchwork.dsp.dynamics.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link Limiter} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.limiter")
public final class LimiterFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return Limiter.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new Limiter();
  }
}
