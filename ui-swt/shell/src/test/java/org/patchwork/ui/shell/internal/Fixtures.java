package org.patchwork.ui.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.patchwork.dsp.filters.internal.OnePoleFactory;
import org.patchwork.dsp.modulators.internal.LfoFactory;
import org.patchwork.dsp.oscillators.internal.SineFactory;
import org.patchwork.dsp.oscillators.internal.SubtractiveFactory;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.ui.shell.WorkbenchState;

/** The demo song and the modules it needs, for tests. */
final class Fixtures {

  /** A song in notes (no tracker song), kept here so the tests do not follow the demo's changes. */
  static final Path DEMO = Path.of("src/test/resources/test-song/project.json");

  private Fixtures() {
  }

  static ModuleRegistry registry() {
    return ModuleRegistry.of(new SubtractiveFactory(), new SineFactory(), new OnePoleFactory(), new LfoFactory());
  }

  /** A copy of the demo song in {@code dir}/demo, to edit and save freely. */
  static Path demoCopy(Path dir) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("demo"));
    Files.copy(DEMO, folder.resolve("project.json"));
    return folder;
  }

  static WorkbenchService workbench(Path home, java.util.List<String> log) {
    return new WorkbenchService(registry(), new WorkbenchService.Settings(home, null, "null", 256), log::add);
  }

  static WorkbenchState await(CompletionStage<WorkbenchState> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static void sleep(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }
}
