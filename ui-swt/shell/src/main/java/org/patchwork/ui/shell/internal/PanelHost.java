package org.patchwork.ui.shell.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.Theme;

/**
 * The workbench's panel areas: one tab folder per {@link UiPanel.Placement}, a tab per panel
 * service. A panel is identified by its {@link UiPanel#id()}: when the service of a panel goes
 * away, its tab shows "being updated" for {@link #GRACE_MILLIS}; if a service with the same id
 * comes (its bundle was updated) the panel is rebuilt in the same tab, otherwise the tab goes.
 * A panel whose {@code create} throws shows the error in its tab and disturbs nothing else.
 *
 * <p>Thread: the UI thread, for every method.
 */
final class PanelHost {

  /** How long a tab waits for an updated bundle to bring its panel back. */
  static final int GRACE_MILLIS = 2500;

  /** The key under which the host's top control carries the host. */
  static final String KEY = PanelHost.class.getName();

  /** Where the host reports panels coming, going and failing. */
  interface Log {
    void info(String message);

    void error(String message, Throwable failure);
  }

  private static final class Slot {
    final String id;
    final CTabItem item;
    final Composite frame;
    UiPanel panel;
    int generation;
    boolean leaving;

    Slot(String id, CTabItem item, Composite frame) {
      this.id = id;
      this.item = item;
      this.frame = frame;
    }
  }

  private final SashForm outer;
  private final SashForm inner;
  private final Map<UiPanel.Placement, CTabFolder> folders = new EnumMap<>(UiPanel.Placement.class);
  private final Map<String, Slot> slots = new LinkedHashMap<>();

  /**
   * The order of the built-in panels, in their areas and for Alt+1..9, whatever order their
   * services arrive in; any other panel follows them in the order it arrived.
   */
  static final List<String> ORDER = List.of("org.patchwork.ui.tracker", "org.patchwork.ui.patch",
      "org.patchwork.ui.sampleeditor", "org.patchwork.ui.market", "org.patchwork.ui.mixer", "org.patchwork.ui.scope",
      "org.patchwork.ui.automation", WorkbenchWindow.HELP_ID);
  private final Theme theme;
  private final Log log;
  private final List<Runnable> listeners = new ArrayList<>();

  /** Builds the areas inside {@code parent}: center and side above, bottom below. */
  PanelHost(Composite parent, Theme theme, Log log) {
    this.theme = theme;
    this.log = log;
    outer = new SashForm(parent, SWT.VERTICAL | SWT.SMOOTH);
    inner = new SashForm(outer, SWT.HORIZONTAL | SWT.SMOOTH);
    folders.put(UiPanel.Placement.CENTER, folder(inner));
    folders.put(UiPanel.Placement.SIDE, folder(inner));
    folders.put(UiPanel.Placement.BOTTOM, folder(outer));
    inner.setWeights(3, 1);
    outer.setWeights(3, 2);
    theme.apply(outer);
    // A panel built inside the host can find it from its parent (the help panel lists the others).
    outer.setData(KEY, this);
    updateVisibility();
  }

  /** The host a control lives in, or null when it is not inside one. */
  static PanelHost of(Control control) {
    for (Control c = control; c != null; c = c.getParent()) {
      if (c.getData(KEY) instanceof PanelHost host) {
        return host;
      }
    }
    return null;
  }

  /**
   * Runs {@code listener} after panels came, were rebuilt or went, until {@code owner} is
   * disposed.
   */
  void onChange(Control owner, Runnable listener) {
    listeners.add(listener);
    owner.addListener(SWT.Dispose, e -> listeners.remove(listener));
  }

  /** The panels shown, in the order they came, without those waiting for an update. */
  List<UiPanel> present() {
    List<UiPanel> out = new ArrayList<>();
    for (Slot s : slots.values()) {
      if (!s.leaving && s.panel != null) {
        out.add(s.panel);
      }
    }
    return out;
  }

  private void changed() {
    for (Runnable r : List.copyOf(listeners)) {
      try {
        r.run();
      } catch (RuntimeException | LinkageError e) {
        log.error("a panel failed to follow the panels coming and going", e);
      }
    }
  }

  private CTabFolder folder(Composite parent) {
    CTabFolder f = new CTabFolder(parent, SWT.BORDER | SWT.FLAT);
    f.setSimple(false);
    f.setTabHeight(0);
    return f;
  }

  /** The top control of the areas, for the window's layout. */
  Control control() {
    return outer;
  }

  /** Shows a panel service: a new tab, or a rebuilt one if a panel with its id is there. */
  void add(UiPanel panel) {
    String id;
    try {
      id = panel.id();
    } catch (RuntimeException | LinkageError e) {
      log.error("a panel service failed to say its id", e);
      return;
    }
    Slot slot = slots.get(id);
    if (slot != null && slot.panel == panel && !slot.leaving) {
      return;
    }
    if (slot == null) {
      CTabFolder folder = folders.get(placement(panel));
      int index = 0;
      for (Slot other : slots.values()) {
        if (other.item.getParent() == folder && !other.item.isDisposed() && rank(other.id) <= rank(id)) {
          index++;
        }
      }
      CTabItem item = new CTabItem(folder, SWT.NONE, index);
      Composite frame = new Composite(folder, SWT.NONE);
      frame.setLayout(new FillLayout());
      frame.setBackground(theme.background());
      item.setControl(frame);
      slot = new Slot(id, item, frame);
      slots.put(id, slot);
      if (folder.getSelection() == null || (index == 0 && rank(id) < ORDER.size())) {
        folder.setSelection(item); // the area shows its first built-in panel once it is there
      }
      build(slot, panel);
      log.info("panel " + id + " added");
    } else {
      build(slot, panel);
      log.info("panel " + id + " rebuilt (generation " + slot.generation + ")");
    }
    updateVisibility();
    changed();
  }

  /** The panel service went away: wait for an update, then remove the tab. */
  void remove(UiPanel panel) {
    Slot slot = null;
    for (Slot s : slots.values()) {
      if (s.panel == panel) {
        slot = s;
      }
    }
    if (slot == null || slot.item.isDisposed()) {
      return;
    }
    Slot leaving = slot;
    leaving.leaving = true;
    clear(leaving.frame);
    Label waiting = new Label(leaving.frame, SWT.CENTER | SWT.WRAP);
    waiting.setText(leaving.item.getText() + " is being updated...");
    theme.apply(waiting);
    leaving.frame.layout(true, true);
    log.info("panel " + leaving.id + " went away; waiting " + GRACE_MILLIS + " ms for an update");
    changed();
    leaving.frame.getDisplay().timerExec(GRACE_MILLIS, () -> {
      if (leaving.leaving && leaving.panel == panel && !leaving.item.isDisposed()) {
        slots.remove(leaving.id);
        leaving.frame.dispose();
        leaving.item.dispose();
        log.info("panel " + leaving.id + " removed");
        updateVisibility();
        changed();
      }
    });
  }

  private void build(Slot slot, UiPanel panel) {
    slot.panel = panel;
    slot.leaving = false;
    slot.generation++;
    clear(slot.frame);
    try {
      slot.item.setText(panel.title());
      Control c = panel.create(slot.frame);
      if (c == null || c.isDisposed() || c.getParent() != slot.frame) {
        throw new IllegalStateException("create() must return a control made inside the given parent");
      }
    } catch (RuntimeException | LinkageError e) {
      clear(slot.frame);
      Label failed = new Label(slot.frame, SWT.WRAP);
      failed.setText("This panel failed to open: " + e);
      theme.apply(failed);
      failed.setForeground(theme.bad());
      log.error("panel " + slot.id + " failed to open", e);
    }
    slot.frame.layout(true, true);
  }

  private static void clear(Composite frame) {
    for (Control c : frame.getChildren()) {
      c.dispose();
    }
  }

  private static UiPanel.Placement placement(UiPanel panel) {
    try {
      UiPanel.Placement p = panel.placement();
      return p == null ? UiPanel.Placement.CENTER : p;
    } catch (RuntimeException e) {
      return UiPanel.Placement.CENTER;
    }
  }

  private void updateVisibility() {
    for (CTabFolder f : folders.values()) {
      f.setVisible(f.getItemCount() > 0);
      f.setTabHeight(-1);
    }
    inner.setVisible(folders.get(UiPanel.Placement.CENTER).getVisible() || folders.get(UiPanel.Placement.SIDE).getVisible());
    inner.layout(true);
    outer.layout(true);
  }

  /** The ids of the panels shown, in the order they came. */
  List<String> ids() {
    List<String> ids = new ArrayList<>(slots.keySet());
    ids.sort(java.util.Comparator.comparingInt(PanelHost::rank)); // stable: others keep their arrival order
    return ids;
  }

  private static int rank(String id) {
    int i = ORDER.indexOf(id);
    return i < 0 ? ORDER.size() : i;
  }

  /** How many times the panel was built (1 at first, one more per update); 0 if absent. */
  int generation(String id) {
    Slot s = slots.get(id);
    return s == null ? 0 : s.generation;
  }

  /** The composite a panel lives in, or null. */
  Composite frame(String id) {
    Slot s = slots.get(id);
    return s == null ? null : s.frame;
  }

  /** Brings a panel's tab to the front. */
  boolean show(String id) {
    Slot s = slots.get(id);
    if (s == null || s.item.isDisposed()) {
      return false;
    }
    s.item.getParent().setSelection(s.item);
    s.frame.setFocus();
    return true;
  }

  /** Brings the {@code index}-th panel (0-based, in the order they came) to the front. */
  boolean show(int index) {
    List<String> ids = ids();
    return index >= 0 && index < ids.size() && show(ids.get(index));
  }

  /** Selects the next (+1) or previous (-1) tab of the area that has the focus. */
  void cycle(Control focus, int direction) {
    for (CTabFolder f : folders.values()) {
      if (f.getItemCount() > 0 && isInside(focus, f)) {
        int i = Math.floorMod(f.getSelectionIndex() + direction, f.getItemCount());
        f.setSelection(i);
        return;
      }
    }
    CTabFolder center = folders.get(UiPanel.Placement.CENTER);
    if (center.getItemCount() > 0) {
      center.setSelection(Math.floorMod(center.getSelectionIndex() + direction, center.getItemCount()));
    }
  }

  private static boolean isInside(Control c, Composite parent) {
    for (Control x = c; x != null; x = x.getParent()) {
      if (x == parent) {
        return true;
      }
    }
    return false;
  }
}
