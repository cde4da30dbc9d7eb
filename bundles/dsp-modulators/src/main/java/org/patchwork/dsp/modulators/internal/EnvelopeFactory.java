package org.patchwork.dsp.modulators.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link Envelope} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.envelope")
public final class EnvelopeFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return Envelope.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new Envelope();
  }
}
