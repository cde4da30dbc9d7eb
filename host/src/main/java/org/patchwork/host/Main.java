package org.patchwork.host;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * {@code bin/patchwork}: boots the host and runs one command. {@code gui} and {@code headless}
 * keep running; every other command is a {@code pw:*} shell command contributed by a bundle,
 * run once with the arguments given. Exit status: 0 success, 2 bad input or usage (one line on
 * standard error), 1 internal error.
 */
public final class Main {

  static final int OK = 0;
  static final int INTERNAL = 1;
  static final int USAGE = 2;

  /**
   * One-shot commands that start the interactive bundles too (see {@link Host}): a listing of
   * every bundle's state must show them running. Other one-shot commands start them only when
   * the command is theirs.
   */
  private static final Set<String> INTERACTIVE_COMMANDS = Set.of("bundles");

  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;
  private final Path distribution;
  private final Home home;
  private final Reporter reporter;
  private volatile boolean terminating;

  Main(PrintStream out, PrintStream err, InputStream in, Path distribution, Home home) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.distribution = distribution;
    this.home = home;
    this.reporter = new Reporter(err, home.logFile());
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Main main = new Main(out, err, System.in, distributionFolder(), Home.fromEnvironment());
    int status = main.run(args);
    if (main.terminating) {
      // A signal is shutting the JVM down; let the shutdown hook finish and the JVM exit.
      try {
        Thread.currentThread().join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    out.flush();
    err.flush();
    // Bundles may leave non-daemon threads behind; the command is over either way.
    Runtime.getRuntime().halt(status);
  }

  int run(String[] args) {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    String command = rest.isEmpty() ? "gui" : rest.remove(0);
    try {
      switch (command) {
        case "-V", "--version" -> {
          out.println("patchwork " + version());
          return OK;
        }
        case "-h", "--help", "help" -> {
          return withHost(Map.of(), true, host -> help(host));
        }
        case "gui" -> {
          return gui(rest);
        }
        case "headless" -> {
          return headless(rest);
        }
        default -> {
          if (command.startsWith("-")) {
            throw new UsageError("unknown option " + command + " (see 'patchwork --help')");
          }
          return withHost(Map.of(), INTERACTIVE_COMMANDS.contains(command), host -> {
            try (GogoShell shell = GogoShell.open(host.context(), InputStream.nullInputStream(), out, err)) {
              if (!shell.patchworkCommands().containsKey(command)) {
                host.startInteractive(); // the command may be an interactive bundle's
              }
              if (!shell.patchworkCommands().containsKey(command)) {
                throw new UsageError("unknown command '" + command + "' (see 'patchwork --help')");
              }
              print(shell, shell.call(command, rest));
              return OK;
            }
          });
        }
      }
    } catch (Exception e) {
      return failure(e);
    }
  }

  private int gui(List<String> args) throws Exception {
    if (args.contains("--help") || args.contains("-h")) {
      out.println("Usage: patchwork gui [PROJECT] [--deploy DIR]");
      out.println("Opens the workstation window, with PROJECT if given. Bundles copied into the hot-deploy");
      out.println("folder while the window is open are installed, updated or removed live.");
      out.println("  PROJECT       a project folder or its project.json; 'demo' is the bundled demo song");
      out.println("  --deploy DIR  the hot-deploy folder to watch (default: $PATCHWORK_HOME/deploy");
      out.println("                and the distribution's deploy/)");
      return OK;
    }
    List<String> positional = new ArrayList<>();
    List<Path> folders = deployFolders(args, positional, "gui");
    String project = projectArgument(demoSong(positional), "gui");
    Map<String, String> props = project == null ? Map.of() : Map.of("patchwork.project", project);
    return withHost(props, true, host -> {
      DeployWatcher watcher = new DeployWatcher(host.context(), folders, reporter);
      watcher.start();
      try (GogoShell shell = GogoShell.open(host.context(), InputStream.nullInputStream(), out, err)) {
        if (!shell.patchworkCommands().containsKey("gui")) {
          err.println("patchwork: no UI bundle is installed, so there is no window to open;"
              + " run 'patchwork headless' for the host without UI");
          return INTERNAL;
        }
        // Gogo would run the command on a pipe thread of its own; the window's event loop belongs
        // on the JVM's main thread (SWT's rule on macOS, and one fixed UI thread on GTK).
        print(shell, shell.callOnThisThread("gui", project == null ? List.of() : List.of(project)));
        return OK;
      } finally {
        watcher.stop();
      }
    });
  }

  /**
   * {@code demo} is the distribution's demo song, unless {@code demo} here is a project itself
   * (the distribution's own {@code demo/} folder, when run from there, is not).
   */
  private List<String> demoSong(List<String> args) {
    Path demo = distribution.resolve("demo/demo-song");
    Path local = Path.of("demo");
    boolean localProject = Files.isRegularFile(local.resolve("project.json")) || Files.isRegularFile(local);
    if (args.size() == 1 && args.get(0).equals("demo") && !localProject && Files.isDirectory(demo)) {
      return List.of(demo.toString());
    }
    return args;
  }

  /** Takes {@code --deploy DIR} out of {@code args} (the rest go to {@code positional}). */
  private List<Path> deployFolders(List<String> args, List<String> positional, String command) {
    List<Path> deploy = new ArrayList<>(List.of(home.deploy(), distribution.resolve("deploy")));
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--deploy")) {
        if (i + 1 >= args.size()) {
          throw new UsageError(command + ": --deploy needs a folder");
        }
        Path dir = Path.of(args.get(++i)).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
          throw new UsageError(command + ": deploy folder does not exist: " + dir);
        }
        deploy = List.of(dir);
      } else {
        positional.add(a);
      }
    }
    return deploy;
  }

  private int headless(List<String> args) throws Exception {
    if (args.contains("--help") || args.contains("-h")) {
      out.println("Usage: patchwork headless [PROJECT] [--deploy DIR]");
      out.println("Runs the host without UI and reads shell commands (pw:modules, lb, ...) from");
      out.println("standard input, one per line; 'exit' or the end of input shuts it down.");
      out.println("  PROJECT       a project folder or its project.json");
      out.println("  --deploy DIR  the hot-deploy folder to watch (default: $PATCHWORK_HOME/deploy");
      out.println("                and the distribution's deploy/)");
      return OK;
    }
    List<String> positional = new ArrayList<>();
    List<Path> deploy = deployFolders(args, positional, "headless");
    String project = projectArgument(demoSong(positional), "headless");
    Map<String, String> props = project == null ? Map.of() : Map.of("patchwork.project", project);
    List<Path> folders = deploy;
    return withHost(props, true, host -> {
      DeployWatcher watcher = new DeployWatcher(host.context(), folders, reporter);
      watcher.start();
      try (GogoShell shell = GogoShell.open(host.context(), InputStream.nullInputStream(), out, err)) {
        readCommands(shell);
      } finally {
        watcher.stop();
      }
      return OK;
    });
  }

  /** The shell loop: one command per line until {@code exit} or the end of input. */
  private void readCommands(GogoShell shell) throws IOException {
    boolean terminal = System.console() != null && System.console().isTerminal();
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    while (true) {
      if (terminal) {
        out.print("pw> ");
        out.flush();
      }
      String line = lines.readLine();
      if (line == null || line.strip().equals("exit") || line.strip().equals("quit")) {
        return;
      }
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      try {
        print(shell, shell.execute(line));
      } catch (Exception e) {
        String usage = usageMessage(e);
        if (usage != null) {
          err.println("error: " + usage);
        } else {
          err.println("error: " + Reporter.reason(e));
          reporter.append("ERROR", "command '" + line + "' failed: " + trace(e));
        }
      }
      out.flush();
      err.flush();
    }
  }

  private int help(Host host) throws Exception {
    out.println("Usage: patchwork [COMMAND] [ARGS...]");
    out.println("Patchwork " + version() + ", a modular music workstation.");
    out.println();
    out.println("Commands:");
    out.printf("  %-12s %s%n", "gui", "Open the workstation window with PROJECT if given ('demo': the demo song; the default command)");
    out.printf("  %-12s %s%n", "headless", "Run without UI, reading shell commands from standard input");
    try (GogoShell shell = GogoShell.open(host.context(), InputStream.nullInputStream(), out, err)) {
      shell.patchworkCommands().forEach((name, summary) -> {
        if (!name.equals("gui") && !name.equals("headless")) { // listed above, with the host's options
          out.printf("  %-12s %s%n", name, summary);
        }
      });
    }
    out.println();
    out.println("Options:");
    out.println("  -h, --help     Show this help; 'patchwork COMMAND --help' shows a command's options");
    out.println("  -V, --version  Show the version");
    out.println();
    out.println("Every command is also the shell command pw:COMMAND inside 'patchwork headless'.");
    out.println("PROJECT is a project folder or the path of its project.json.");
    out.println("User state lives in $PATCHWORK_HOME (now " + home.root() + ").");
    out.println("Exit status: 0 success, 2 bad input or usage, 1 internal error.");
    return OK;
  }

  private interface HostJob {
    int run(Host host) throws Exception;
  }

  /**
   * Boots the host (its interactive bundles too if {@code interactive}), runs {@code job}, and
   * shuts down cleanly, also on SIGINT/SIGTERM.
   */
  private int withHost(Map<String, String> properties, boolean interactive, HostJob job) throws Exception {
    Map<String, String> props = new HashMap<>(properties);
    Host host = new Host(distribution, home, reporter, props);
    Thread hook = new Thread(() -> {
      terminating = true;
      host.stop();
    }, "patchwork-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      host.start(interactive);
      return job.run(host);
    } finally {
      host.stop();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // The hook is running or has run; the host is stopped either way.
      }
    }
  }

  private static String projectArgument(List<String> args, String command) {
    for (String a : args) {
      if (a.startsWith("-")) {
        throw new UsageError(command + ": unknown option " + a + " (see 'patchwork " + command + " --help')");
      }
    }
    if (args.size() > 1) {
      throw new UsageError(command + ": takes one PROJECT, got " + args.size() + ": " + String.join(" ", args));
    }
    if (args.isEmpty()) {
      return null;
    }
    Path p = Path.of(args.get(0)).toAbsolutePath().normalize();
    if (!Files.exists(p)) {
      throw new UsageError("no such project: " + args.get(0));
    }
    if (Files.isDirectory(p)) {
      if (!Files.isRegularFile(p.resolve("project.json"))) {
        throw new UsageError("not a project folder (no project.json): " + args.get(0));
      }
    } else if (!p.getFileName().toString().endsWith(".json")) {
      throw new UsageError("not a project: " + args.get(0) + " (give a project folder or its project.json)");
    }
    return p.toString();
  }

  private void print(GogoShell shell, Object result) throws ReflectiveOperationException {
    if (result != null) {
      out.println(shell.format(result));
    }
    out.flush();
  }

  private int failure(Exception e) {
    String usage = usageMessage(e);
    if (usage != null) {
      err.println("patchwork: " + usage);
      return USAGE;
    }
    err.println("patchwork: internal error: " + Reporter.reason(e) + " (details in " + home.logFile() + ")");
    reporter.append("ERROR", trace(e));
    return INTERNAL;
  }

  /**
   * The message of a usage error anywhere in the chain: the host's own, or a bundle's
   * {@code org.patchwork.sdk.cli.UsageException}, known by name because the host does not
   * share the SDK's class loader.
   */
  static String usageMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UsageError || isUsageException(t.getClass())) {
        return t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** The SDK's UsageException or a subclass of it, by name (another class loader's class). */
  private static boolean isUsageException(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals("org.patchwork.sdk.cli.UsageException")) {
        return true;
      }
    }
    return false;
  }

  private static String trace(Throwable e) {
    java.io.StringWriter w = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }

  static String version() {
    Properties p = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  private static Path distributionFolder() {
    String prop = System.getProperty("patchwork.distribution");
    if (prop != null) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    try {
      Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent().getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A usage mistake the host itself detects. */
  static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }
}
