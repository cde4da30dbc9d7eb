package org.patchwork.ui.shell.internal;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.patchwork.ui.shell.WorkbenchState;

/**
 * The crash-recovery side of the workbench, for its window: the recovery file waiting for an
 * answer, and the answers. Kept out of the {@code Workbench} API because panels have no part in it.
 *
 * <p>Thread: any; the requests run on the model thread like every other.
 */
interface Recoveries {

  /** The recovery file offered for the project just opened or started, if any. */
  Optional<CrashRecovery.Offer> recoveryOffer();

  /**
   * Makes the offered project the current one, unsaved, with the project's file; fails if
   * {@code offer} is no longer the one offered.
   */
  CompletionStage<WorkbenchState> recover(CrashRecovery.Offer offer);

  /** Deletes the offered recovery file; fails if {@code offer} is no longer the one offered. */
  CompletionStage<WorkbenchState> discardRecovery(CrashRecovery.Offer offer);

  /**
   * The user chose not to save the current project's changes ("Don't save"): its recovery file
   * is deleted and not written again until the project changes.
   */
  CompletionStage<WorkbenchState> discardChanges();
}
