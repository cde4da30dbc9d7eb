package org.patchwork.dsp.filters.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link CombFilter} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.comb")
public final class CombFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return CombFilter.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new CombFilter();
  }
}
