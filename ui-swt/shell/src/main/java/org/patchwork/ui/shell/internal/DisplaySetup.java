package org.patchwork.ui.shell.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.widgets.Display;
import org.patchwork.sdk.cli.UsageException;

/**
 * Opens the SWT display the way Patchwork wants it: dark GTK theme unless the user chose one
 * ({@code GTK_THEME} set, or {@code patchwork.ui.theme=system}), SWT's native libraries unpacked
 * under {@code $PATCHWORK_HOME/cache/swt} rather than {@code ~/.swt}, and a plain message when
 * there is no display to open.
 */
final class DisplaySetup {

  private DisplaySetup() {
  }

  /**
   * Makes the display on the calling thread, which becomes the UI thread.
   *
   * @param home {@code $PATCHWORK_HOME}, or null to leave SWT's library folder alone
   * @param theme "dark" (default) or "system"
   * @throws UsageException when no display can be opened
   */
  static Display open(Path home, String theme) {
    if (System.getProperty("swt.library.path") == null && home != null) {
      System.setProperty("swt.library.path", home.resolve("cache/swt").toString());
    }
    String libraries = System.getProperty("swt.library.path");
    if (libraries != null) {
      // SWT unpacks its JNI libraries into this folder but does not create it.
      try {
        java.nio.file.Files.createDirectories(Path.of(libraries));
      } catch (java.io.IOException | RuntimeException e) {
        System.clearProperty("swt.library.path");
      }
    }
    if (!"system".equals(theme) && System.getenv("GTK_THEME") == null) {
      // GTK reads the variable when SWT initialises it, so it must be set in the C environment
      // before the first Display; System.getenv cannot be changed, setenv can.
      setenv("GTK_THEME", "Adwaita:dark");
    }
    if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null && !hasDisplayInC()) {
      throw new UsageException("gui: no display (DISPLAY is not set); run 'patchwork headless' for the host without a window");
    }
    if (System.getenv("DBUS_SESSION_BUS_ADDRESS") == null) {
      // No session bus to log out through: SWT would only print two failed connection attempts.
      System.setProperty("org.eclipse.swt.internal.SessionManagerDBus.disable", "true");
    }
    Display.setAppName("Patchwork");
    try {
      return new Display();
    } catch (SWTError e) {
      throw new UsageException("gui: cannot open the display " + System.getenv("DISPLAY") + ": " + e.getMessage()
          + "; run 'patchwork headless' for the host without a window");
    }
  }

  /** The C environment may have DISPLAY even when the JVM's copy does not (tests set it). */
  private static boolean hasDisplayInC() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment value = (MemorySegment) GETENV.invokeExact(arena.allocateFrom("DISPLAY"));
      return !value.equals(MemorySegment.NULL);
    } catch (Throwable t) {
      return false;
    }
  }

  private static void setenv(String name, String value) {
    try (Arena arena = Arena.ofConfined()) {
      int ignored = (int) SETENV.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 0);
    } catch (Throwable t) {
      // The theme is a preference: without it the window is light, nothing else changes.
    }
  }

  private static final MethodHandle SETENV;
  private static final MethodHandle GETENV;

  static {
    Linker linker = Linker.nativeLinker();
    SETENV = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    GETENV = linker.downcallHandle(linker.defaultLookup().find("getenv").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
  }
}
