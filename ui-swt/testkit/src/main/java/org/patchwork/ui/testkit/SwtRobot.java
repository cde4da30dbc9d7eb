package org.patchwork.ui.testkit;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Drives a real SWT window the way a user does: {@code xdotool} sends pointer and key events
 * through the X server (XTEST), so they reach GTK and the widgets exactly like real input, focus
 * handling and drag thresholds included. After each action the SWT event loop runs until the
 * input has been handled. Thread: the display's.
 *
 * <pre>{@code
 * SwtRobot robot = new SwtRobot(display);
 * robot.activate(shell);
 * robot.drag(fader, from, to);
 * robot.key("ctrl+z");
 * }</pre>
 */
public final class SwtRobot {

  private final Display display;

  public SwtRobot(Display display) {
    this.display = display;
  }

  /**
   * Gives {@code shell} the keyboard: X focus set on its window (there is no window manager
   * under Xvfb to do it) and the pointer moved over it.
   */
  public void activate(Shell shell) {
    settle();
    String ids = xdotool("search", "--onlyvisible", "--pid", String.valueOf(ProcessHandle.current().pid()),
        "--name", "Patchwork");
    for (String id : ids.lines().toList()) {
      if (!id.isBlank()) {
        xdotool("windowfocus", "--sync", id.strip());
      }
    }
    Point centre = shell.toDisplay(shell.getClientArea().width / 2, shell.getClientArea().height / 2);
    xdotool("mousemove", "--sync", String.valueOf(centre.x), String.valueOf(centre.y));
    shell.forceActive();
    settle();
  }

  /** Clicks button 1 at {@code (x, y)} of {@code control}. */
  public void click(Control control, int x, int y) {
    Point p = control.toDisplay(x, y);
    xdotool("mousemove", "--sync", String.valueOf(p.x), String.valueOf(p.y), "click", "1");
    settle();
  }

  /** Clicks twice. */
  public void doubleClick(Control control, int x, int y) {
    Point p = control.toDisplay(x, y);
    xdotool("mousemove", "--sync", String.valueOf(p.x), String.valueOf(p.y), "click", "--repeat", "2", "1");
    settle();
  }

  /**
   * Presses button 1 at {@code from}, moves in steps to {@code to} and releases there. The event
   * loop runs between the steps, as it would while a hand moves the mouse: GTK delivers motion
   * as hints resolved against the pointer's position when handled, so input queued all at once
   * would reach the widget as one jump.
   */
  public void drag(Control control, Point from, Point to) {
    Point a = control.toDisplay(from.x, from.y);
    Point b = control.toDisplay(to.x, to.y);
    xdotool("mousemove", "--sync", String.valueOf(a.x), String.valueOf(a.y));
    run(30);
    xdotool("mousedown", "1");
    run(50);
    int steps = 10;
    for (int i = 1; i <= steps; i++) {
      xdotool("mousemove", "--sync", String.valueOf(a.x + (b.x - a.x) * i / steps),
          String.valueOf(a.y + (b.y - a.y) * i / steps));
      run(25);
    }
    xdotool("mouseup", "1");
    settle();
  }

  /** Types a key or chord in xdotool's names: {@code space}, {@code Return}, {@code ctrl+z}. */
  public void key(String keys) {
    xdotool("key", "--clearmodifiers", keys);
    settle();
  }

  /** Types text. */
  public void type(String text) {
    xdotool("type", "--delay", "20", text);
    settle();
  }

  /** Runs the event loop until {@code condition} holds; fails after {@code timeout}. */
  public void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout + " waiting until " + what);
      }
      if (!display.readAndDispatch()) {
        sleep(5);
      }
    }
  }

  /** Runs the event loop for {@code millis}, e.g. to let timers and meters run. */
  public void run(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < end) {
      if (!display.readAndDispatch()) {
        sleep(5);
      }
    }
  }

  /** Handles everything queued, including what the X server sends back for the input. */
  public void settle() {
    display.update();
    run(100);
  }

  private static String xdotool(String... args) {
    try {
      return Xvfb.xdotool(args);
    } catch (IOException e) {
      throw new IllegalStateException("xdotool failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(Duration.ofMillis(millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
