package org.patchwork.ui.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.patchwork.bus.ControlHandler;
import org.patchwork.bus.ControlMessage;
import org.patchwork.bus.ControlRing;
import org.patchwork.engine.Graph;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Project;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.ui.shell.Edit;
import org.patchwork.ui.shell.EditJournal;
import org.patchwork.ui.shell.JournalEntry;
import org.patchwork.ui.shell.TapBuffer;
import org.patchwork.ui.shell.Telemetry;
import org.patchwork.ui.shell.Workbench;
import org.patchwork.ui.shell.WorkbenchState;

/**
 * The workbench's model: the project being edited, its file, the journal and the live session.
 * One thread owns all of it, the consumer of a {@link ControlRing}: requests from the UI (and
 * transport messages from anyone) arrive as ring messages and are handled one at a time; the
 * outcome is published as an immutable {@link WorkbenchState}.
 *
 * <p>While the project has unsaved changes the model thread also autosaves it to a recovery
 * file, and offers a recovery file found when a project is opened ({@link CrashRecovery}).
 *
 * <p>Framework properties: {@code patchwork.driver} (auto, jack, javasound, null; default
 * auto), {@code patchwork.ui.block} (frames per audio block, default 512),
 * {@code patchwork.ui.autosave} (seconds from a change to its recovery copy, default 30; 0 turns
 * autosave off).
 */
@Component(service = Workbench.class, immediate = true)
public final class WorkbenchService implements Workbench, Recoveries {

  /** What the model thread is asked to do. */
  private enum Kind { EDIT, UNDO, REDO, PLAY, STOP, MONITOR, OPEN, NEW, SAVE, RECOVER, DISCARD_RECOVERY, DISCARD_CHANGES,
    CLOSE, NOTICE }

  private record Request(Kind kind, Object argument, CompletableFuture<WorkbenchState> done) {
  }

  /**
   * Where state lives and how to play.
   *
   * @param autosave the longest time from a change to its recovery copy; zero turns it off
   */
  record Settings(Path home, Path distribution, String driver, int block, Duration autosave) {

    /** A null autosave interval is the default. */
    Settings {
      autosave = autosave == null ? CrashRecovery.DEFAULT_INTERVAL : autosave;
    }

    /** Autosave every {@code patchwork.ui.autosave} seconds (system property), or 30 s. */
    Settings(Path home, Path distribution, String driver, int block) {
      this(home, distribution, driver, block, WorkbenchService.autosaveInterval(System.getProperty(AUTOSAVE_PROPERTY)));
    }
  }

  /** The property that sets the autosave interval, in seconds. */
  static final String AUTOSAVE_PROPERTY = "patchwork.ui.autosave";

  private final ModuleRegistry registry;
  private final Consumer<String> log;
  private final Settings settings;
  private final ProjectFiles files;
  private final EditJournal journal = new MemoryJournal();
  private final RecentProjects recent;
  private final ControlRing ring;
  private final CrashRecovery recovery;
  private volatile CrashRecovery.Offer offer;
  // Model thread only, except where volatile.
  private Project project;
  private Project saved;
  private Path file;
  private String message = "";
  private boolean error;
  private long revision;
  private volatile LiveSession live;
  private volatile WorkbenchState state;
  private long sequence;
  private boolean autosaveFailed;
  // As last published: autosave looks at it every idle moment, when comparing projects would cost.
  private boolean dirty;

  @Activate
  public WorkbenchService(@Reference ModuleRegistry registry,
      @Reference(service = LoggerFactory.class) Logger logger, BundleContext context) {
    this(registry, settings(context), logger::info);
  }

  /**
   * @param log where transport and file events go (the log file, in the framework): one line
   *     each, so the log tells what the user did
   */
  WorkbenchService(ModuleRegistry registry, Settings settings, Consumer<String> log) {
    this.registry = registry;
    this.log = log;
    this.settings = settings;
    this.files = new JsonProjectFiles(registry);
    this.recent = new RecentProjects(settings.home() == null ? null : settings.home().resolve("ui/recent-projects.txt"));
    this.project = empty();
    this.saved = project;
    this.recovery = new CrashRecovery(files, settings.home(), InstantSource.system(), settings.autosave(), log);
    // Before the ring's thread starts, which then sees what this thread did.
    offerRecovery(null);
    publish();
    ring = new ControlRing(1024, 20, TimeUnit.MILLISECONDS, new Handler());
    ring.start(r -> {
      Thread t = new Thread(r, "patchwork-workbench");
      t.setDaemon(true);
      return t;
    });
  }

  private static Settings settings(BundleContext context) {
    String home = context.getProperty("patchwork.home");
    String distribution = context.getProperty("patchwork.distribution");
    String driver = context.getProperty("patchwork.driver");
    String block = context.getProperty("patchwork.ui.block");
    return new Settings(home == null ? null : Path.of(home), distribution == null ? null : Path.of(distribution),
        driver == null ? "auto" : driver, block == null ? 512 : Integer.parseInt(block.strip()),
        autosaveInterval(context.getProperty(AUTOSAVE_PROPERTY)));
  }

  /** Seconds (decimals allowed) as a duration; null or blank is the default. */
  static Duration autosaveInterval(String seconds) {
    if (seconds == null || seconds.isBlank()) {
      return CrashRecovery.DEFAULT_INTERVAL;
    }
    double s;
    try {
      s = Double.parseDouble(seconds.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(AUTOSAVE_PROPERTY + " must be a number of seconds, not '" + seconds + "'");
    }
    if (!(s >= 0) || s > 86_400) {
      throw new IllegalArgumentException(AUTOSAVE_PROPERTY + " must be 0 (off) to 86400 seconds, not " + seconds);
    }
    return Duration.ofMillis(Math.round(s * 1000));
  }

  /**
   * Stops playing and writes unsaved changes to the recovery file at once, so even a shutdown
   * that asked nobody (the host stopping) can be recovered from.
   */
  @Deactivate
  void close() {
    CompletableFuture<WorkbenchState> stopped = request(Kind.CLOSE, null).toCompletableFuture();
    try {
      stopped.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Stopping anyway: the ring's thread ends below and the driver with the JVM.
    }
    ring.close();
  }

  // ---- Workbench, any thread ----

  @Override
  public WorkbenchState state() {
    return state;
  }

  @Override
  public CompletionStage<WorkbenchState> submit(Edit edit) {
    return request(Kind.EDIT, edit);
  }

  @Override
  public CompletionStage<WorkbenchState> undo() {
    return request(Kind.UNDO, null);
  }

  @Override
  public CompletionStage<WorkbenchState> redo() {
    return request(Kind.REDO, null);
  }

  @Override
  public CompletionStage<WorkbenchState> play() {
    return request(Kind.PLAY, null);
  }

  @Override
  public CompletionStage<WorkbenchState> stop() {
    return request(Kind.STOP, null);
  }

  @Override
  public CompletionStage<WorkbenchState> open(Path projectPath) {
    return request(Kind.OPEN, projectPath);
  }

  @Override
  public CompletionStage<WorkbenchState> newProject() {
    return request(Kind.NEW, null);
  }

  @Override
  public CompletionStage<WorkbenchState> save(Path folder) {
    return request(Kind.SAVE, Optional.ofNullable(folder));
  }

  @Override
  public List<Path> recentProjects() {
    return recent.list();
  }

  @Override
  public Telemetry telemetry() {
    LiveSession l = live;
    return l == null ? Telemetry.stopped((int) Math.round(state.project().sampleRate())) : l.telemetry();
  }

  @Override
  public Optional<TapBuffer> tap(String trackOrMaster) {
    LiveSession l = live;
    return l == null ? Optional.empty() : l.tap(trackOrMaster);
  }

  @Override
  public List<ModuleDescriptor> modules() {
    return registry.descriptors();
  }

  @Override
  public Optional<ModuleDescriptor> module(String moduleId) {
    return registry.find(moduleId).map(ModuleFactory::descriptor);
  }

  @Override
  public EditJournal journal() {
    return journal;
  }

  private CompletionStage<WorkbenchState> request(Kind kind, Object argument) {
    CompletableFuture<WorkbenchState> done = new CompletableFuture<>();
    if (!ring.command(System.nanoTime(), new Request(kind, argument, done))) {
      done.completeExceptionally(new IllegalStateException("the workbench is busy: the request was dropped"));
    }
    return done;
  }

  // ---- Recoveries, any thread ----

  @Override
  public Optional<CrashRecovery.Offer> recoveryOffer() {
    return Optional.ofNullable(offer);
  }

  @Override
  public CompletionStage<WorkbenchState> recover(CrashRecovery.Offer chosen) {
    return request(Kind.RECOVER, chosen);
  }

  @Override
  public CompletionStage<WorkbenchState> discardRecovery(CrashRecovery.Offer chosen) {
    return request(Kind.DISCARD_RECOVERY, chosen);
  }

  @Override
  public CompletionStage<WorkbenchState> discardChanges() {
    return request(Kind.DISCARD_CHANGES, null);
  }

  /** The running session (playing, or monitoring live input), or null. */
  LiveSession live() {
    return live;
  }

  /**
   * With nothing playing, starts a session that plays only live input, so that a keyboard is
   * heard with the transport stopped; {@link #play()} replaces it, {@link #stop()} ends it.
   * Completes at once when a session runs already.
   */
  /** Shows {@code message} in the status line (and the log), as the window's own actions do. */
  CompletionStage<WorkbenchState> notice(String message) {
    return request(Kind.NOTICE, message);
  }

  CompletionStage<WorkbenchState> monitor() {
    return request(Kind.MONITOR, null);
  }

  // ---- model thread ----

  private final class Handler implements ControlHandler {
    @Override
    public void onMessage(ControlMessage m, boolean endOfBatch) {
      switch (m.kind()) {
        case TRANSPORT_START -> handle(new Request(Kind.PLAY, null, new CompletableFuture<>()));
        case TRANSPORT_STOP -> handle(new Request(Kind.STOP, null, new CompletableFuture<>()));
        case COMMAND -> {
          if (m.command() instanceof Request r) {
            handle(r);
          }
        }
        default -> { }
      }
      if (endOfBatch) {
        autosave();
      }
    }

    @Override
    public void onIdle() {
      autosave();
      LiveSession l = live;
      if (l != null) {
        l.housekeeping();
        if (l.ended()) {
          handle(new Request(Kind.STOP, null, new CompletableFuture<>()));
        }
      }
    }

    @Override
    public void onError(Throwable failure, ControlMessage m) {
      report(failure);
      publish();
    }
  }

  private void handle(Request r) {
    try {
      message = "";
      error = false;
      switch (r.kind) {
        case EDIT -> edit((Edit) r.argument);
        case UNDO -> journal.undo().ifPresentOrElse(e -> {
          become(e.before());
          message = "Undid: " + e.label();
        }, () -> message = "Nothing to undo");
        case REDO -> journal.redo().ifPresentOrElse(e -> {
          become(e.after());
          message = "Redid: " + e.label();
        }, () -> message = "Nothing to redo");
        case PLAY -> startPlaying();
        case STOP -> stopPlaying();
        case MONITOR -> {
          if (live == null) {
            startSession(true);
          }
        }
        case NOTICE -> message = (String) r.argument;
        case OPEN -> openProject((Path) r.argument);
        case NEW -> {
          stopPlaying();
          project = empty();
          saved = project;
          file = null;
          journal.clear();
          message = "New project";
          offerRecovery(null);
        }
        case SAVE -> saveProject(((Optional<?>) r.argument).map(Path.class::cast).orElse(null));
        case RECOVER -> recoverProject((CrashRecovery.Offer) r.argument);
        case DISCARD_RECOVERY -> {
          CrashRecovery.Offer o = (CrashRecovery.Offer) r.argument;
          recovery.discard(o);
          message = "Discarded the unsaved changes of " + o.project().name() + " (deleted " + o.recovery() + ")";
        }
        case DISCARD_CHANGES -> {
          recovery.clear(file, project);
          message = project.equals(saved) ? "" : "Discarded the unsaved changes of " + project.name();
        }
        case CLOSE -> {
          if (recovery.flush(project, dirty, file)) {
            log.accept("Autosaved the unsaved changes to " + recovery.fileFor(file));
          }
          stopPlaying();
        }
        default -> throw new IllegalStateException(r.kind.toString());
      }
      WorkbenchState now = publish(); // before the log line: who reads "Opened ..." sees the project
      if (r.kind != Kind.EDIT && !message.isEmpty()) {
        log.accept(message);
      }
      r.done.complete(now);
    } catch (RuntimeException | IOException e) {
      report(e);
      log.accept("refused: " + message);
      publish();
      r.done.completeExceptionally(new IllegalArgumentException(message, e));
    }
  }

  private void edit(Edit edit) {
    Project before = project;
    Project after = edit.apply(before);
    files.check(after);
    become(after);
    journal.record(new JournalEntry(++sequence, Instant.now(), edit, before, after));
    message = edit.label();
  }

  /**
   * Makes {@code next} the project and lets a playing session follow. If the session cannot
   * take it (a module fails to start in the new plan), nothing changes and the failure is thrown.
   */
  private void become(Project next) {
    LiveSession l = live;
    boolean followed = l == null || l.follow(next);
    project = next;
    if (!followed) {
      // The tracks changed: only a new session can play them.
      startSession(l.monitor());
    }
  }

  private void startPlaying() {
    startSession(false);
  }

  private void startSession(boolean monitor) {
    stopPlaying();
    LiveSession l = new LiveSession(project, registry, settings.driver(), settings.block(), monitor);
    l.start();
    live = l;
    message = (monitor ? "Monitoring live input through " : "Playing through ") + l.driverName();
  }

  private void stopPlaying() {
    LiveSession l = live;
    if (l != null) {
      live = null;
      l.close();
      message = l.monitor() ? "Stopped monitoring live input" : "Stopped";
    }
  }

  private void openProject(Path path) throws IOException {
    Path p = resolve(path);
    Project loaded = files.load(p);
    stopPlaying();
    project = loaded;
    saved = loaded;
    file = Files.isDirectory(p) ? p.resolve("project.json") : p;
    journal.clear();
    String problem = recent.add(file.getParent());
    message = problem != null ? problem : "Opened " + file.getParent();
    offerRecovery(file);
  }

  /** Looks for the recovery file of the project just opened (null: the untitled one). */
  private void offerRecovery(Path projectFile) {
    try {
      recovery.opened(projectFile).ifPresent(o -> log.accept("Found unsaved changes of " + o.project().name()
          + " from " + o.writtenAt() + " in " + o.recovery()));
    } catch (IOException | RuntimeException e) {
      // The project itself opened; the recovery file stays for the user to look at.
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      message = "Cannot read the recovery file " + recovery.fileFor(projectFile) + ": " + why;
      error = true;
      log.accept(message);
    }
  }

  private void recoverProject(CrashRecovery.Offer chosen) throws IOException {
    CrashRecovery.Recovered r = recovery.recover(chosen, empty());
    stopPlaying();
    project = r.project();
    saved = r.saved();
    file = r.file();
    journal.clear();
    message = "Recovered the unsaved changes of " + project.name() + " from " + chosen.recovery();
  }

  /** Writes the recovery file when it is due; a failure is reported once, then retried quietly. */
  private void autosave() {
    try {
      boolean wrote = recovery.tick(project, dirty, file);
      if (wrote && autosaveFailed) {
        autosaveFailed = false;
        log.accept("Autosave works again: " + recovery.fileFor(file));
      }
    } catch (IOException | RuntimeException e) {
      if (!autosaveFailed) {
        autosaveFailed = true;
        report(e);
        message = "Autosave failed: " + message;
        log.accept(message);
        publish();
      }
    }
  }

  /** A project folder or file as typed; {@code demo} is the distribution's demo song. */
  private Path resolve(Path path) {
    Path p = path.toAbsolutePath().normalize();
    if (!Files.exists(p) && path.toString().equals("demo") && settings.distribution() != null) {
      p = settings.distribution().resolve("demo/demo-song");
    }
    if (!Files.exists(p)) {
      throw new IllegalArgumentException("no such project: " + path);
    }
    return p;
  }

  private void saveProject(Path folder) throws IOException {
    Path target = folder != null ? folder : file == null ? null : file.getParent();
    if (target == null) {
      throw new IllegalArgumentException("the project has no folder yet: use Save As");
    }
    Path before = file;
    file = files.save(project, target);
    saved = project;
    try {
      recovery.clear(before, project);
      recovery.clear(file, project);
    } catch (IOException e) {
      // Saved all the same; a stale recovery file is older than project.json and not offered.
      log.accept("cannot delete the recovery file: " + e.getMessage());
    }
    String problem = recent.add(target);
    message = problem != null ? problem : "Saved " + file;
  }

  private void report(Throwable e) {
    error = true;
    message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private WorkbenchState publish() {
    String undo = journal.entries().isEmpty() ? "" : journal.entries().getLast().label();
    String redo = journal.nextRedo().map(JournalEntry::label).orElse("");
    dirty = !project.equals(saved);
    LiveSession l = live;
    WorkbenchState s = new WorkbenchState(++revision, project, file, dirty, l != null && !l.monitor(), message, error,
        undo, redo);
    offer = recovery.offer().orElse(null);
    state = s;
    return s;
  }

  static Project empty() {
    return new Project("Untitled", 48_000, 120, new Graph(List.of(), List.of(), List.of(), List.of(), null), List.of());
  }
}
