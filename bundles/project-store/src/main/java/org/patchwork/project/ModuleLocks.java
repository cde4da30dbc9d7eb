package org.patchwork.project;

import java.util.Collection;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Says which bundle provides each module, for the lockfile a save writes. The project-store
 * bundle registers one backed by the running framework ({@link FrameworkModuleLocks}); a tool
 * without a framework uses {@link #NONE}, which leaves a project's lockfile as it is.
 *
 * <pre>{@code
 * ProjectStore store = new ProjectStore(new FrameworkModuleLocks(bundleContext));
 * }</pre>
 */
@ConsumerType
public interface ModuleLocks {

  /** Knows no bundles: saving keeps the lockfile the project already has. */
  ModuleLocks NONE = ids -> List.of();

  /** An entry for each of {@code moduleIds} a running bundle provides; others are left out. */
  List<LockEntry> lock(Collection<String> moduleIds);
}
