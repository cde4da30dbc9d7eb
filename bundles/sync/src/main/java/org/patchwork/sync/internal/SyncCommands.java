package org.patchwork.sync.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.patchwork.commands.Cli;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sdk.project.StaleRevisionException;
import org.patchwork.sync.Conflict;
import org.patchwork.sync.Connectors;
import org.patchwork.sync.Remote;
import org.patchwork.sync.RemoteStore;
import org.patchwork.sync.Remotes;
import org.patchwork.sync.SyncEngine;
import org.patchwork.sync.SyncQueue;
import org.patchwork.sync.SyncResult;
import picocli.CommandLine;

/**
 * {@code pw:remote}, {@code pw:push}, {@code pw:pull}, {@code pw:sync}: remotes kept in
 * {@code $PATCHWORK_HOME/remotes.json}, pushes that cannot reach their remote queued in
 * {@code $PATCHWORK_HOME/sync/queue.json}.
 */
@Component(service = SyncCommands.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=remote",
    "osgi.command.function=push",
    "osgi.command.function=pull",
    "osgi.command.function=sync",
    "patchwork.command.summary=Sync projects with S3 and WebDAV remotes (remote, push, pull, sync)"})
public final class SyncCommands {

  @CommandLine.Command(name = "remote add", description = "Add (or replace) a remote.")
  static final class Add {
    @CommandLine.Parameters(index = "0", paramLabel = "NAME", description = "The remote's name.")
    String name;
    @CommandLine.Parameters(index = "1", paramLabel = "URL", description = "s3://BUCKET/PREFIX or http(s)://HOST/PATH (WebDAV).")
    String url;
    @CommandLine.Option(names = "--endpoint", paramLabel = "URL", description = "An S3-compatible server (MinIO, S3Proxy, ...).")
    String endpoint;
    @CommandLine.Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
        description = "Adapter option: accessKey, secretKey, region, createBucket (S3); username, password (WebDAV).")
    Map<String, String> options = new LinkedHashMap<>();
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(name = "remote smoke", description = "Time save, load, list and delete against a remote.")
  static final class SmokeOptions {
    @CommandLine.Parameters(index = "0", paramLabel = "NAME", description = "The remote.")
    String name;
    @CommandLine.Option(names = "--rounds", defaultValue = "50", description = "Rounds (default: ${DEFAULT-VALUE}).")
    int rounds;
    @CommandLine.Option(names = "--size", defaultValue = "16384", paramLabel = "BYTES",
        description = "Manifest size (default: ${DEFAULT-VALUE}).")
    int size;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(name = "remote", description = "Manage remotes: add, remove, list, status, smoke.")
  static final class Simple {
    @CommandLine.Parameters(paramLabel = "ARGS", arity = "0..*")
    List<String> args = new ArrayList<>();
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(description = "Sync a project folder with a remote.")
  static final class Transfer {
    @CommandLine.Parameters(index = "0", paramLabel = "PROJECT", description = "The project folder.")
    Path project;
    @CommandLine.Parameters(index = "1", arity = "0..1", paramLabel = "NAME",
        description = "The remote (default: the only one, or for sync every remote the project was synced with).")
    String remote;
    @CommandLine.Option(names = "--no-queue", description = "Fail instead of queueing when the remote is unreachable.")
    boolean noQueue;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  private final Path home;

  @Activate
  public SyncCommands(BundleContext context) {
    this(home(context.getProperty("patchwork.home")));
  }

  SyncCommands(Path home) {
    this.home = home;
  }

  static Path home(String property) {
    return property != null ? Path.of(property) : Path.of(System.getProperty("user.home"), ".patchwork");
  }

  /** Runs {@code patchwork remote ...}. Thread: the shell's. */
  public void remote(String... args) throws Exception {
    List<String> a = args == null ? List.of() : Arrays.asList(args);
    String sub = a.isEmpty() ? "list" : a.get(0);
    String[] rest = a.isEmpty() ? new String[0] : a.subList(1, a.size()).toArray(String[]::new);
    Remotes remotes = new Remotes(home);
    switch (sub) {
      case "add" -> add(remotes, rest);
      case "remove", "rm" -> {
        if (rest.length != 1) {
          throw new UsageException("remote remove: takes one NAME");
        }
        if (!remotes.remove(rest[0])) {
          throw new UsageException("remote remove: no remote named " + rest[0]);
        }
        System.out.println("removed remote " + rest[0]);
      }
      case "list" -> {
        for (Remote r : checked(remotes::all).values()) {
          System.out.printf("%-12s %-7s %s%n", r.name(), r.kind(), r.url() + (r.endpoint() == null ? ""
              : " (endpoint " + r.endpoint() + ")"));
        }
      }
      case "status" -> status(remotes);
      case "smoke" -> smoke(remotes, rest);
      case "-h", "--help" -> Cli.parse(new Simple(), "--help");
      default -> throw new UsageException("remote: unknown subcommand '" + sub
          + "' (known: add, remove, list, status, smoke)");
    }
    System.out.flush();
  }

  /** Runs {@code patchwork push PROJECT [NAME]}. */
  public void push(String... args) throws Exception {
    transfer("push", SyncEngine.Mode.PUSH, args);
  }

  /** Runs {@code patchwork pull PROJECT [NAME]}. */
  public void pull(String... args) throws Exception {
    transfer("pull", SyncEngine.Mode.PULL, args);
  }

  /** Runs {@code patchwork sync PROJECT [NAME]}: both ways. */
  public void sync(String... args) throws Exception {
    transfer("sync", SyncEngine.Mode.BOTH, args);
  }

  private void add(Remotes remotes, String[] args) throws IOException {
    Add o = Cli.parse(new Add(), args);
    if (o == null) {
      return;
    }
    Remote r;
    try {
      r = new Remote(o.name, new URI(o.url), o.endpoint == null ? null : new URI(o.endpoint), o.options);
      Connectors.open(r).close(); // the adapter checks the URL and options
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new UsageException("remote add: " + e.getMessage());
    }
    checked(() -> {
      remotes.put(r);
      return null;
    });
    System.out.println("added remote " + r + " (" + r.kind() + ")");
  }

  private void status(Remotes remotes) throws IOException {
    SyncQueue queue = new SyncQueue(home);
    for (Remote r : checked(remotes::all).values()) {
      String state;
      try (RemoteStore store = Connectors.open(r)) {
        state = store.safeForConcurrentWriters() ? "reachable, conditional writes enforced"
            : "reachable, WARNING: ignores preconditions: concurrent writes are unsafe";
      } catch (IOException | IllegalArgumentException e) {
        state = "unreachable: " + e.getMessage();
      }
      System.out.printf("%-12s %s: %s%n", r.name(), r.url(), state);
    }
    List<SyncQueue.Entry> queued = queue.all();
    System.out.println(queued.isEmpty() ? "queue: empty" : "queue: " + queued.size() + " push(es) waiting");
    for (SyncQueue.Entry e : queued) {
      System.out.printf("  %s -> %s: %d attempt(s), next at %s, last error: %s%n", e.project(), e.remote(),
          e.attempts(), e.next(), e.lastError());
    }
  }

  private void smoke(Remotes remotes, String[] args) throws IOException {
    SmokeOptions o = Cli.parse(new SmokeOptions(), args);
    if (o == null) {
      return;
    }
    if (o.rounds < 1 || o.rounds > 100_000 || o.size < 64 || o.size > 64 << 20) {
      throw new UsageException("remote smoke: --rounds must be 1..100000 and --size 64..67108864");
    }
    Remote r = remote(remotes, o.name);
    try (RemoteStore store = Connectors.open(r)) {
      System.out.println("smoke test of " + r + ": " + o.rounds + " rounds");
      Smoke.print(Smoke.run(store.repository(), o.rounds, o.size), o.rounds, System.out);
    }
  }

  private void transfer(String verb, SyncEngine.Mode mode, String[] args) throws Exception {
    Transfer o = Cli.parse(new Transfer(), args);
    if (o == null) {
      return;
    }
    Path dir = o.project.toAbsolutePath().normalize();
    if (Files.isRegularFile(dir) && dir.getFileName().toString().equals("project.json")) {
      dir = dir.getParent();
    }
    if (!Files.isDirectory(dir)) {
      throw new UsageException(verb + ": no such project folder: " + o.project);
    }
    if (mode != SyncEngine.Mode.PULL && !Files.isRegularFile(dir.resolve("project.json"))) {
      throw new UsageException(verb + ": not a project folder (no project.json): " + o.project);
    }
    Remotes remotes = new Remotes(home);
    List<Remote> targets = new ArrayList<>();
    if (o.remote != null) {
      targets.add(remote(remotes, o.remote));
    } else {
      Map<String, Remote> all = checked(remotes::all);
      if (mode == SyncEngine.Mode.BOTH) {
        for (Remote r : all.values()) {
          if (Files.isDirectory(dir.resolve(".patchwork-sync").resolve(r.name()))) {
            targets.add(r);
          }
        }
      }
      if (targets.isEmpty()) {
        if (all.size() != 1) {
          throw new UsageException(verb + ": name the remote (" + (all.isEmpty() ? "none configured: "
              + "'patchwork remote add NAME URL'" : "known: " + String.join(", ", all.keySet())) + ")");
        }
        targets.addAll(all.values());
      }
    }
    SyncQueue queue = new SyncQueue(home);
    for (Remote r : targets) {
      try (RemoteStore store = open(r)) {
        if (mode != SyncEngine.Mode.PULL && !store.safeForConcurrentWriters()) {
          System.err.println("warning: remote " + r.name() + " ignores preconditions (If-Match): if two people "
              + "push at the same moment one push can overwrite the other there");
        }
        SyncResult result = new SyncEngine(store, r.name()).sync(dir, mode,
            new ProgressBar(System.err, verb + " " + r.name()));
        System.out.println(r.name() + ": " + result.summary());
        for (Conflict c : result.conflicts()) {
          System.out.println("  conflict " + c);
        }
        queue.remove(new SyncQueue.Entry(dir, r.name(), 0, null, null, null));
      } catch (IOException e) {
        if (e instanceof StaleRevisionException || o.noQueue || mode == SyncEngine.Mode.PULL) {
          throw e;
        }
        SyncQueue.Entry q = queue.add(dir, r.name(), e.getMessage());
        System.out.println(r.name() + ": unreachable (" + e.getMessage() + "); queued, next try at " + q.next()
            + " (the local copy is safe; 'patchwork remote status' shows the queue)");
      }
    }
    System.out.flush();
  }

  private static RemoteStore open(Remote r) throws IOException {
    try {
      return Connectors.open(r);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private Remote remote(Remotes remotes, String name) throws IOException {
    return checked(() -> remotes.get(name));
  }

  private interface Io<T> {
    T get() throws IOException;
  }

  /** Configuration problems (a bad remotes.json, an unknown name) are the user's: exit 2. */
  private static <T> T checked(Io<T> action) throws IOException {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
