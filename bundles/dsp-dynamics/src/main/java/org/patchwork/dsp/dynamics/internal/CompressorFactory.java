package org.patchwork.dsp.dynamics.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link Compressor} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.compressor")
public final class CompressorFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return Compressor.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new Compressor();
  }
}
