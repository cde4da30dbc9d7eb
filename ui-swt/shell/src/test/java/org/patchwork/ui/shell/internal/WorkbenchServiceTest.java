package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.engine.Connection;
import org.patchwork.ui.shell.Edits;
import org.patchwork.ui.shell.Levels;
import org.patchwork.ui.shell.TapBuffer;
import org.patchwork.ui.shell.Telemetry;
import org.patchwork.ui.shell.WorkbenchState;

class WorkbenchServiceTest {

  @TempDir
  Path temp;

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private WorkbenchService workbench;

  @AfterEach
  void close() {
    if (workbench != null) {
      workbench.close();
    }
  }

  private WorkbenchState open() throws Exception {
    workbench = Fixtures.workbench(temp.resolve("home"), log);
    return Fixtures.await(workbench.open(Fixtures.demoCopy(temp)));
  }

  @Test
  void editsChangeTheProjectAreJournalledAndUndone() throws Exception {
    WorkbenchState opened = open();
    assertEquals("Test song in A minor", opened.project().name());
    assertFalse(opened.dirty());
    WorkbenchState edited = Fixtures.await(workbench.submit(new Edits.SetTrackGain("bass", -12)));
    assertEquals(-12, edited.project().graph().tracks().getFirst().gainDb());
    assertTrue(edited.dirty());
    assertEquals("Set bass gain to -12.0 dB", edited.undoLabel());
    assertEquals(1, workbench.journal().entries().size());
    WorkbenchState undone = Fixtures.await(workbench.undo());
    assertEquals(opened.project(), undone.project());
    assertFalse(undone.dirty(), "back at the saved state");
    assertEquals("Set bass gain to -12.0 dB", undone.redoLabel());
    assertEquals(-12, Fixtures.await(workbench.redo()).project().graph().tracks().getFirst().gainDb());
  }

  @Test
  void anEditTheEngineWouldRefuseChangesNothing() throws Exception {
    WorkbenchState opened = open();
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> Fixtures.await(workbench.submit(new Edits.Connect("bass-synth.out", "pad-synth.nowhere"))));
    assertTrue(e.getCause().getMessage().contains("no port 'nowhere'"), e.getCause().getMessage());
    WorkbenchState now = workbench.state();
    assertEquals(opened.project(), now.project());
    assertTrue(now.error());
    assertTrue(now.message().contains("no port 'nowhere'"), now.message());
    assertTrue(workbench.journal().entries().isEmpty());
  }

  @Test
  void saveWritesTheFileAndRemembersTheProject() throws Exception {
    open();
    Fixtures.await(workbench.submit(new Edits.SetTrackMute("pad", true)));
    Path elsewhere = temp.resolve("saved-as");
    WorkbenchState saved = Fixtures.await(workbench.save(elsewhere));
    assertFalse(saved.dirty());
    assertEquals(elsewhere.resolve("project.json"), saved.file());
    assertTrue(Files.readString(elsewhere.resolve("project.json")).contains("\"mute\" : true"));
    assertEquals(elsewhere, workbench.recentProjects().getFirst());
    assertTrue(Files.readString(temp.resolve("home/ui/recent-projects.txt")).startsWith(elsewhere + "\n"));
    assertTrue(log.stream().anyMatch(l -> l.startsWith("Saved ")), log.toString());
    // A new workbench reads the list back.
    workbench.close();
    workbench = Fixtures.workbench(temp.resolve("home"), log);
    assertEquals(elsewhere, workbench.recentProjects().getFirst());
  }

  @Test
  void newProjectIsEmptyAndHasNoFileToSaveTo() throws Exception {
    open();
    WorkbenchState fresh = Fixtures.await(workbench.newProject());
    assertEquals("Untitled", fresh.project().name());
    assertNull(fresh.file());
    assertThrows(ExecutionException.class, () -> Fixtures.await(workbench.save(null)));
    assertTrue(workbench.state().message().contains("Save As"), workbench.state().message());
  }

  @Test
  void playbackFollowsMixParameterAndStructureEditsLive() throws Exception {
    open();
    WorkbenchState playing = Fixtures.await(workbench.play());
    assertTrue(playing.playing());
    waitFor("the playhead to move", () -> workbench.telemetry().playheadFrame() > 24_000);
    Telemetry t = workbench.telemetry();
    assertTrue(t.running());
    assertEquals("null", t.driver());
    assertEquals(48_000, t.sampleRate());
    assertEquals(256, t.blockSize());
    TapBuffer master = workbench.tap("master").orElseThrow();
    TapBuffer bass = workbench.tap("bass").orElseThrow();
    waitFor("sound on the master", () -> peak(master) > 0.01);
    waitFor("sound on the bass track", () -> peak(bass) > 0.01);

    // Structure: a new LFO cabled to the bass filter. The plan is recompiled; the old one is
    // closed once the engine has moved on; playback goes on.
    Fixtures.await(workbench.submit(new Edits.AddNode("lfo", "org.patchwork.dsp.lfo")));
    Fixtures.await(workbench.submit(new Edits.Connect("lfo.out", "bass-synth.cutoff_cv")));
    assertTrue(workbench.state().project().graph().connections().contains(new Connection("lfo.out", "bass-synth.cutoff_cv")));
    waitFor("the superseded plans to be closed", () -> workbench.live().openPlans() == 1);
    long head = workbench.telemetry().playheadFrame();
    waitFor("the playhead to keep moving", () -> workbench.telemetry().playheadFrame() > head + 4800);
    assertTrue(workbench.state().playing());

    // Mix: the master fader down to silence; the glide takes one block.
    Fixtures.await(workbench.submit(new Edits.SetMasterGain(Levels.SILENCE_DB)));
    waitFor("a silent master", () -> peak(master) == 0f);

    WorkbenchState stopped = Fixtures.await(workbench.stop());
    assertFalse(stopped.playing());
    assertFalse(workbench.telemetry().running());
    assertTrue(workbench.tap("master").isEmpty());
    assertTrue(log.contains("Playing through null") || log.stream().anyMatch(l -> l.startsWith("Playing through")), log.toString());
  }

  @Test
  void aTrackerSongPlaysThroughTheSequencerAndStopsAtItsEnd() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("song"));
    Files.writeString(folder.resolve("project.json"), """
        {"formatVersion": 1, "name": "one note", "sampleRate": 48000, "tempo": 120,
         "nodes": [{"id": "osc", "module": "org.patchwork.dsp.sine", "params": {}}],
         "tracks": [{"id": "lead", "chain": ["osc"]}],
         "song": {"bpm": 120, "linesPerBeat": 4, "ticksPerLine": 6,
           "instruments": [{"name": "Lead", "output": "lead"}],
           "tracks": [{"name": "Lead", "output": "lead"}],
           "patterns": [{"length": 8, "tracks": [[{"line": 0, "notes": [{"note": "A-4"}]},
                                                  {"line": 4, "notes": [{"note": "OFF"}]}]]}],
           "order": [0]}}
        """);
    workbench = Fixtures.workbench(temp.resolve("home"), log);
    Fixtures.await(workbench.open(folder));
    Fixtures.await(workbench.play());
    TapBuffer lead = workbench.tap("lead").orElseThrow();
    waitFor("the song's note on the lead track", () -> peak(lead) > 0.05);
    // Eight lines at four a beat and 120 bpm: one second, then the two-second tail.
    waitFor("the end of the song", () -> !workbench.state().playing());
    assertTrue(workbench.telemetry().playheadFrame() == 0 || !workbench.telemetry().running());
  }

  /** Peak of the newest 2048 frames of a tap. */
  private static float peak(TapBuffer tap) {
    float[] l = new float[2048];
    float[] r = new float[2048];
    int n = tap.read(tap.written() - 2048, l, r);
    float[] pr = new float[2];
    Levels.measure(l, n, pr);
    float left = pr[0];
    Levels.measure(r, n, pr);
    return n < 2048 ? -1 : Math.max(left, pr[0]);
  }

  private static void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
