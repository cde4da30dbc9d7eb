package org.patchwork.ui.shell.internal;

import java.time.ZoneId;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.patchwork.ui.shell.Theme;

/**
 * The crash-recovery question: "Patchwork quit without saving X at T. Recover the unsaved
 * changes?" with Recover and Discard. A dialog of our own rather than a native message box, so
 * it does not block the event loop (the window keeps drawing) and tests can find its buttons
 * ({@code recovery.prompt}, {@code recovery.recover}, {@code recovery.discard}). It has no close
 * button and ignores Escape: until the user answers, autosave leaves the recovery file alone.
 *
 * <p>Thread: the UI thread.
 */
final class RecoveryPrompt {

  /** The user's answer. */
  enum Answer { RECOVER, DISCARD }

  private final Shell dialog;
  private final CrashRecovery.Offer offer;

  RecoveryPrompt(Shell parent, CrashRecovery.Offer offer, Consumer<Answer> answered) {
    this.offer = offer;
    Theme theme = Theme.of(parent.getDisplay());
    dialog = new Shell(parent, SWT.TITLE | SWT.BORDER | SWT.APPLICATION_MODAL);
    dialog.setText("Recover unsaved changes");
    dialog.setData("patchwork.test.id", "recovery.prompt");
    GridLayout layout = new GridLayout(1, false);
    int em = Theme.em(parent);
    layout.marginWidth = em;
    layout.marginHeight = em;
    layout.verticalSpacing = em;
    dialog.setLayout(layout);

    Label question = new Label(dialog, SWT.WRAP);
    question.setText(offer.question(ZoneId.systemDefault()));
    question.setData("patchwork.test.id", "recovery.question");
    GridData wrap = new GridData(SWT.FILL, SWT.CENTER, true, false);
    wrap.widthHint = em * 30;
    question.setLayoutData(wrap);

    Composite buttons = new Composite(dialog, SWT.NONE);
    buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
    GridLayout row = new GridLayout(2, true);
    row.marginWidth = 0;
    row.marginHeight = 0;
    buttons.setLayout(row);
    Button recover = button(buttons, "&Recover", "recovery.recover", () -> answered.accept(Answer.RECOVER));
    button(buttons, "&Discard", "recovery.discard", () -> answered.accept(Answer.DISCARD));
    dialog.setDefaultButton(recover);

    // Only an answer closes it: the window manager's close and Escape do nothing.
    dialog.addListener(SWT.Close, e -> e.doit = false);
    dialog.addListener(SWT.Traverse, e -> {
      if (e.detail == SWT.TRAVERSE_ESCAPE) {
        e.doit = false;
      }
    });
    theme.apply(dialog);
    // Text on the dialog itself, not in a box.
    question.setBackground(theme.background());
    dialog.pack();
    var p = parent.getBounds();
    var d = dialog.getSize();
    dialog.setLocation(p.x + Math.max(0, (p.width - d.x) / 2), p.y + Math.max(0, (p.height - d.y) / 3));
  }

  private Button button(Composite parent, String text, String id, Runnable action) {
    Button b = new Button(parent, SWT.PUSH);
    b.setText(text);
    b.setData("patchwork.test.id", id);
    b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    b.addListener(SWT.Selection, e -> {
      dispose();
      action.run();
    });
    return b;
  }

  void open() {
    dialog.open();
  }

  CrashRecovery.Offer offer() {
    return offer;
  }

  Shell shell() {
    return dialog;
  }

  boolean isDisposed() {
    return dialog.isDisposed();
  }

  void dispose() {
    if (!dialog.isDisposed()) {
      dialog.dispose();
    }
  }
}
