package org.patchwork.ui.tracker.internal;

import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.Pattern;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongTrack;
import org.patchwork.ui.shell.Theme;

/**
 * The pattern grid, painted: track headers, line numbers, beat shading, cells in the theme's
 * monospace font, the selection, the cursor and the line playing. It scrolls to keep the cursor
 * in view and hands keys and clicks to the {@link PatternEditor}; what they do goes to
 * {@code outcomes}.
 */
final class PatternCanvas {

  /** Lines kept visible above and below the cursor when scrolling. */
  private static final int MARGIN = 4;
  private static final int GUTTER = 4;

  private final Canvas canvas;
  private final PatternEditor editor;
  private final Theme theme;
  private final Consumer<PatternEditor.Outcome> outcomes;
  private int topLine;
  private int leftChar;
  private int charWidth = 8;
  private int lineHeight = 16;
  private int playLine = -1;
  private int playPattern = -1;
  private boolean dragging;

  PatternCanvas(Composite parent, PatternEditor editor, Theme theme, Consumer<PatternEditor.Outcome> outcomes) {
    this.editor = editor;
    this.theme = theme;
    this.outcomes = outcomes;
    canvas = new Canvas(parent, SWT.H_SCROLL | SWT.V_SCROLL | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
    canvas.setData("patchwork.test.id", "tracker.grid");
    canvas.setFont(theme.mono());
    GC gc = new GC(canvas);
    try {
      charWidth = Math.max(1, gc.textExtent("0").x);
      lineHeight = Math.max(1, gc.getFontMetrics().getHeight());
    } finally {
      gc.dispose();
    }
    canvas.addListener(SWT.Paint, e -> paint(e.gc));
    canvas.addListener(SWT.Resize, e -> scrollToCursor());
    canvas.addListener(SWT.KeyDown, this::onKey);
    canvas.addListener(SWT.Traverse, e -> {
      // Tab and the arrows move the cursor here, not the focus.
      switch (e.detail) {
        case SWT.TRAVERSE_TAB_NEXT, SWT.TRAVERSE_TAB_PREVIOUS, SWT.TRAVERSE_ARROW_NEXT,
            SWT.TRAVERSE_ARROW_PREVIOUS -> e.doit = false;
        default -> { }
      }
    });
    canvas.addListener(SWT.MouseDown, this::onMouseDown);
    canvas.addListener(SWT.MouseMove, this::onMouseMove);
    canvas.addListener(SWT.MouseUp, e -> dragging = false);
    canvas.addListener(SWT.MouseVerticalWheel, e -> {
      // Scrolls the view only; the cursor stays where it is.
      ScrollBar bar = canvas.getVerticalBar();
      topLine = Math.clamp(topLine - e.count, 0, Math.max(0, bar.getMaximum() - bar.getThumb()));
      bar.setSelection(topLine);
      e.doit = false;
      canvas.redraw();
    });
    canvas.getVerticalBar().addListener(SWT.Selection, e -> {
      topLine = canvas.getVerticalBar().getSelection();
      canvas.redraw();
    });
    canvas.getHorizontalBar().addListener(SWT.Selection, e -> {
      leftChar = canvas.getHorizontalBar().getSelection();
      canvas.redraw();
    });
  }

  Canvas control() {
    return canvas;
  }

  /** Marks the line the song plays ({@code line} of {@code pattern}; -1 for none). */
  void playing(int pattern, int line) {
    if (pattern != playPattern || line != playLine) {
      playPattern = pattern;
      playLine = line;
      canvas.redraw();
    }
  }

  /** Scrolls so the cursor shows, updates the scroll bars and repaints. */
  void scrollToCursor() {
    Rectangle area = canvas.getClientArea();
    int rows = Math.max(1, (area.height - header()) / lineHeight);
    int cols = Math.max(1, (area.width - GUTTER * charWidth) / charWidth);
    int line = editor.cursor().line();
    int margin = Math.min(MARGIN, (rows - 1) / 2);
    if (line - margin < topLine) {
      topLine = line - margin;
    } else if (line + margin >= topLine + rows) {
      topLine = line + margin - rows + 1;
    }
    topLine = Math.clamp(topLine, 0, Math.max(0, editor.length() - rows));
    Grid grid = editor.grid();
    if (grid.size() > 0) {
      int column = editor.cursor().column();
      int track = grid.column(column).track();
      int from = grid.columnX(column);
      int to = from + grid.column(column).width();
      if (grid.trackX(track + 1) - grid.trackX(track) <= cols) {
        // The cursor's whole track in view, and as many whole tracks left of it as fit.
        if (grid.trackX(track) < leftChar || grid.trackX(track + 1) > leftChar + cols) {
          int first = track;
          while (first > 0 && grid.trackX(track + 1) - grid.trackX(first - 1) <= cols) {
            first--;
          }
          leftChar = grid.trackX(track) < leftChar ? grid.trackX(track) : grid.trackX(first);
        }
      } else if (from < leftChar) {
        leftChar = from;
      } else if (to > leftChar + cols) {
        leftChar = to - cols;
      }
    }
    // A track start may scroll past the end, so no track shows cut on the left.
    leftChar = Math.clamp(leftChar, 0, Math.max(0, trackStart(grid, leftChar) ? leftChar : grid.width() - cols));
    bar(canvas.getVerticalBar(), editor.length(), rows, topLine);
    bar(canvas.getHorizontalBar(), Math.max(grid.width(), leftChar + cols), cols, leftChar);
    canvas.redraw();
  }

  private static boolean trackStart(Grid grid, int x) {
    for (int t = 0; t < grid.tracks(); t++) {
      if (grid.trackX(t) == x) {
        return true;
      }
    }
    return false;
  }

  private static void bar(ScrollBar bar, int total, int visible, int at) {
    bar.setValues(at, 0, Math.max(total, 1), Math.clamp(visible, 1, Math.max(total, 1)), 1, Math.max(1, visible - 1));
    bar.setVisible(total > visible);
  }

  // ---- input ----

  private void onKey(Event e) {
    Key key = translate(e);
    if (key == null) {
      return;
    }
    PatternEditor.Outcome out = editor.key(key);
    if (out.handled()) {
      e.doit = false;
      outcomes.accept(out);
      scrollToCursor();
    }
  }

  /** The editor's key for an SWT key event, or null for keys it does not read. */
  static Key translate(Event e) {
    boolean shift = (e.stateMask & SWT.SHIFT) != 0;
    boolean ctrl = (e.stateMask & SWT.MOD1) != 0;
    boolean alt = (e.stateMask & SWT.ALT) != 0;
    Key.Code code = switch (e.keyCode) {
      case SWT.ARROW_UP -> Key.Code.UP;
      case SWT.ARROW_DOWN -> Key.Code.DOWN;
      case SWT.ARROW_LEFT -> Key.Code.LEFT;
      case SWT.ARROW_RIGHT -> Key.Code.RIGHT;
      case SWT.PAGE_UP -> Key.Code.PAGE_UP;
      case SWT.PAGE_DOWN -> Key.Code.PAGE_DOWN;
      case SWT.HOME -> Key.Code.HOME;
      case SWT.END -> Key.Code.END;
      case SWT.TAB -> Key.Code.TAB;
      case SWT.DEL -> Key.Code.DELETE;
      case SWT.INSERT -> Key.Code.INSERT;
      case SWT.BS -> Key.Code.BACKSPACE;
      case SWT.KEYPAD_MULTIPLY -> Key.Code.OCTAVE_UP;
      case SWT.KEYPAD_DIVIDE -> Key.Code.OCTAVE_DOWN;
      case SWT.KEYPAD_ADD -> Key.Code.STEP_UP;
      case SWT.KEYPAD_SUBTRACT -> Key.Code.STEP_DOWN;
      case SWT.SCROLL_LOCK -> Key.Code.SCROLL_LOCK;
      default -> null;
    };
    if (code != null) {
      return new Key(code, (char) 0, shift, ctrl, alt);
    }
    // With Ctrl the character is a control code; the key code names the letter.
    char c = ctrl ? (char) e.keyCode : e.character;
    if (c < ' ' || c > '~') {
      return null;
    }
    return new Key(Key.Code.CHAR, c, shift, ctrl, alt);
  }

  private void onMouseDown(Event e) {
    canvas.setFocus();
    if (e.button != 1) {
      return;
    }
    int[] hit = hit(e.x, e.y);
    if (hit != null) {
      editor.click(hit[0], hit[1], hit[2], (e.stateMask & SWT.SHIFT) != 0);
      dragging = true;
      outcomes.accept(PatternEditor.Outcome.MOVED);
      scrollToCursor();
    }
  }

  private void onMouseMove(Event e) {
    if (dragging && (e.stateMask & SWT.BUTTON1) != 0) {
      int[] hit = hit(e.x, e.y);
      if (hit != null && (hit[0] != editor.cursor().line() || hit[1] != editor.cursor().column())) {
        editor.click(hit[0], hit[1], hit[2], true);
        outcomes.accept(PatternEditor.Outcome.MOVED);
        scrollToCursor();
      }
    }
  }

  /** {@code {line, column, stop}} under a point, or null; the header picks a track's first column. */
  private int[] hit(int x, int y) {
    Grid grid = editor.grid();
    if (grid.size() == 0 || editor.length() == 0) {
      return null;
    }
    int charX = Math.max(0, (x - GUTTER * charWidth) / charWidth + leftChar);
    int line = y < header() ? editor.cursor().line() : Math.clamp((y - header()) / lineHeight + topLine, 0,
        editor.length() - 1);
    int[] at = x < GUTTER * charWidth ? new int[] {editor.cursor().column(), editor.cursor().stop()} : grid.at(charX);
    if (at == null) {
      at = new int[] {0, 0};
    }
    if (y < header()) {
      at = new int[] {grid.firstColumn(grid.column(at[0]).track()), 0};
    }
    return new int[] {line, at[0], at[1]};
  }

  // ---- painting ----

  private int header() {
    return lineHeight + lineHeight / 2;
  }

  private void paint(GC gc) {
    Rectangle area = canvas.getClientArea();
    gc.setFont(theme.mono());
    gc.setBackground(theme.background());
    gc.fillRectangle(area);
    Song song = editor.song();
    int pattern = editor.pattern();
    Grid grid = editor.grid();
    if (pattern < 0 || grid.size() == 0) {
      gc.setForeground(theme.dimText());
      gc.drawString(grid.size() == 0 ? "The song has no tracks." : "The song has no patterns.", charWidth, lineHeight,
          true);
      return;
    }
    Pattern p = song.patterns().get(pattern);
    int gutter = GUTTER * charWidth;
    int lpb = song.settings().linesPerBeat();
    int last = Math.min(p.length(), topLine + (area.height - header()) / lineHeight + 2);
    Selection selection = editor.selection();
    for (int line = topLine; line < last; line++) {
      int y = header() + (line - topLine) * lineHeight;
      Color shade = line == editor.cursor().line() ? theme.raised()
          : line % (lpb * 4) == 0 ? theme.border() : line % lpb == 0 ? theme.surface() : null;
      if (shade != null) {
        gc.setBackground(shade);
        gc.setAlpha(line == editor.cursor().line() || line % (lpb * 4) != 0 ? 255 : 110);
        gc.fillRectangle(0, y, area.width, lineHeight);
        gc.setAlpha(255);
      }
      if (pattern == playPattern && line == playLine) {
        gc.setBackground(theme.accent());
        gc.setAlpha(70);
        gc.fillRectangle(0, y, area.width, lineHeight);
        gc.setAlpha(255);
      }
      gc.setClipping(gutter, header(), area.width - gutter, area.height - header());
      for (int c = 0; c < grid.size(); c++) {
        int x = gutter + (grid.columnX(c) - leftChar) * charWidth;
        if (x > area.width || x + grid.column(c).width() * charWidth < gutter) {
          continue;
        }
        if (selection != null && selection.contains(line, c)) {
          gc.setBackground(theme.selection());
          gc.setAlpha(80);
          gc.fillRectangle(x - charWidth / 2, y, (grid.column(c).width() + 1) * charWidth, lineHeight);
          gc.setAlpha(255);
        }
        cell(gc, grid.column(c), p.line(grid.column(c).track(), line), x, y);
      }
      gc.setClipping((Rectangle) null);
      gc.setForeground(line == editor.cursor().line() ? theme.accent()
          : line % lpb == 0 ? theme.text() : theme.dimText());
      gc.drawString(editor.lineText(line), charWidth / 2, y, true);
    }
    cursor(gc, p, gutter);
    separators(gc, grid, gutter, area);
    headers(gc, song, grid, gutter, area);
  }

  private void cell(GC gc, Column c, org.patchwork.sequencer.Line line, int x, int y) {
    if (c.effect()) {
      EffectCell e = line.effect(c.index());
      gc.setForeground(e.isEmpty() ? theme.border() : theme.events());
      gc.drawString(CellText.effect(e), x, y, true);
      return;
    }
    NoteCell n = line.note(c.index());
    String text = CellText.note(n);
    Color[] colours = {n.key() == NoteCell.NONE ? theme.border() : theme.text(), theme.accent(), theme.good(),
        theme.cv(), theme.events()};
    int[] at = {0, 4, 7, 10, 13};
    int[] width = {3, 2, 2, 2, 2};
    for (int i = 0; i < at.length; i++) {
      String part = text.substring(at[i], at[i] + width[i]);
      gc.setForeground(part.startsWith(".") ? theme.border() : colours[i]);
      gc.drawString(part, x + at[i] * charWidth, y, true);
    }
  }

  private void cursor(GC gc, Pattern p, int gutter) {
    Grid grid = editor.grid();
    Cursor c = editor.cursor();
    int stop = editor.stop();
    int line = c.line();
    if (line < topLine) {
      return;
    }
    Column col = grid.column(c.column());
    int x = gutter + (grid.columnX(c.column()) + grid.stopX(c.column(), stop) - leftChar) * charWidth;
    int y = header() + (line - topLine) * lineHeight;
    int w = grid.stopWidth(c.column(), stop) * charWidth;
    if (x < gutter) {
      return;
    }
    org.patchwork.sequencer.Line l = p.line(col.track(), line);
    String text = col.effect() ? CellText.effect(l.effect(col.index())) : CellText.note(l.note(col.index()));
    int from = grid.stopX(c.column(), stop);
    gc.setBackground(canvas.isFocusControl() ? theme.selection() : theme.dimText());
    gc.fillRectangle(x, y, w, lineHeight);
    gc.setForeground(theme.background());
    gc.drawString(text.substring(from, from + grid.stopWidth(c.column(), stop)), x, y, true);
  }

  private void separators(GC gc, Grid grid, int gutter, Rectangle area) {
    gc.setForeground(theme.border());
    gc.drawLine(gutter - 1, 0, gutter - 1, area.height);
    for (int t = 0; t <= grid.tracks(); t++) {
      int x = gutter + (grid.trackX(t) - leftChar) * charWidth - 1;
      if (x >= gutter) {
        gc.drawLine(x, 0, x, area.height);
      }
    }
  }

  private void headers(GC gc, Song song, Grid grid, int gutter, Rectangle area) {
    gc.setBackground(theme.surface());
    gc.fillRectangle(0, 0, area.width, header());
    gc.setForeground(theme.border());
    gc.drawLine(0, header() - 1, area.width, header() - 1);
    int current = grid.column(editor.cursor().column()).track();
    for (int t = 0; t < grid.tracks(); t++) {
      int x = gutter + (grid.trackX(t) - leftChar) * charWidth;
      int w = (grid.trackX(t + 1) - grid.trackX(t)) * charWidth;
      if (x + w < gutter || x > area.width) {
        continue;
      }
      SongTrack track = song.tracks().get(t);
      gc.setClipping(Math.max(gutter, x), 0, w - Math.max(0, gutter - x), header());
      int rgb = track.colour();
      // A colour without a device holds no system resource: nothing to dispose.
      gc.setBackground(new Color(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF));
      gc.fillRectangle(x, header() - lineHeight / 4 - 1, w, lineHeight / 4);
      gc.setForeground(t == current ? theme.text() : track.mute() ? theme.border() : theme.dimText());
      String name = (track.mute() ? "(M) " : track.solo() ? "(S) " : "") + track.name();
      gc.drawString(name, x + charWidth, lineHeight / 8, true);
      gc.setClipping((Rectangle) null);
    }
  }
}
