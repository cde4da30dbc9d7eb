package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.SampleSetFormat;
import org.patchwork.dsp.sampler.data.Zone;
import org.patchwork.dsp.sampler.internal.SamplerFactory;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.engine.Track;
import org.patchwork.ui.sampleeditor.internal.SampleEditorPanel;
import org.patchwork.ui.shell.JournalEntry;
import org.patchwork.ui.testkit.Screenshots;
import org.patchwork.ui.testkit.Xvfb;

/**
 * The sample editor in the real workbench window, driven through the X server: a project whose
 * sampler holds a generated 0.5-amplitude sine; Normalize, undo, a drag selection trimmed, a
 * loop made from a selection and its end marker dragged; then a project without a sampler.
 * Every step is checked in the node's decoded state and in the journal.
 */
@ExtendWith(Xvfb.class)
class SampleEditorWindowTest {

  private static final int FRAMES = 24_000;
  private static final Pattern FRAMES_LABEL = Pattern.compile("frames (\\d+)\\.\\.(\\d+)");

  @TempDir
  Path temp;

  @Test
  void normalizeTrimAndLoopEditTheSamplersStateOneUndoableEntryEach() throws Exception {
    float[] sine = new float[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
      sine[i] = (float) (0.5 * Math.sin(2 * Math.PI * 220 * i / 48_000.0));
    }
    Sample original = new Sample(48_000, sine);
    byte[] state = SampleSetFormat.encode(SampleSet.of(original, 57));
    Project project = new Project("Sampler test", 48_000, 120, Graph.of(
        List.of(new Node("smp", "org.patchwork.dsp.sampler", java.util.Map.of(), state)), List.of(),
        List.of(Track.of("keys", "smp"))), List.of());

    try (PanelWindow w = new PanelWindow(temp, project, SampleEditorPanel::new, new SamplerFactory())) {
      Label info = w.find("sample.info", Label.class);
      w.robot.waitUntil("the sample described", Duration.ofSeconds(5), () -> info.getText().contains("24000 frames"));
      assertTrue(info.getText().contains("peak -6.0 dBFS"), info.getText());
      Canvas wave = w.find("sample.wave", Canvas.class);
      // Normalize the whole sample: peak 1.0, one factor for every frame, one journal entry.
      w.click(w.find("sample.normalize", Button.class));
      w.robot.waitUntil("the sampler's sample normalized", Duration.ofSeconds(10), () -> peak(sample(w)) > 0.99);
      Sample normalized = sample(w);
      assertEquals(1.0, peak(normalized), 1e-6);
      double gain = 1 / peak(original);
      for (int i = 0; i < FRAMES; i += 7) {
        assertEquals(original.value(0, i) * gain, normalized.value(0, i), 1e-6);
      }
      assertEquals(List.of("Normalize smp sample 1 (frames 0..24000)"), labels(w));

      // Ctrl+Z gives back the exact bytes.
      w.robot.key("ctrl+z");
      w.robot.waitUntil("the normalize undone", Duration.ofSeconds(5), () -> peak(sample(w)) < 0.6);
      assertArrayEquals(state, w.workbench.state().project().graph().node("smp").orElseThrow().state());
      assertEquals(0, w.workbench.journal().entries().size());

      // Drag from a quarter to three quarters, Trim: exactly the selected frames remain.
      IntUnaryOperator x = frameX(wave);
      int y = wave.getSize().y / 2;
      w.robot.drag(wave, new Point(x.applyAsInt(FRAMES / 4), y), new Point(x.applyAsInt(3 * FRAMES / 4), y));
      w.robot.waitUntil("a selection", Duration.ofSeconds(5), () -> info.getText().contains("selection"));
      w.click(w.find("sample.trim", Button.class));
      w.robot.waitUntil("the sample trimmed", Duration.ofSeconds(10), () -> sample(w).frames() < FRAMES);
      int[] kept = frames(w.workbench.journal().entries().getLast().label());
      assertEquals(FRAMES / 4, kept[0], FRAMES / 100.0, "the drag started a quarter in");
      assertEquals(3 * FRAMES / 4, kept[1], FRAMES / 100.0, "and ended three quarters in");
      Sample trimmed = sample(w);
      assertEquals(kept[1] - kept[0], trimmed.frames());
      for (int i = 0; i < trimmed.frames(); i++) {
        assertEquals(original.value(0, kept[0] + i), trimmed.value(0, i), 0f);
      }

      // + zooms in about the middle (the sample's end leaves the view), 0 shows it all again.
      int n0 = trimmed.frames();
      int width = wave.getClientArea().width;
      w.robot.click(wave, 10, y);
      w.robot.key("plus");
      w.robot.waitUntil("zoomed in", Duration.ofSeconds(5), () -> x.applyAsInt(n0) > width + 10);
      assertEquals(width / 2.0, (x.applyAsInt(n0) + x.applyAsInt(0)) / 2.0, 2, "about the middle");
      w.robot.key("0");
      w.robot.waitUntil("all in view", Duration.ofSeconds(5), () -> Math.abs(x.applyAsInt(n0) - width) <= 1);

      // Select the middle half of what is left and loop it; drag the loop's end marker to the end.
      int n = trimmed.frames();
      w.robot.drag(wave, new Point(x.applyAsInt(n / 4), y), new Point(x.applyAsInt(3 * n / 4), y));
      w.click(w.find("sample.loopSelection", Button.class));
      w.robot.waitUntil("a loop", Duration.ofSeconds(10), () -> zone(w).loop() == Zone.Loop.FORWARD);
      Zone looped = zone(w);
      assertEquals(n / 4, looped.loopStart(), n / 100.0);
      assertEquals(3 * n / 4, looped.loopEnd(), n / 100.0);
      int entries = w.workbench.journal().entries().size();
      w.robot.drag(wave, new Point(x.applyAsInt(looped.loopEnd()), y), new Point(wave.getSize().x + 50, y));
      w.robot.waitUntil("the loop end at the sample's end", Duration.ofSeconds(10), () -> zone(w).loopEnd() == n);
      assertEquals(looped.loopStart(), zone(w).loopStart());
      assertEquals(entries + 1, w.workbench.journal().entries().size(), "one marker drag, one journal entry");

      // The picture for the user guide: a trimmed sample with a selection and a loop.
      ImageData shot = Screenshots.save(w.window.panels().frame(SampleEditorPanel.ID),
          Path.of("target/screenshots/sample-editor.png"));
      int colours = Screenshots.colours(shot);
      assertTrue(colours > 8, "the panel is drawn, not blank: " + colours + " colours");

      // A project without a sampler: the panel says so and adds one.
      w.await(w.workbench.newProject());
      w.robot.waitUntil("the no-sampler message", Duration.ofSeconds(5),
          () -> String.valueOf(wave.getData("patchwork.test.message")).contains("no Sampler"));
      Button add = w.find("sample.addSampler", Button.class);
      assertTrue(add.isEnabled());
      assertTrue(!w.find("sample.normalize", Button.class).isEnabled(), "nothing to normalize");
      w.click(add);
      w.robot.waitUntil("a sampler added", Duration.ofSeconds(5),
          () -> w.workbench.state().project().graph().node("sampler").isPresent());
      w.robot.waitUntil("its built-in set explained", Duration.ofSeconds(5),
          () -> String.valueOf(wave.getData("patchwork.test.message")).contains("built-in"));
      assertTrue(w.find("sample.load", Button.class).isEnabled(), "a WAV can be loaded into it");
    }
  }

  private static IntUnaryOperator frameX(Canvas wave) {
    Object f = wave.getData("patchwork.test.frameX");
    assertNotNull(f, "the waveform maps frames to pixels for tests");
    return (IntUnaryOperator) f;
  }

  private static SampleSet set(PanelWindow w) {
    return SampleSetFormat.decode(w.workbench.state().project().graph().node("smp").orElseThrow().state());
  }

  private static Sample sample(PanelWindow w) {
    return set(w).samples().getFirst();
  }

  private static Zone zone(PanelWindow w) {
    return set(w).zones().getFirst();
  }

  private static double peak(Sample s) {
    double p = 0;
    for (int i = 0; i < s.frames(); i++) {
      p = Math.max(p, Math.abs(s.value(0, i)));
    }
    return p;
  }

  private static List<String> labels(PanelWindow w) {
    return w.workbench.journal().entries().stream().map(JournalEntry::label).toList();
  }

  private static int[] frames(String label) {
    Matcher m = FRAMES_LABEL.matcher(label);
    assertTrue(m.find(), label);
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }
}
