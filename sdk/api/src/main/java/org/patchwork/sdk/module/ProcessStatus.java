package org.patchwork.sdk.module;

import org.osgi.annotation.versioning.ProviderType;

/** What {@link AudioModule#process} reports about the block it just processed. */
@ProviderType
public enum ProcessStatus {
  /** Outputs were written; keep calling. */
  CONTINUE,
  /** Nothing to say: outputs were not written and are taken as silence (an idle instrument). */
  SILENT,
  /** The module failed; the host bypasses it and reports the fault. */
  ERROR
}
