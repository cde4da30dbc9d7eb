package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectFormatException;
import org.patchwork.ui.shell.Edits;

/** Autosave and the recovery offer, on a clock the test moves. */
class CrashRecoveryTest {

  private static final Instant SAVED_AT = Instant.parse("2025-03-14T09:00:00Z");
  private static final Duration INTERVAL = Duration.ofSeconds(30);

  @TempDir
  Path temp;

  private final JsonProjectFiles files = new JsonProjectFiles(Fixtures.registry());
  private final List<String> log = new ArrayList<>();
  private Instant now = SAVED_AT;
  private final InstantSource clock = () -> now;
  private Path projectFile;
  private Path recoveryFile;
  private Project saved;
  private Project edited;

  @BeforeEach
  void project() throws Exception {
    projectFile = Fixtures.demoCopy(temp).resolve("project.json");
    Files.setLastModifiedTime(projectFile, FileTime.from(SAVED_AT));
    recoveryFile = projectFile.resolveSibling("project.autosave.json");
    saved = files.load(projectFile);
    edited = new Edits.SetTrackGain("bass", -12).apply(saved);
  }

  private CrashRecovery recovery() {
    return new CrashRecovery(files, temp.resolve("home"), clock, INTERVAL, log::add);
  }

  private double bassGain(Project p) {
    return p.graph().tracks().getFirst().gainDb();
  }

  @Test
  void anEditIsWrittenOneIntervalAfterItWasMadeAndOnlyOnce() throws Exception {
    CrashRecovery r = recovery();
    assertTrue(r.opened(projectFile).isEmpty());
    assertFalse(r.tick(saved, false, projectFile), "nothing to save, nothing written");
    now = SAVED_AT.plusSeconds(100);
    assertFalse(r.tick(edited, true, projectFile), "the change is new");
    now = now.plusSeconds(29);
    assertFalse(r.tick(edited, true, projectFile), "29 s later");
    assertFalse(Files.exists(recoveryFile));
    now = now.plusSeconds(1);
    assertTrue(r.tick(edited, true, projectFile), "30 s later");
    assertEquals(-12, bassGain(files.load(recoveryFile)), "the engine loads it, with the edit");
    assertEquals(now, Files.getLastModifiedTime(recoveryFile).toInstant(), "stamped with the clock");
    now = now.plusSeconds(300);
    assertFalse(r.tick(edited, true, projectFile), "unchanged since: not written again");
    assertEquals(SAVED_AT.plusSeconds(130), Files.getLastModifiedTime(recoveryFile).toInstant());
    assertEquals(0, Files.list(recoveryFile.getParent()).filter(p -> p.toString().endsWith(".tmp")).count(),
        "no temporary file left");
  }

  @Test
  void aNewerRecoveryFileIsOfferedWithTheProjectNameAndTime() throws Exception {
    CrashRecovery before = recovery();
    before.opened(projectFile);
    before.tick(edited, true, projectFile);
    now = now.plus(INTERVAL);
    assertTrue(before.tick(edited, true, projectFile));

    // Patchwork "crashed": a new one opens the project.
    CrashRecovery after = recovery();
    Optional<CrashRecovery.Offer> offer = after.opened(projectFile);
    assertTrue(offer.isPresent());
    assertEquals(offer, after.offer());
    assertEquals(recoveryFile, offer.get().recovery());
    assertEquals(projectFile, offer.get().projectFile());
    assertEquals(-12, bassGain(offer.get().project()));
    assertEquals("Patchwork quit without saving \"Test song in A minor\" at 09:00 on 14 March 2025."
        + " Recover the unsaved changes?", offer.get().question(ZoneOffset.UTC));
  }

  @Test
  void anOlderRecoveryFileIsNotOfferedAndIsDeleted() throws Exception {
    Files.write(recoveryFile, JsonProjectFiles.write(edited));
    Files.setLastModifiedTime(recoveryFile, FileTime.from(SAVED_AT.minusSeconds(60)));
    CrashRecovery r = recovery();
    assertTrue(r.opened(projectFile).isEmpty());
    assertTrue(r.offer().isEmpty());
    assertFalse(Files.exists(recoveryFile), "project.json was saved after it: it is stale");
    assertTrue(log.getFirst().startsWith("Deleted " + recoveryFile + ": written at 2025-03-14T08:59:00Z, before "),
        log.toString());

    // The same age as project.json counts as older too.
    Files.write(recoveryFile, JsonProjectFiles.write(edited));
    Files.setLastModifiedTime(recoveryFile, FileTime.from(SAVED_AT));
    assertTrue(recovery().opened(projectFile).isEmpty());
    assertFalse(Files.exists(recoveryFile));
  }

  @Test
  void discardDeletesTheRecoveryFile() throws Exception {
    writeNewerRecovery();
    CrashRecovery r = recovery();
    CrashRecovery.Offer offer = r.opened(projectFile).orElseThrow();
    r.discard(offer);
    assertFalse(Files.exists(recoveryFile));
    assertTrue(r.offer().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> r.discard(offer), "answered already");
    assertTrue(recovery().opened(projectFile).isEmpty(), "not offered again");
  }

  @Test
  void recoverGivesTheRecoveredEditsUnsavedWithTheProjectsFile() throws Exception {
    writeNewerRecovery();
    CrashRecovery r = recovery();
    CrashRecovery.Offer offer = r.opened(projectFile).orElseThrow();
    CrashRecovery.Recovered back = r.recover(offer, WorkbenchService.empty());
    assertEquals(-12, bassGain(back.project()));
    assertEquals(saved, back.saved(), "dirty against the project as saved");
    assertTrue(back.dirty());
    assertEquals(projectFile, back.file());
    assertTrue(r.offer().isEmpty());
    // The file stays until a save, and holds just what is recovered: no rewrite.
    assertTrue(Files.exists(recoveryFile));
    now = now.plusSeconds(3600);
    assertFalse(r.tick(back.project(), true, projectFile));
    // A save removes it.
    r.clear(projectFile, back.project());
    assertFalse(Files.exists(recoveryFile));
  }

  @Test
  void whileAnOfferIsUnansweredAutosaveLeavesItsFileAlone() throws Exception {
    writeNewerRecovery();
    byte[] offered = Files.readAllBytes(recoveryFile);
    CrashRecovery r = recovery();
    r.opened(projectFile).orElseThrow();
    Project other = new Edits.SetTrackMute("bass", true).apply(saved);
    r.tick(other, true, projectFile);
    now = now.plusSeconds(3600);
    assertFalse(r.tick(other, true, projectFile));
    assertFalse(r.flush(other, true, projectFile));
    assertEquals(new String(offered), Files.readString(recoveryFile));
  }

  @Test
  void savingDontSaveAndUndoingToTheSavedStateRemoveTheFile() throws Exception {
    CrashRecovery r = recovery();
    r.opened(projectFile);
    assertTrue(r.flush(edited, true, projectFile), "shutting down: written at once");
    // Undone back to the saved project: the copy holds nothing worth keeping.
    assertFalse(r.tick(saved, false, projectFile));
    assertFalse(Files.exists(recoveryFile));

    assertTrue(r.flush(edited, true, projectFile));
    // "Don't save": deleted, and the discarded project is not written again...
    r.clear(projectFile, edited);
    assertFalse(Files.exists(recoveryFile));
    now = now.plusSeconds(3600);
    assertFalse(r.tick(edited, true, projectFile));
    assertFalse(r.flush(edited, true, projectFile));
    // ...until it changes.
    Project more = new Edits.SetTrackMute("bass", true).apply(edited);
    r.tick(more, true, projectFile);
    now = now.plus(INTERVAL);
    assertTrue(r.tick(more, true, projectFile));
    assertTrue(Files.exists(recoveryFile));
  }

  @Test
  void theUntitledProjectIsAutosavedInTheHomeAndOfferedAtStart() throws Exception {
    CrashRecovery r = recovery();
    assertTrue(r.opened(null).isEmpty());
    Project untitled = new Edits.AddNode("osc", "org.patchwork.dsp.sine").apply(WorkbenchService.empty());
    assertTrue(r.flush(untitled, true, null));
    Path file = temp.resolve("home/ui/untitled.autosave.json");
    assertEquals(file, r.fileFor(null));
    assertTrue(Files.exists(file));

    CrashRecovery next = recovery();
    CrashRecovery.Offer offer = next.opened(null).orElseThrow();
    assertNull(offer.projectFile());
    CrashRecovery.Recovered back = next.recover(offer, WorkbenchService.empty());
    assertNull(back.file());
    assertTrue(back.dirty());
    assertTrue(back.project().graph().node("osc").isPresent());
    // Save As elsewhere: the untitled copy goes.
    next.clear(null, back.project());
    assertFalse(Files.exists(file));
  }

  @Test
  void withoutAHomeTheUntitledProjectIsNotAutosaved() throws Exception {
    CrashRecovery r = new CrashRecovery(files, null, clock, INTERVAL, log::add);
    assertNull(r.fileFor(null));
    assertTrue(r.opened(null).isEmpty());
    assertFalse(r.flush(edited, true, null));
  }

  @Test
  void aDamagedRecoveryFileIsReportedAndKept() throws Exception {
    Files.writeString(recoveryFile, "{\"formatVersion\": 1, \"name\": ");
    Files.setLastModifiedTime(recoveryFile, FileTime.from(SAVED_AT.plusSeconds(5)));
    CrashRecovery r = recovery();
    assertThrows(ProjectFormatException.class, () -> r.opened(projectFile));
    assertTrue(r.offer().isEmpty());
    assertTrue(Files.exists(recoveryFile), "the user may want to look at it");
  }

  @Test
  void anIntervalOfZeroTurnsAutosaveOff() throws Exception {
    CrashRecovery r = new CrashRecovery(files, temp.resolve("home"), clock, Duration.ZERO, log::add);
    r.opened(projectFile);
    now = now.plusSeconds(3600);
    assertFalse(r.tick(edited, true, projectFile));
    assertFalse(r.flush(edited, true, projectFile));
    assertFalse(Files.exists(recoveryFile));
  }

  private void writeNewerRecovery() throws Exception {
    Files.write(recoveryFile, JsonProjectFiles.write(edited));
    Files.setLastModifiedTime(recoveryFile, FileTime.from(SAVED_AT.plusSeconds(90)));
  }
}
