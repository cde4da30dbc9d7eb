package org.patchwork.ui.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private X server for the UI tests: {@code @ExtendWith(Xvfb.class)} starts one {@code Xvfb}
 * per test JVM before the first test class that asks for it and stops it after the last test,
 * so no window ever lands on a developer's desktop and CI needs no display.
 *
 * <p>{@code Xvfb} picks a free display number itself ({@code -displayfd}). The extension then
 * sets {@code DISPLAY} in this process's C environment (through {@code setenv}, which GTK reads
 * when SWT opens the display; {@link System#getenv} cannot be changed) and offers it to child
 * processes through {@link #display()}. When {@code Xvfb} or {@code xdotool} is missing and the
 * tests run as root on Debian/Ubuntu, they are installed with apt, as {@code .ci/lib.sh}'s
 * {@code pw_apt} does; otherwise the test fails naming the packages to install.
 */
public final class Xvfb implements BeforeAllCallback {

  /**
   * Screen size of the virtual display: large enough for the workbench at 100 %; the system
   * property {@code patchwork.xvfb.screen} asks for another (e.g. 3200x2000x24 at 200 %).
   */
  public static final String SCREEN = System.getProperty("patchwork.xvfb.screen", "1600x1000x24");

  private static String display;
  private static Process server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
    // Closed when the root store closes: after the last test of the JVM, not after this class.
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Xvfb.class.getName(), k -> new Stopper());
  }

  /** Stops the server when JUnit closes the root store. */
  private static final class Stopper implements AutoCloseable {
    @Override
    public void close() {
      stop();
    }
  }

  /** The display the server runs, such as {@code :7}. */
  public static synchronized String display() {
    if (display == null) {
      throw new IllegalStateException("Xvfb is not running: annotate the test with @ExtendWith(Xvfb.class)");
    }
    return display;
  }

  /** Starts the server once per JVM and points this process's GTK at it. */
  public static synchronized void start() throws IOException, InterruptedException {
    if (display != null) {
      return;
    }
    ensureInstalled("Xvfb", "xvfb");
    ensureInstalled("xdotool", "xdotool");
    ProcessBuilder pb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", SCREEN,
        "-nolisten", "tcp", "-dpi", "96", "+extension", "XTEST");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    server = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
    String line = out.readLine();
    if (line == null || !line.strip().matches("\\d+")) {
      server.destroyForcibly();
      throw new IllegalStateException("Xvfb did not report a display number (got " + line + ")");
    }
    display = ":" + line.strip();
    setenv("DISPLAY", display);
    // X11 only: a Wayland session of the developer must not capture the tests' windows.
    unsetenv("WAYLAND_DISPLAY");
    setenv("GDK_BACKEND", "x11");
    // No accessibility bus in CI; without this GTK waits for it and prints warnings.
    setenv("NO_AT_BRIDGE", "1");
    Runtime.getRuntime().addShutdownHook(new Thread(Xvfb::stop, "xvfb-stop"));
  }

  /** Stops the server; later tests in this JVM start a new one. */
  public static synchronized void stop() {
    if (server != null) {
      server.destroy();
      try {
        if (!server.waitFor(5, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server = null;
      display = null;
    }
  }

  /** Runs {@code xdotool ARGS} against the test display and returns its standard output. */
  public static String xdotool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("xdotool"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("DISPLAY", display());
    Process p = pb.start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("xdotool " + String.join(" ", args) + " did not finish");
    }
    return text.strip();
  }

  private static void ensureInstalled(String program, String debianPackage) throws IOException, InterruptedException {
    if (onPath(program)) {
      return;
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root && onPath("apt-get")) {
      run("apt-get", "update", "-qq");
      run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "xvfb", "xauth", "xdotool");
    }
    if (!onPath(program)) {
      throw new IllegalStateException("the UI tests need " + program + ": install it with "
          + "'sudo apt-get install " + debianPackage + "' (as root the tests install it themselves)");
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static void run(String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
  }

  private static void setenv(String name, String value) {
    try (Arena arena = Arena.ofConfined()) {
      int rc = (int) SETENV.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 1);
      if (rc != 0) {
        throw new IllegalStateException("setenv(" + name + ") failed");
      }
    } catch (Throwable t) {
      throw new IllegalStateException("cannot set " + name + " for GTK: " + t, t);
    }
  }

  private static void unsetenv(String name) {
    try (Arena arena = Arena.ofConfined()) {
      int rc = (int) UNSETENV.invokeExact(arena.allocateFrom(name));
      if (rc != 0) {
        throw new IllegalStateException("unsetenv(" + name + ") failed");
      }
    } catch (Throwable t) {
      throw new IllegalStateException("cannot unset " + name + ": " + t, t);
    }
  }

  private static final MethodHandle SETENV;
  private static final MethodHandle UNSETENV;

  static {
    Linker linker = Linker.nativeLinker();
    MemorySegment set = linker.defaultLookup().find("setenv").orElseThrow();
    MemorySegment unset = linker.defaultLookup().find("unsetenv").orElseThrow();
    SETENV = linker.downcallHandle(set, FunctionDescriptor.of(ValueLayout.JAVA_INT,
        ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    UNSETENV = linker.downcallHandle(unset, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
  }
}
