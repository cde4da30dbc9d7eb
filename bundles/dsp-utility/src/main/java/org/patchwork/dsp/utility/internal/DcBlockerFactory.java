package org.patchwork.dsp.utility.internal;

import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/** Offers {@link DcBlocker} to the host as a DS service. */
@Component(service = ModuleFactory.class,
    property = ModuleFactory.MODULE_ID + "=org.patchwork.dsp.dc_blocker")
public final class DcBlockerFactory implements ModuleFactory {

  @Override
  public ModuleDescriptor descriptor() {
    return DcBlocker.DESCRIPTOR;
  }

  @Override
  public AudioModule create() {
    return new DcBlocker();
  }
}
