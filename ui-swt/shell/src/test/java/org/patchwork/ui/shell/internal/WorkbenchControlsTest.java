package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.controllers.ParameterRange;
import org.patchwork.engine.Track;
import org.patchwork.sdk.testkit.Signals;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.ui.shell.SongEdit;
import org.patchwork.ui.shell.TapBuffer;
import org.patchwork.ui.shell.WorkbenchState;
import org.patchwork.ui.shell.widgets.ValueScale;

/**
 * A controller's inputs (what the controllers bundle's mappings send to its backend) acting on
 * the real workbench and its live session, through the null driver's real-time clock.
 */
class WorkbenchControlsTest {

  /** Two tracks; the only note of the project comes after 50 s, so the session keeps playing. */
  private static final String PROJECT = """
      {"formatVersion": 1, "name": "Controllers", "sampleRate": 48000, "tempo": 120,
       "nodes": [
         {"id": "keys-synth", "module": "org.patchwork.dsp.subtractive", "params": {"voices": 4, "wave": 0,
          "cutoff": 3000, "resonance": 0.7, "lfo_depth": 0, "attack": 1, "decay": 50, "sustain": 1,
          "release": 10, "gain": 0.5}},
         {"id": "pad-synth", "module": "org.patchwork.dsp.subtractive", "params": {"voices": 2}}],
       "connections": [],
       "tracks": [{"id": "keys", "chain": ["keys-synth"], "gainDb": 0, "pan": 0},
                  {"id": "pad", "chain": ["pad-synth"], "gainDb": -6, "pan": 0}],
       "buses": [], "master": {"chain": [], "gainDb": 0},
       "notes": [{"track": "pad", "key": 40, "velocity": 0.5, "start": 100, "length": 1}]}
      """;
  private static final double RATE = 48_000;

  @TempDir
  Path temp;

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  private WorkbenchService workbench;
  private WorkbenchControls controls;

  @AfterEach
  void close() {
    if (controls != null) {
      controls.close();
    }
    if (workbench != null) {
      workbench.close();
    }
  }

  private void open() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("song"));
    Files.writeString(folder.resolve("project.json"), PROJECT);
    workbench = Fixtures.workbench(temp.resolve("home"), log);
    Fixtures.await(workbench.open(folder));
    controls = new WorkbenchControls(workbench, warnings::add);
  }

  @Test
  void aLiveNoteSoundsAtItsFrameWithItsPitchAndStopsWhenReleased() throws Exception {
    open();
    assertEquals(-1, controls.frameOf(System.nanoTime()), "no session before play");
    controls.play(-1);
    waitFor("the session to play", () -> workbench.live() != null && workbench.live().frame() > 24_000);
    long on = controls.frameOf(System.nanoTime());
    long latency = WorkbenchControls.latencyFrames(256);
    assertTrue(on >= workbench.live().frame() && on <= workbench.live().frame() + latency + 4_800,
        "the input plays a constant latency ahead: " + on + " at engine frame " + workbench.live().frame());
    controls.noteOn(on, 0, 69, 1.0);
    TapBuffer master = workbench.tap("master").orElseThrow();
    long from = on - 2048;
    float[] l = played(master, from, 8192);
    assertTrue(Signals.peak(java.util.Arrays.copyOf(l, 2048)) < 1e-6, "silence before the note");
    int onset = Signals.onset(l, 1e-3);
    System.out.println("WorkbenchControlsTest: note at frame " + on + ", onset at " + (from + onset));
    assertEquals(on, from + onset, 2, "the onset is at the note's frame");
    float[] tone = java.util.Arrays.copyOfRange(l, 2048 + 480, 2048 + 480 + 4800);
    assertEquals(440, Signals.peakFrequency(tone, RATE), 2, "A4 was played");

    long off = controls.frameOf(System.nanoTime());
    controls.noteOff(off, 0, 69);
    float[] after = played(master, off + 4800, 4096);
    assertTrue(Signals.peak(after) < 1e-4, "silent 100 ms after the release: " + Signals.peak(after));
    assertEquals(0, workbench.live().droppedNotes());

    controls.stop(-1);
    waitFor("the transport to stop", () -> !workbench.state().playing());
    assertEquals(Boolean.FALSE, controls.playing());
    assertEquals(-1, controls.frameOf(System.nanoTime()));
    assertNull(workbench.live());
    assertTrue(warnings.isEmpty(), warnings.toString());
  }

  @Test
  void withTheTransportStoppedAKeyboardIsStillHeardAndPlayTakesOver() throws Exception {
    open();
    controls.noteOn(-1, 0, 69, 1.0);
    LiveSession monitor = workbench.live();
    assertTrue(monitor != null && monitor.monitor(), "the first note started a session for live input");
    assertFalse(workbench.state().playing(), "the transport stays stopped");
    assertFalse(controls.playing());
    TapBuffer master = workbench.tap("master").orElseThrow();
    long from = 12_000;
    float[] tone = played(master, from, 9_600);
    assertEquals(440, Signals.peakFrequency(java.util.Arrays.copyOfRange(tone, 4_800, 9_600), RATE), 2,
        "the note is heard");
    assertTrue(log.contains("Monitoring live input through null"), log.toString());
    // Nothing of the song plays meanwhile: after the release the session is silent.
    controls.noteOff(-1, 0, 69);
    long off = monitor.frame();
    float[] after = played(master, off + 9_600, 4_096);
    assertTrue(Signals.peak(after) < 1e-4, "silent after the release: " + Signals.peak(after));

    controls.play(-1);
    waitFor("the song to play", () -> workbench.state().playing() && workbench.live() != monitor);
    assertFalse(workbench.live().monitor());
    controls.stop(-1);
    waitFor("everything to stop", () -> workbench.live() == null);
    assertTrue(warnings.isEmpty(), warnings.toString());
  }

  @Test
  void fadersKnobsAndTempoBecomeEditsTheWindowShows() throws Exception {
    open();
    controls.trackMute(-1, 1, true);
    controls.trackVolume(-1, 1, 0.5);
    controls.trackPan(-1, 0, -2);  // clamped
    controls.parameter(-1, "keys-synth", "cutoff", 1234);
    controls.tempo(-1, 90);
    waitFor("the edits", () -> workbench.state().project().tempo() == 90);
    WorkbenchState s = workbench.state();
    Track pad = s.project().graph().tracks().get(1);
    assertTrue(pad.mute());
    assertEquals(ValueScale.decibels(6).value(0.5), pad.gainDb(), 1e-9, "the on-screen fader's law");
    assertEquals(-1, s.project().graph().tracks().get(0).pan());
    assertEquals(1234, s.project().graph().node("keys-synth").orElseThrow().params().get("cutoff"));
    assertEquals(List.of("Mute pad", "Set pad gain to " + org.patchwork.ui.shell.Levels.format(pad.gainDb()),
        "Set keys pan to -1.00", "Set keys-synth.cutoff to 1234", "Set tempo to 90.00 bpm"),
        workbench.journal().entries().stream().map(e -> e.label()).toList());

    ParameterRange range = controls.range("keys-synth", "cutoff");
    controls.parameter(-1, "keys-synth", "cutoff", 1e9);
    waitFor("the clamped knob", () -> workbench.state().project().graph().node("keys-synth").orElseThrow()
        .params().get("cutoff") == range.max());
    assertNull(controls.range("keys-synth", "nothing"));

    controls.trackMute(-1, 7, true);
    controls.parameter(-1, "nowhere", "cutoff", 1);
    controls.parameter(-1, "nowhere", "cutoff", 2);
    assertEquals(List.of("controllers: a control for track 8, which the project does not have",
        "controllers: no parameter nowhere.cutoff in the open project"), warnings, "each problem said once");
    assertFalse(workbench.state().playing());
  }

  /**
   * The master output from engine frame {@code from}, at least {@code frames} of it: waits until
   * the session has played that far, then reads at once (the tap gives the newest frames when
   * more are available than asked for, so the read must come before 16,384 more are played).
   */
  private static float[] played(TapBuffer tap, long from, int frames) throws InterruptedException {
    waitFor("the session to play to frame " + (from + frames), () -> tap.written() >= from + frames);
    float[] l = new float[TapBuffer.CAPACITY / 2];
    float[] r = new float[TapBuffer.CAPACITY / 2];
    int n = tap.read(from, l, r);
    // Fewer than the array holds: the read began at {@code from}, not at a later frame.
    assertTrue(n >= frames && n < l.length, "read " + n + " frames from " + from);
    return java.util.Arrays.copyOf(l, frames);
  }

  /** Two song tracks (keys, pad) and one 64-line pattern played twice: 120 bpm, 4 lines a beat, 6000 frames a line. */
  private static final String SONG = """
      {"formatVersion": 1, "name": "Recording", "sampleRate": 48000, "tempo": 120,
       "nodes": [
         {"id": "keys-synth", "module": "org.patchwork.dsp.subtractive", "params": {"voices": 4}},
         {"id": "pad-synth", "module": "org.patchwork.dsp.subtractive", "params": {"voices": 2}}],
       "connections": [],
       "tracks": [{"id": "keys", "chain": ["keys-synth"]}, {"id": "pad", "chain": ["pad-synth"]}],
       "buses": [], "master": {"chain": [], "gainDb": 0},
       "song": {"bpm": 120, "linesPerBeat": 4, "ticksPerLine": 6,
         "instruments": [{"name": "Keys", "output": "keys"}, {"name": "Pad", "output": "pad"}],
         "tracks": [{"name": "Keys", "output": "keys"}, {"name": "Pad", "output": "pad"}],
         "patterns": [{"length": 64, "tracks": [[{"line": 60, "notes": [{"note": "C-3"}]}], []]}],
         "order": [0, 0]}}
      """;

  @Test
  void armedRecordingWritesPlayedNotesIntoTheSongAtTheirLinesAndUndoTakesThemBack() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("recorded"));
    Files.writeString(folder.resolve("project.json"), SONG);
    workbench = Fixtures.workbench(temp.resolve("home"), log);
    Fixtures.await(workbench.open(folder));
    controls = new WorkbenchControls(workbench, warnings::add);
    controls.command(-1, "transport.record", 1); // a controller's record button
    assertTrue(controls.recording());
    waitFor("the status line to say so", () -> workbench.state().message().startsWith("Recording: notes played"));
    controls.play(-1);
    waitFor("the song to play", () -> workbench.live() != null && workbench.live().frame() > 6_000);

    // a line is 6000 frames: a note a third into a line is written there; one two thirds in, at
    // the next line; its release three lines later writes a note-off at that line
    long line = (controls.frameOf(System.nanoTime()) + 12_000) / 6_000;
    controls.noteOn(line * 6_000 + 2_000, 0, 69, 0.5); // keys, A-4, volume 64
    controls.noteOn(line * 6_000 + 4_000, 1, 52, 1.0); // pad, E-3 a line later, volume 128
    controls.noteOff((line + 3) * 6_000 + 1_000, 0, 69);
    waitFor("the notes in the song", () -> cell(0, (int) line + 3).equals(NoteCell.off()));
    assertEquals(NoteCell.of(69).withVolume(64), cell(0, (int) line), "keys at line " + line);
    assertEquals(NoteCell.of(52).withVolume(128), cell(1, (int) line + 1), "pad a line later");
    assertTrue(cell(0, 60).isNote(), "the song's own note is kept");
    assertTrue(workbench.state().dirty());

    // the take, played within moments, is one step of the journal
    Fixtures.await(workbench.undo());
    assertTrue(cell(0, (int) line).isEmpty() && cell(1, (int) line + 1).isEmpty() && cell(0, (int) line + 3).isEmpty(),
        "one undo takes the take back");

    controls.command(-1, "transport.record", 1);
    assertFalse(controls.recording());
    controls.noteOn(controls.frameOf(System.nanoTime()) + 6_000, 0, 72, 1.0);
    Thread.sleep(300);
    assertFalse(SongEdit.song(workbench.state().project()).patterns().get(0).tracks().stream()
        .flatMap(List::stream).anyMatch(l -> l.note(0).key() == 72), "disarmed: nothing written");
    assertTrue(log.contains("Recording off"), log.toString());
    assertTrue(warnings.isEmpty(), warnings.toString());
  }

  /** The first note cell of song track {@code track} at {@code line} of pattern 0. */
  private NoteCell cell(int track, int line) {
    return SongEdit.song(workbench.state().project()).patterns().get(0).line(track, line).note(0);
  }

  private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
