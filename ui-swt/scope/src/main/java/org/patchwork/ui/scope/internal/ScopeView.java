package org.patchwork.ui.scope.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.patchwork.engine.Track;
import org.patchwork.ui.shell.DisplayRate;
import org.patchwork.ui.shell.Levels;
import org.patchwork.ui.shell.TapBuffer;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.Workbench;

/**
 * An oscilloscope (triggered on a rising zero crossing, so a steady tone stands still) and a
 * spectrum analyser (4096-point FFT, logarithmic frequency axis, peaks falling back at 30 dB per
 * second) of one source: the master output or a track (after its effects, before its fader).
 * Both read the source's audio tap at display rate; nothing is drawn while stopped.
 */
final class ScopeView {

  static final int FFT = 4096;
  private static final int SCOPE_FRAMES = 2048;
  private static final double FLOOR_DB = -96;
  private static final double FALL_DB_PER_SECOND = 30;

  private final Workbench workbench;
  private final Composite root;
  private final Combo source;
  private final Label level;
  private final Canvas scope;
  private final Canvas spectrumCanvas;
  private final Theme theme;
  private final Spectrum spectrum = new Spectrum(FFT);
  private final float[] left = new float[FFT * 2];
  private final float[] right = new float[FFT * 2];
  private final double[] bins = new double[FFT / 2 + 1];
  private final double[] shown = new double[FFT / 2 + 1];
  private final float[] measured = new float[2];
  private int frames;
  private double sampleRate = 48_000;
  private long lastWritten = -1;
  private long lastTick = System.nanoTime();
  private List<String> sources = List.of();

  ScopeView(Composite parent, Workbench workbench) {
    this.workbench = workbench;
    this.theme = Theme.of(parent.getDisplay());
    java.util.Arrays.fill(shown, FLOOR_DB);
    root = new Composite(parent, SWT.NONE);
    root.setLayout(new GridLayout(3, false));
    Label l = new Label(root, SWT.NONE);
    l.setText("Source");
    source = new Combo(root, SWT.READ_ONLY | SWT.DROP_DOWN);
    source.setData("patchwork.test.id", "scope.source");
    source.setToolTipText("What to look at: the master output or a track (Tab / Shift+Tab on the views)");
    level = new Label(root, SWT.NONE);
    level.setData("patchwork.test.id", "scope.level");
    level.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    SashForm views = new SashForm(root, SWT.HORIZONTAL | SWT.SMOOTH);
    GridData fill = new GridData(SWT.FILL, SWT.FILL, true, true);
    fill.horizontalSpan = 3;
    views.setLayoutData(fill);
    scope = canvas(views, "scope.wave", this::paintScope);
    spectrumCanvas = canvas(views, "scope.spectrum", this::paintSpectrum);
    theme.apply(root);
    level.setForeground(theme.dimText());
    DisplayRate.every(root, DisplayRate.METERS_HZ, this::tick);
    tick();
  }

  Control control() {
    return root;
  }

  private Canvas canvas(Composite parent, String id, java.util.function.Consumer<GC> painter) {
    Canvas c = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
    c.setData("patchwork.test.id", id);
    c.addListener(SWT.Paint, e -> painter.accept(e.gc));
    c.addListener(SWT.MouseDown, e -> c.setFocus());
    c.addListener(SWT.Traverse, this::cycle);
    return c;
  }

  /** Tab and Shift+Tab on a view pick the next or previous source. */
  private void cycle(Event e) {
    if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
      e.doit = false;
      int n = source.getItemCount();
      if (n > 0) {
        int step = e.detail == SWT.TRAVERSE_TAB_NEXT ? 1 : -1;
        source.select(Math.floorMod(source.getSelectionIndex() + step, n));
      }
    }
  }

  /** The source now chosen: "master" or a track id. */
  String selectedSource() {
    int i = source.getSelectionIndex();
    return i < 0 || i >= sources.size() ? "master" : sources.get(i);
  }

  private void tick() {
    List<String> now = new ArrayList<>(List.of("master"));
    workbench.state().project().graph().tracks().stream().map(Track::id).forEach(now::add);
    if (!now.equals(sources)) {
      String keep = selectedSource();
      sources = now;
      source.setItems(now.stream().map(s -> s.equals("master") ? "Master output" : "Track " + s).toArray(String[]::new));
      source.select(Math.max(0, now.indexOf(keep)));
      root.layout(true);
    }
    long t = System.nanoTime();
    double fall = (t - lastTick) / 1e9 * FALL_DB_PER_SECOND;
    lastTick = t;
    TapBuffer tap = workbench.tap(selectedSource()).orElse(null);
    if (tap == null) {
      if (frames != 0 || shown[1] > FLOOR_DB) {
        frames = 0;
        java.util.Arrays.fill(shown, FLOOR_DB);
        level.setText("stopped");
        scope.redraw();
        spectrumCanvas.redraw();
      }
      return;
    }
    if (tap.written() == lastWritten) {
      return;
    }
    lastWritten = tap.written();
    sampleRate = tap.sampleRate();
    frames = tap.read(lastWritten - left.length, left, right);
    if (frames >= FFT) {
      spectrum.analyse(slice(left), slice(right), bins);
      for (int k = 0; k < bins.length; k++) {
        shown[k] = Math.max(Math.max(FLOOR_DB, bins[k]), shown[k] - fall);
      }
    }
    Levels.measure(left, frames, measured);
    level.setText(String.format(Locale.ROOT, "peak %s   RMS %s", Levels.format(Levels.toDb(measured[0])),
        Levels.format(Levels.toDb(measured[1]))));
    scope.redraw();
    spectrumCanvas.redraw();
  }

  private final float[] sliceBuffer = new float[FFT];
  private final float[] sliceBuffer2 = new float[FFT];

  /** The newest FFT frames of a channel. */
  private float[] slice(float[] channel) {
    float[] out = channel == left ? sliceBuffer : sliceBuffer2;
    System.arraycopy(channel, frames - FFT, out, 0, FFT);
    return out;
  }

  /** The spectrum as shown (dB per bin, after the fall-back), for tests. */
  double[] shownSpectrum() {
    return shown.clone();
  }

  double sampleRate() {
    return sampleRate;
  }

  private void paintScope(GC gc) {
    Rectangle r = scope.getClientArea();
    gc.setBackground(theme.background());
    gc.fillRectangle(r);
    gc.setForeground(theme.border());
    gc.drawLine(r.x, r.y + r.height / 2, r.x + r.width, r.y + r.height / 2);
    gc.setForeground(theme.dimText());
    gc.setFont(theme.small());
    gc.drawText("waveform", r.x + 4, r.y + 2, true);
    if (frames < SCOPE_FRAMES * 2) {
      return;
    }
    // Trigger: the first rising zero crossing in the older half keeps a steady tone still.
    int start = frames - SCOPE_FRAMES * 2;
    int trigger = start;
    for (int i = start + 1; i < frames - SCOPE_FRAMES; i++) {
      if (left[i - 1] < 0 && left[i] >= 0) {
        trigger = i;
        break;
      }
    }
    int[] points = new int[Math.max(2, r.width) * 2];
    for (int x = 0; x < points.length / 2; x++) {
      float v = left[trigger + (int) ((long) x * SCOPE_FRAMES / Math.max(1, r.width))];
      points[2 * x] = r.x + x;
      points[2 * x + 1] = r.y + (int) Math.round((0.5 - 0.45 * Math.max(-1, Math.min(1, v))) * r.height);
    }
    gc.setAntialias(SWT.ON);
    gc.setForeground(theme.accent());
    gc.drawPolyline(points);
  }

  private void paintSpectrum(GC gc) {
    Rectangle r = spectrumCanvas.getClientArea();
    gc.setBackground(theme.background());
    gc.fillRectangle(r);
    gc.setFont(theme.small());
    double nyquist = sampleRate / 2;
    gc.setForeground(theme.border());
    for (double f : new double[] {100, 1000, 10_000}) {
      int x = x(r, f, nyquist);
      gc.drawLine(x, r.y, x, r.y + r.height);
      gc.setForeground(theme.dimText());
      gc.drawText(f >= 1000 ? (int) (f / 1000) + "k" : String.valueOf((int) f), x + 2, r.y + r.height - gc.getFontMetrics().getHeight(), true);
      gc.setForeground(theme.border());
    }
    for (double db = -24; db > FLOOR_DB; db -= 24) {
      int y = y(r, db);
      gc.drawLine(r.x, y, r.x + r.width, y);
      gc.setForeground(theme.dimText());
      gc.drawText((int) db + " dB", r.x + 2, y, true);
      gc.setForeground(theme.border());
    }
    gc.setForeground(theme.dimText());
    gc.drawText("spectrum", r.x + 4, r.y + 2, true);
    if (frames < FFT) {
      return;
    }
    int[] points = new int[Math.max(2, r.width) * 2];
    for (int x = 0; x < points.length / 2; x++) {
      double f0 = frequency(r, x, nyquist);
      double f1 = frequency(r, x + 1, nyquist);
      int k0 = Math.max(1, (int) Math.floor(f0 / nyquist * (FFT / 2)));
      int k1 = Math.min(FFT / 2, Math.max(k0, (int) Math.floor(f1 / nyquist * (FFT / 2))));
      double peak = FLOOR_DB;
      for (int k = k0; k <= k1; k++) {
        peak = Math.max(peak, shown[k]);
      }
      points[2 * x] = r.x + x;
      points[2 * x + 1] = y(r, peak);
    }
    gc.setAntialias(SWT.ON);
    gc.setForeground(theme.good());
    gc.drawPolyline(points);
  }

  private static int x(Rectangle r, double f, double nyquist) {
    return r.x + (int) Math.round(Math.log(f / 20) / Math.log(nyquist / 20) * r.width);
  }

  private static double frequency(Rectangle r, int x, double nyquist) {
    return 20 * Math.pow(nyquist / 20, (double) x / Math.max(1, r.width));
  }

  private static int y(Rectangle r, double db) {
    return r.y + (int) Math.round((0 - Math.max(FLOOR_DB, Math.min(0, db))) / -FLOOR_DB * r.height);
  }
}
