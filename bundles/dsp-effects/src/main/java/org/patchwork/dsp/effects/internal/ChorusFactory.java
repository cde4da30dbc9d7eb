package org.patchwork.dsp.effects.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link Chorus} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.chorus")
public final class ChorusFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return Chorus.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new Chorus();
  }
}
