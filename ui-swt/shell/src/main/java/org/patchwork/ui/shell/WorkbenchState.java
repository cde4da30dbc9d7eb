package org.patchwork.ui.shell;

import java.nio.file.Path;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.engine.Project;

/**
 * The workbench at one moment: immutable, safe on any thread. The model thread publishes a new
 * one after every change; views compare {@link #revision()} to see whether to redraw.
 *
 * @param revision increases with every change
 * @param project the project being edited
 * @param file where it is saved ({@code project.json}), or null while untitled
 * @param dirty whether it has changes not saved yet
 * @param playing whether the transport runs
 * @param message the latest message for the status bar (an edit refused, a file saved), or ""
 * @param error whether {@code message} reports a failure
 * @param undoLabel the label of the edit Undo would take back, or "" if none
 * @param redoLabel the label of the edit Redo would re-apply, or "" if none
 */
@ProviderType
public record WorkbenchState(long revision, Project project, Path file, boolean dirty, boolean playing,
    String message, boolean error, String undoLabel, String redoLabel) {

  /** Checks for null. */
  public WorkbenchState {
    Objects.requireNonNull(project, "project");
    message = message == null ? "" : message;
    undoLabel = undoLabel == null ? "" : undoLabel;
    redoLabel = redoLabel == null ? "" : redoLabel;
  }

  /** The name to show in the title bar: the project's, with a star when unsaved. */
  public String title() {
    return (dirty ? "*" : "") + project.name() + (file == null ? "" : " - " + file.getParent().getFileName());
  }
}
