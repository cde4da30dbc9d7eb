package org.patchwork.ui.mixer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Send;
import org.patchwork.engine.Track;
import org.patchwork.ui.shell.Edits;
import org.patchwork.ui.shell.Levels;
import org.patchwork.ui.shell.TapBuffer;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.Workbench;
import org.patchwork.ui.shell.widgets.Fader;
import org.patchwork.ui.shell.widgets.LevelMeter;
import org.patchwork.ui.shell.widgets.ValueScale;

/**
 * One track's strip: name, mute and solo, pan, sends, fader with its level and a meter. The
 * meter reads the track's audio tap (after its effects, before the fader) and applies the
 * strip's own fader, pan, mute and solo, so it shows what the track sends to the master.
 */
final class ChannelStrip {

  /** Pan as "L 35", "C", "R 30" (percent of the way to the side). */
  static final ValueScale PAN = new ValueScale() {
    private final ValueScale linear = ValueScale.linear(-1, 1, "");

    @Override
    public double value(double position) {
      double v = linear.value(position);
      return Math.abs(v) < 0.02 ? 0 : v;
    }

    @Override
    public double position(double value) {
      return linear.position(value);
    }

    @Override
    public String format(double v) {
      long percent = Math.round(Math.abs(v) * 100);
      return percent == 0 ? "C" : (v < 0 ? "L " : "R ") + percent;
    }
  };

  private final Workbench workbench;
  private final String id;
  private final Composite root;
  private final Button mute;
  private final Button solo;
  private final Fader pan;
  private final Label panText;
  private final List<Fader> sends = new ArrayList<>();
  private final List<String> sendBuses = new ArrayList<>();
  private final Fader fader;
  private final Label level;
  private final LevelMeter meter;
  private final float[] left = new float[TapBuffer.CAPACITY / 4];
  private final float[] right = new float[TapBuffer.CAPACITY / 4];
  private final float[] measured = new float[2];
  private TapBuffer tap;
  private long read;
  private double gainLeft;
  private double gainRight;

  ChannelStrip(Composite parent, Workbench workbench, Track track) {
    this.workbench = workbench;
    this.id = track.id();
    root = new Composite(parent, SWT.BORDER);
    root.setLayout(MixerView.column(2));
    Label name = new Label(root, SWT.CENTER);
    name.setText(id);
    name.setLayoutData(span(2));
    name.setFont(Theme.of(parent.getDisplay()).bold());
    mute = toggle("M", "Mute (M)", "mixer.mute." + id);
    mute.addListener(SWT.Selection, e -> workbench.submit(new Edits.SetTrackMute(id, mute.getSelection())));
    solo = toggle("S", "Solo (S)", "mixer.solo." + id);
    solo.addListener(SWT.Selection, e -> workbench.submit(new Edits.SetTrackSolo(id, solo.getSelection())));
    pan = new Fader(root, SWT.HORIZONTAL, PAN, 0);
    pan.setLayoutData(span(2));
    pan.setData("patchwork.test.id", "mixer.pan." + id);
    pan.setToolTipText("Pan (double-click: centre)");
    pan.onChange(v -> {
      workbench.submit(new Edits.SetTrackPan(id, v));
      showPanText(v);
    });
    panText = new Label(root, SWT.CENTER);
    panText.setLayoutData(span(2));
    for (Send s : track.sends()) {
      Label to = new Label(root, SWT.NONE);
      to.setText("\u2192 " + s.bus());
      to.setLayoutData(span(2));
      Fader send = new Fader(root, SWT.HORIZONTAL, ValueScale.decibels(6), 0);
      send.setLayoutData(span(2));
      send.setData("patchwork.test.id", "mixer.send." + id + "." + s.bus());
      send.setToolTipText("Send level to " + s.bus());
      String bus = s.bus();
      send.onChange(db -> workbench.submit(new Edits.SetSendLevel(id, bus, db)));
      sends.add(send);
      sendBuses.add(bus);
    }
    fader = new Fader(root, SWT.VERTICAL, ValueScale.decibels(6), 0);
    fader.setLayoutData(MixerView.tall(parent));
    fader.setData("patchwork.test.id", "mixer.fader." + id);
    fader.setToolTipText("Level of " + id + " (double-click: 0 dB)");
    fader.onChange(db -> {
      workbench.submit(new Edits.SetTrackGain(id, db));
      showLevelText(db);
    });
    meter = new LevelMeter(root);
    meter.setLayoutData(MixerView.tall(parent));
    meter.setData("patchwork.test.id", "mixer.meter." + id);
    level = new Label(root, SWT.CENTER);
    level.setLayoutData(span(2));
    keys(root);
  }

  private Button toggle(String text, String tip, String testId) {
    Button b = new Button(root, SWT.TOGGLE);
    b.setText(text);
    b.setToolTipText(tip);
    b.setData("patchwork.test.id", testId);
    b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    return b;
  }

  private static GridData span(int columns) {
    GridData d = MixerView.fill();
    d.horizontalSpan = columns;
    return d;
  }

  /** M and S work on whichever control of the strip has the focus. */
  private void keys(Control c) {
    c.addListener(SWT.KeyDown, this::key);
    if (c instanceof Composite comp) {
      for (Control child : comp.getChildren()) {
        keys(child);
      }
    }
  }

  private void key(Event e) {
    if (e.stateMask != 0) {
      return;
    }
    if (e.character == 'm' || e.character == 'M') {
      mute.setSelection(!mute.getSelection());
      workbench.submit(new Edits.SetTrackMute(id, mute.getSelection()));
    } else if (e.character == 's' || e.character == 'S') {
      solo.setSelection(!solo.getSelection());
      workbench.submit(new Edits.SetTrackSolo(id, solo.getSelection()));
    }
  }

  /** Muted and soloed buttons stand out. */
  void colour() {
    Theme t = Theme.of(root.getDisplay());
    root.setBackground(t.surface());
    for (Control c : root.getChildren()) {
      c.setBackground(t.surface());
    }
    level.setFont(t.small());
    panText.setFont(t.small());
    panText.setForeground(t.dimText());
  }

  /** Shows the model's values, except on a control the user is holding. */
  void show(Track t, Graph g) {
    if (mute.getSelection() != t.mute()) {
      mute.setSelection(t.mute());
    }
    if (solo.getSelection() != t.solo()) {
      solo.setSelection(t.solo());
    }
    pan.setValue(t.pan());
    set(panText, PAN.format(t.pan()));
    for (int i = 0; i < sends.size(); i++) {
      String bus = sendBuses.get(i);
      Optional<Send> s = t.sends().stream().filter(x -> x.bus().equals(bus)).findFirst();
      Fader send = sends.get(i);
      s.ifPresent(x -> send.setValue(x.levelDb()));
    }
    fader.setValue(t.gainDb());
    set(level, Levels.format(t.gainDb()));
    boolean anySolo = g.tracks().stream().anyMatch(Track::solo);
    double gain = t.mute() || anySolo && !t.solo() ? 0 : Levels.toLinear(t.gainDb());
    gainLeft = gain * Levels.panGain(t.pan(), 0);
    gainRight = gain * Levels.panGain(t.pan(), 1);
  }

  private void showPanText(double v) {
    set(panText, PAN.format(v));
  }

  private void showLevelText(double db) {
    set(level, Levels.format(db));
  }

  private static void set(Label l, String text) {
    if (!text.equals(l.getText())) {
      l.setText(text);
      l.getParent().layout(new Control[] {l});
    }
  }

  /** Reads what the tap got since the last frame and moves the meter. */
  void meter() {
    TapBuffer now = workbench.tap(id).orElse(null);
    if (now != tap) {
      tap = now;
      read = now == null ? 0 : now.written();
    }
    if (tap == null) {
      meter.update(0f, 0f, 0f, 0f);
      return;
    }
    long end = tap.written();
    int n = tap.read(read, left, right);
    read = end;
    Levels.measure(left, n, measured);
    float pl = (float) (measured[0] * gainLeft);
    float rl = (float) (measured[1] * gainLeft);
    Levels.measure(right, n, measured);
    meter.update(pl, rl, (float) (measured[0] * gainRight), (float) (measured[1] * gainRight));
  }

  /** For logs: the strip's values as shown. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s pan %s", id, fader.text(), pan.text());
  }
}
