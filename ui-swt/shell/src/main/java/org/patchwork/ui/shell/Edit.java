package org.patchwork.ui.shell;

import org.osgi.annotation.versioning.ConsumerType;
import org.patchwork.engine.Project;

/**
 * One change to the project, as an immutable command object. Panels never change state
 * themselves: they hand an edit to {@link Workbench#submit}, the workbench's model thread applies
 * it to the current project, checks the result like a loaded file, records it in the
 * {@link EditJournal} and lets the playing engine follow.
 *
 * <pre>{@code
 * workbench.submit(new Edits.SetTrackGain("bass", -6));
 * }</pre>
 *
 * <p>Thread: {@link #apply} runs on the model thread; an edit holds no mutable state.
 */
@ConsumerType
public interface Edit {

  /** What the edit does, for the journal and the Undo menu, e.g. "Set bass gain to -6.0 dB". */
  String label();

  /**
   * The project with this edit applied.
   *
   * @throws IllegalArgumentException with a message for the user when the edit does not fit the
   *     project (an unknown track, a port that does not exist); nothing changes then
   */
  Project apply(Project project);

  /**
   * Edits with the same non-null key that follow each other closely (one fader drag, one knob
   * turn) are recorded as one journal entry, so one undo takes back the whole gesture.
   */
  default String mergeKey() {
    return null;
  }
}
