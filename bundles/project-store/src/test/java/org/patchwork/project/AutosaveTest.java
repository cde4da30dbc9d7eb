package org.patchwork.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autosave writes only while there are unsaved changes, on time; recovery is offered, never dropped. */
class AutosaveTest {

  @TempDir
  Path dir;

  private Instant now = Instant.parse("2026-01-01T10:00:00Z");
  private final InstantSource clock = () -> now;
  private final ProjectStore store = new ProjectStore();

  private void advance(int seconds) {
    now = now.plusSeconds(seconds);
  }

  @Test
  void writesEveryIntervalOnlyWhileThereAreUnsavedChanges() throws Exception {
    store.save(dir, ProjectModel.empty("v1"));
    AtomicReference<ProjectModel> live = new AtomicReference<>(ProjectModel.empty("v1"));
    Autosave autosave = new Autosave(dir, Duration.ofSeconds(30), clock, live::get);
    Path recovery = dir.resolve(Recovery.FILE);

    advance(100);
    assertFalse(autosave.poll(), "no changes, nothing to write");
    live.set(ProjectModel.empty("v2"));
    autosave.changed();
    advance(29);
    assertFalse(autosave.poll(), "not yet 30 s since the change");
    advance(1);
    assertTrue(autosave.poll());
    assertEquals("v2", Recovery.pending(dir).orElseThrow().project().name());
    advance(60);
    assertFalse(autosave.poll(), "the recovery file holds every change");
    assertFalse(autosave.dirty());

    live.set(ProjectModel.empty("v3"));
    autosave.changed();
    advance(30);
    assertTrue(autosave.poll());
    Recovery.Pending p = Recovery.pending(dir).orElseThrow();
    assertEquals("v3", p.project().name());
    assertEquals(now, p.savedAt());
    assertTrue(p.basedOnCurrent());

    store.save(dir, live.get());
    autosave.saved();
    assertFalse(Files.exists(recovery), "an explicit save makes the recovery file redundant");
    advance(300);
    assertFalse(autosave.poll());
  }

  @Test
  void afterACrashTheRecoveryIsOfferedAndRestoredOrSetAside() throws Exception {
    store.save(dir, ProjectModel.empty("saved"));
    Autosave autosave = new Autosave(dir, Duration.ofSeconds(10), clock, () -> ProjectModel.empty("unsaved"));
    autosave.changed();
    advance(10);
    assertTrue(autosave.poll());
    // the process dies here; next start:
    Recovery.Pending p = Recovery.pending(dir).orElseThrow();
    assertEquals("unsaved", p.project().name());
    assertEquals("saved", store.load(dir).name(), "the project itself is untouched until the user decides");
    assertTrue(Recovery.pending(dir).isPresent(), "looking does not remove it");

    Recovery.restore(dir, store);
    assertEquals("unsaved", store.load(dir).name());
    assertEquals("saved", ProjectFormat.parse("bak", Files.readAllBytes(dir.resolve("project.json.bak"))).name());
    assertTrue(Recovery.pending(dir).isEmpty());

    autosave.changed();
    advance(10);
    assertTrue(autosave.poll());
    Path aside = Recovery.discard(dir);
    assertTrue(Files.exists(aside), "a discarded recovery is renamed, not deleted");
    assertTrue(Recovery.pending(dir).isEmpty());
  }

  @Test
  void aRecoveryMadeFromAnOlderProjectSaysSo() throws Exception {
    store.save(dir, ProjectModel.empty("a"));
    Autosave autosave = new Autosave(dir, Duration.ofSeconds(1), clock, () -> ProjectModel.empty("edits on a"));
    autosave.changed();
    advance(1);
    assertTrue(autosave.poll());
    store.save(dir, ProjectModel.empty("b, saved by another window"));
    Recovery.Pending p = Recovery.pending(dir).orElseThrow();
    assertFalse(p.basedOnCurrent());
    assertEquals("edits on a", p.project().name());
  }
}
