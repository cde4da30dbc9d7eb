package org.patchwork.ui.shell.internal;

import java.nio.file.Path;
import org.patchwork.dsp.dynamics.internal.LimiterFactory;
import org.patchwork.dsp.dynamics.internal.WaveshaperFactory;
import org.patchwork.dsp.effects.internal.ChorusFactory;
import org.patchwork.dsp.effects.internal.DelayFactory;
import org.patchwork.dsp.effects.internal.ReverbFactory;
import org.patchwork.dsp.filters.internal.SvfFactory;
import org.patchwork.dsp.fm.internal.Fm6Factory;
import org.patchwork.dsp.oscillators.internal.SubtractiveFactory;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.ui.tracker.internal.TrackerPanel;

/** The real workbench window with the tracker panel (the shell's {@link PanelWindow}), and the songs it opens. */
final class TrackerWindow {

  /** The distribution's tracker demo: 73 s, eight tracks, nine order entries. */
  static final Path DEMO = Path.of("../../distribution/src/dist/demo/demo-song/project.json");
  /** A project in notes, without a song. */
  static final Path NOTES = Path.of("src/test/resources/notes-song/project.json");

  private TrackerWindow() {
  }

  /** A copy of {@code projectJson} open in the window, the tracker in front. */
  static PanelWindow open(Path temp, Path projectJson) throws Exception {
    return new PanelWindow(temp, projectJson, registry(), TrackerPanel::new);
  }

  /** The modules of the demo song. */
  static ModuleRegistry registry() {
    return ModuleRegistry.of(new SubtractiveFactory(), new Fm6Factory(), new SvfFactory(), new ChorusFactory(),
        new DelayFactory(), new ReverbFactory(), new LimiterFactory(), new WaveshaperFactory());
  }
}
