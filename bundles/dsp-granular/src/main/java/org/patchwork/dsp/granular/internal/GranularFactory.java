package org.patchwork.dsp.granular.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link Granular} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.granular")
public final class GranularFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return Granular.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new Granular();
  }
}
