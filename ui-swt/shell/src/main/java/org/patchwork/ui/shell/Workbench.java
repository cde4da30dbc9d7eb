package org.patchwork.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sdk.module.ModuleDescriptor;

/**
 * The workbench as panels see it (a DS service of the shell bundle). Panels read state and never
 * change it: they read immutable snapshots ({@link #state()}), the latest telemetry
 * ({@link #telemetry()}) and audio taps ({@link #tap}), and send edits and transport requests,
 * which travel through the control ring to the workbench's model thread.
 *
 * <pre>{@code
 * @Component(service = UiPanel.class)
 * public final class MyPanel implements UiPanel {
 *   private final Workbench workbench;
 *   @Activate public MyPanel(@Reference Workbench workbench) { this.workbench = workbench; }
 *   public Control create(Composite parent) {
 *     Button mute = new Button(parent, SWT.TOGGLE);
 *     mute.addListener(SWT.Selection, e -> workbench.submit(new Edits.SetTrackMute("bass", mute.getSelection())));
 *     DisplayRate.every(mute, 30, () -> mute.setSelection(track(workbench.state()).mute()));
 *     return mute;
 *   }
 * }
 * }</pre>
 *
 * <p>Thread: every method may be called from any thread and returns at once.
 */
@ProviderType
public interface Workbench {

  /** The latest state: the project, its file, whether it is dirty or playing. */
  WorkbenchState state();

  /**
   * Sends an edit to the model thread. The stage completes with the state after the edit, or
   * exceptionally with an {@link IllegalArgumentException} saying why the edit was refused (the
   * project is then unchanged and the message also shows in the status bar).
   */
  CompletionStage<WorkbenchState> submit(Edit edit);

  /** Takes back the last edit; completes with the resulting state. */
  CompletionStage<WorkbenchState> undo();

  /** Re-applies the last undone edit. */
  CompletionStage<WorkbenchState> redo();

  /** Starts playing the project from its beginning. */
  CompletionStage<WorkbenchState> play();

  /** Stops playing. */
  CompletionStage<WorkbenchState> stop();

  /** Opens a project folder (or its project.json); {@code demo} names the bundled demo song. */
  CompletionStage<WorkbenchState> open(Path project);

  /** Starts a new, empty project. */
  CompletionStage<WorkbenchState> newProject();

  /** Saves to the project's file, or to {@code folder} (save as) when not null. */
  CompletionStage<WorkbenchState> save(Path folder);

  /** Projects opened or saved recently, newest first. */
  List<Path> recentProjects();

  /** The latest telemetry, at most one display frame old. */
  Telemetry telemetry();

  /**
   * The audio of a track (after its effects, before its fader) or of the master output
   * ({@code "master"}), while playing; empty when stopped or unknown.
   */
  Optional<TapBuffer> tap(String trackOrMaster);

  /** Every module that can be added now, sorted by id. */
  List<ModuleDescriptor> modules();

  /** The descriptor of an installed module. */
  Optional<ModuleDescriptor> module(String moduleId);

  /** The journal of applied edits. */
  EditJournal journal();
}
