package org.patchwork.ui.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.patchwork.engine.Project;

/**
 * Autosave and the crash-recovery offer. While the project has unsaved changes, at most
 * {@code interval} after a change a copy of it is written, atomically and in the same engine
 * format as a save, to a recovery file: {@value #FILE} beside {@code project.json} (not the
 * project store's {@code project.recovery.json}, whose wrapper format differs), or {@code $PATCHWORK_HOME/ui/}{@value #UNTITLED} for a
 * project never saved. A save, a discard, "Don't save" and undoing back to the saved state
 * remove it; quitting any other way (a crash, a kill) leaves it.
 *
 * <p>When a project is opened (or the workbench starts with an untitled project) and its
 * recovery file is newer than its {@code project.json}, it is {@linkplain #offer() offered}. A
 * recovery file as old as or older than {@code project.json} is deleted unoffered: the project
 * was saved after it was written, which is when a save would have removed it. A recovery file
 * that does not load is left alone and reported.
 *
 * <p>Time comes from {@code clock}: the recovery file's modification time is set from it, so
 * "newer" and the time shown in the prompt are the clock's.
 *
 * <p>Thread: the workbench's model thread.
 */
final class CrashRecovery {

  /** The recovery file in a project folder. */
  static final String FILE = "project.autosave.json";

  /** The recovery file of the untitled project, in {@code $PATCHWORK_HOME/ui}. */
  static final String UNTITLED = "untitled.autosave.json";

  /** The default time between a change and its recovery copy. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  /**
   * A recovery file offered to the user.
   *
   * @param recovery the recovery file
   * @param projectFile the project's {@code project.json}, or null for the untitled project
   * @param project the project in the recovery file, with the unsaved changes
   * @param writtenAt when autosave wrote it
   */
  record Offer(Path recovery, Path projectFile, Project project, Instant writtenAt) {

    /** The question the window asks, with the time in {@code zone}. */
    String question(ZoneId zone) {
      return "Patchwork quit without saving \"" + project.name() + "\" at " + TIME.format(writtenAt.atZone(zone))
          + ". Recover the unsaved changes?";
    }
  }

  /**
   * What recovering gives the workbench.
   *
   * @param project the recovered project, to edit
   * @param saved the project as saved, to tell whether it is dirty
   * @param file the project's file (null: untitled)
   */
  record Recovered(Project project, Project saved, Path file) {
    boolean dirty() {
      return !project.equals(saved);
    }
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM yyyy", Locale.ENGLISH);

  private final ProjectFiles files;
  private final Path untitled;
  private final InstantSource clock;
  private final Duration interval;
  private final Consumer<String> log;
  private Offer offer;
  // The project needing no autosave: the one in the recovery file, or saved, or discarded.
  private Project written;
  private Path writtenTo;
  // Whether this session's recovery file of the current project is on disk.
  private boolean onDisk;
  // When the project first differed from what is written, or null.
  private Instant changedAt;

  /**
   * @param home {@code $PATCHWORK_HOME}, or null: then the untitled project is not autosaved
   * @param interval at most this long from a change to its recovery copy; zero or negative
   *     turns autosave off (offers are still made)
   * @param log where a stale recovery file's removal is told
   */
  CrashRecovery(ProjectFiles files, Path home, InstantSource clock, Duration interval, Consumer<String> log) {
    this.files = files;
    this.log = log;
    this.untitled = home == null ? null : home.resolve("ui").resolve(UNTITLED);
    this.clock = clock;
    this.interval = interval;
  }

  /** The recovery file of a project ({@code projectFile} null: untitled), or null if none. */
  Path fileFor(Path projectFile) {
    return projectFile == null ? untitled : projectFile.resolveSibling(FILE);
  }

  /** The offer waiting for the user's answer, if any. */
  Optional<Offer> offer() {
    return Optional.ofNullable(offer);
  }

  /**
   * A project was opened ({@code projectFile} null: the untitled project was started): forgets
   * the previous project's autosave state and offers its recovery file if it is newer.
   *
   * @return the offer, also kept as {@link #offer()}
   * @throws IOException or {@link IllegalArgumentException} if a recovery file is there but
   *     cannot be read or loaded; it is then left where it is and nothing is offered
   */
  Optional<Offer> opened(Path projectFile) throws IOException {
    offer = null;
    written = null;
    writtenTo = null;
    onDisk = false;
    changedAt = null;
    Path recovery = fileFor(projectFile);
    if (recovery == null || !Files.isRegularFile(recovery)) {
      return Optional.empty();
    }
    Instant at = Files.getLastModifiedTime(recovery).toInstant();
    if (projectFile != null && Files.exists(projectFile)
        && !at.isAfter(Files.getLastModifiedTime(projectFile).toInstant())) {
      Files.deleteIfExists(recovery);
      log.accept("Deleted " + recovery + ": written at " + at + ", before " + projectFile + " was saved");
      return Optional.empty();
    }
    offer = new Offer(recovery, projectFile, files.load(recovery), at);
    return Optional.of(offer);
  }

  /**
   * The user chose to recover {@code chosen}: the recovery file stays until the project is saved
   * or discarded, so a second crash loses nothing either.
   *
   * @param untitledProject what an untitled project is before any change
   * @throws IllegalArgumentException if {@code chosen} is not the offer
   */
  Recovered recover(Offer chosen, Project untitledProject) throws IOException {
    check(chosen);
    Project saved = chosen.projectFile() == null ? untitledProject : files.load(chosen.projectFile());
    offer = null;
    written = chosen.project();
    writtenTo = chosen.recovery();
    onDisk = true;
    changedAt = null;
    return new Recovered(chosen.project(), saved, chosen.projectFile());
  }

  /** The user chose to discard {@code chosen}: its file is deleted. */
  void discard(Offer chosen) throws IOException {
    check(chosen);
    offer = null;
    Files.deleteIfExists(chosen.recovery());
  }

  private void check(Offer chosen) {
    if (chosen == null || !chosen.equals(offer)) {
      throw new IllegalArgumentException("that recovery file is no longer offered");
    }
  }

  /**
   * Called after every change and now and then: writes {@code project} to its recovery file
   * when it has been changed for {@code interval}, removes the file written earlier when the
   * project is back at its saved state.
   *
   * @return whether a file was written
   */
  boolean tick(Project project, boolean dirty, Path projectFile) throws IOException {
    if (interval.isZero() || interval.isNegative()) {
      return false;
    }
    Path target = fileFor(projectFile);
    if (target == null || offer != null && offer.recovery().equals(target)) {
      // Never overwrite a recovery file the user has not answered for yet.
      return false;
    }
    if (!dirty) {
      changedAt = null;
      if (onDisk) {
        // Undone back to the saved state: the copy holds changes the user took back.
        onDisk = false;
        written = null;
        Files.deleteIfExists(writtenTo);
      }
      return false;
    }
    if (project == written && target.equals(writtenTo)) {
      changedAt = null;
      return false;
    }
    Instant now = clock.instant();
    if (changedAt == null) {
      changedAt = now;
    }
    if (Duration.between(changedAt, now).compareTo(interval) < 0) {
      return false;
    }
    try {
      write(project, target, now);
    } catch (IOException e) {
      // Try again an interval later, not at every tick.
      changedAt = now;
      throw e;
    }
    return true;
  }

  /** Writes the unsaved changes now, whatever the interval (the workbench is shutting down). */
  boolean flush(Project project, boolean dirty, Path projectFile) throws IOException {
    Path target = fileFor(projectFile);
    if (interval.isZero() || interval.isNegative() || !dirty || target == null
        || project == written && target.equals(writtenTo) || offer != null && offer.recovery().equals(target)) {
      return false;
    }
    write(project, target, clock.instant());
    return true;
  }

  /**
   * The project was saved to {@code projectFile}, or its changes were discarded: its recovery
   * file goes, and {@code current} counts as written so it is not autosaved again until it
   * changes.
   */
  void clear(Path projectFile, Project current) throws IOException {
    Path target = fileFor(projectFile);
    changedAt = null;
    onDisk = false;
    written = current;
    writtenTo = target;
    if (target == null) {
      return;
    }
    if (offer != null && offer.recovery().equals(target)) {
      offer = null;
    }
    Files.deleteIfExists(target);
  }

  private void write(Project project, Path target, Instant at) throws IOException {
    byte[] json = JsonProjectFiles.write(project);
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), ".recovery", ".json.tmp");
    try {
      Files.write(temp, json);
      Files.setLastModifiedTime(temp, FileTime.from(at));
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    written = project;
    writtenTo = target;
    onDisk = true;
    changedAt = null;
  }
}
