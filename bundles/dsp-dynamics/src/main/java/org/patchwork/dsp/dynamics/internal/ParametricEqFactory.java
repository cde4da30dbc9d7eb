package org.patchwork.dsp.dynamics.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link ParametricEq} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.eq")
public final class ParametricEqFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return ParametricEq.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new ParametricEq();
  }
}
