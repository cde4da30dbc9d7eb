package org.patchwork.ui.tracker.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.patchwork.engine.Project;
import org.patchwork.sequencer.Playhead;
import org.patchwork.sequencer.Song;
import org.patchwork.ui.shell.DisplayRate;
import org.patchwork.ui.shell.SongEdit;
import org.patchwork.ui.shell.Telemetry;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.Workbench;
import org.patchwork.ui.shell.WorkbenchState;

/**
 * The tracker panel's widgets: the pattern grid with its toolbar and order list, or, for a
 * project without a song, a message with a button that starts one. It shows the workbench's
 * song, sends the editor's changes as workbench edits and follows the playhead.
 *
 * <p>While edits it sent are on their way, it keeps its own copy of the song (with them
 * applied) so fast typing builds on what was just typed; once the workbench has answered them
 * all it shows the workbench's song again, which is how undo and other panels' edits arrive.
 */
final class TrackerView {

  private static final Executor COMPILER =
      r -> Thread.ofPlatform().daemon().name("patchwork-tracker-playhead").start(r);

  private final Workbench workbench;
  private final PatternEditor editor = new PatternEditor();
  private final Composite root;
  private final StackLayout stack = new StackLayout();
  private final Composite empty;
  private final Label emptyText;
  private final Button start;
  private final Composite page;
  private final TrackerToolbar toolbar;
  private final OrderList orders;
  private final PatternCanvas grid;
  private long revision = -1;
  private String songJson;
  private int pending;
  private boolean wasPlaying;
  private PlayheadMap map;
  private long mapRequest;

  TrackerView(Composite parent, Workbench workbench) {
    this.workbench = workbench;
    Theme theme = Theme.of(parent.getDisplay());
    root = new Composite(parent, SWT.NONE);
    root.setLayout(stack);

    empty = new Composite(root, SWT.NONE);
    empty.setLayout(new GridLayout(1, false));
    emptyText = new Label(empty, SWT.WRAP);
    emptyText.setData("patchwork.test.id", "tracker.empty");
    GridData text = new GridData(SWT.FILL, SWT.CENTER, true, false);
    text.widthHint = Theme.em(parent) * 30;
    emptyText.setLayoutData(text);
    start = new Button(empty, SWT.PUSH);
    start.setText("Start a tracker song");
    start.setData("patchwork.test.id", "tracker.start");
    start.addListener(SWT.Selection, e -> startSong());

    page = new Composite(root, SWT.NONE);
    GridLayout layout = new GridLayout(2, false);
    layout.marginWidth = 0;
    layout.marginHeight = 0;
    page.setLayout(layout);
    toolbar = new TrackerToolbar(page, editor, this::changed, this::outcome);
    toolbar.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
    orders = new OrderList(page, editor, this::changed, this::outcome);
    orders.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
    grid = new PatternCanvas(page, editor, theme, this::outcome);
    grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

    stack.topControl = empty;
    theme.apply(root);
    DisplayRate.every(root, DisplayRate.METERS_HZ, this::refresh);
    refresh();
  }

  Control control() {
    return root;
  }

  // ---- from the workbench ----

  private void refresh() {
    WorkbenchState s = workbench.state();
    if (s.revision() != revision && pending == 0) {
      revision = s.revision();
      show(s.project());
    }
    playhead(s);
  }

  private void show(Project p) {
    if (!p.hasSong()) {
      songJson = null;
      int tracks = p.graph().tracks().size();
      emptyText.setText("This project has no tracker song: it plays its list of notes.\n\n"
          + "Start a tracker song to write patterns: one song track and one instrument for each of the project's "
          + tracks + (tracks == 1 ? " track" : " tracks") + ", and an empty pattern of " + NewSong.LINES
          + " lines. From then on the project plays its song instead of the notes.");
      start.setEnabled(tracks > 0);
      top(empty);
      return;
    }
    if (p.song().equals(songJson)) {
      return;
    }
    try {
      Song song = SongEdit.song(p);
      songJson = p.song();
      editor.load(song);
      top(page);
      changed();
    } catch (RuntimeException e) {
      toolbar.message("The song cannot be read: " + e.getMessage());
    }
  }

  private void top(Control c) {
    if (stack.topControl != c) {
      stack.topControl = c;
      root.layout(true, true);
      if (c == page) {
        grid.control().setFocus();
      }
    }
  }

  private void playhead(WorkbenchState s) {
    boolean playing = s.playing();
    if (playing && !wasPlaying && s.project().hasSong()) {
      compileForPlayhead(s.project());
    }
    if (!playing) {
      map = null;
      grid.playing(-1, -1);
    }
    wasPlaying = playing;
    if (!playing || map == null) {
      return;
    }
    Telemetry t = workbench.telemetry();
    // The line heard now: what the engine has played, less what is still in the output buffer.
    Playhead p = map.at(Math.max(0, t.playheadFrame() - t.latencyFrames()));
    if (p == null) {
      return;
    }
    grid.playing(p.pattern(), p.line());
    if (editor.follow()) {
      int order = editor.order();
      int line = editor.cursor().line();
      editor.followTo(p);
      if (order != editor.order() || line != editor.cursor().line()) {
        changed();
      }
    }
  }

  /** The workbench plays the song as it was when playback started: map frames with that one. */
  private void compileForPlayhead(Project p) {
    long request = ++mapRequest;
    Telemetry t = workbench.telemetry();
    double rate = t.sampleRate() > 0 ? t.sampleRate() : p.sampleRate();
    Display display = root.getDisplay();
    CompletableFuture.supplyAsync(() -> PlayheadMap.of(SongEdit.song(p), rate), COMPILER).whenComplete((m, error) ->
        display.asyncExec(() -> {
          if (!root.isDisposed() && request == mapRequest && error == null && workbench.state().playing()) {
            map = m;
          }
        }));
  }

  // ---- to the workbench ----

  private void outcome(PatternEditor.Outcome out) {
    if (out.change() != null) {
      submit(out.change());
    }
    toolbar.message(out.message());
    changed();
  }

  /** Sends a change the editor has applied to its own song already. */
  private void submit(Change change) {
    pending++;
    Display display = root.getDisplay();
    workbench.submit(change.toWorkbench()).whenComplete((state, error) -> display.asyncExec(() -> {
      if (root.isDisposed()) {
        return;
      }
      pending--;
      if (error != null) {
        toolbar.message(rootCause(error).getMessage());
        // Show the workbench's song again, without the refused change.
        revision = -1;
        songJson = null;
      }
    }));
  }

  private void startSong() {
    try {
      Change c = NewSong.change(workbench.state().project());
      pending++;
      Display display = root.getDisplay();
      workbench.submit(c.toWorkbench()).whenComplete((state, error) -> display.asyncExec(() -> {
        if (!root.isDisposed()) {
          pending--;
          if (error != null) {
            emptyText.setText(rootCause(error).getMessage());
          }
        }
      }));
    } catch (IllegalArgumentException e) {
      emptyText.setText(e.getMessage());
    }
  }

  /** Something of the editor changed: the widgets show it. */
  private void changed() {
    toolbar.show();
    orders.show();
    grid.scrollToCursor();
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && (c instanceof java.util.concurrent.CompletionException
        || c.getMessage() == null)) {
      c = c.getCause();
    }
    return c;
  }
}
