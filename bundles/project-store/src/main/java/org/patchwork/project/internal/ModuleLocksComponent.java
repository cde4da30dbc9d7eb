package org.patchwork.project.internal;

import java.util.Collection;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.patchwork.project.FrameworkModuleLocks;
import org.patchwork.project.LockEntry;
import org.patchwork.project.ModuleLocks;

/** Offers {@link ModuleLocks} for the running framework, for whoever saves projects (UI, sequencer). */
@Component(service = ModuleLocks.class)
public final class ModuleLocksComponent implements ModuleLocks {

  private final FrameworkModuleLocks locks;

  @Activate
  public ModuleLocksComponent(BundleContext context) {
    this.locks = new FrameworkModuleLocks(context);
  }

  @Override
  public List<LockEntry> lock(Collection<String> moduleIds) {
    return locks.lock(moduleIds);
  }
}
