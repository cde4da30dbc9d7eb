package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;
import org.patchwork.dsp.oscillators.internal.SineFactory;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.marketplace.Progress;
import org.patchwork.marketplace.internal.TestHost;
import org.patchwork.marketplace.internal.TestRepository;
import org.patchwork.repository.Keys;
import org.patchwork.ui.market.internal.MarketPanel;
import org.patchwork.ui.testkit.Screenshots;
import org.patchwork.ui.testkit.SwtRobot;
import org.patchwork.ui.testkit.Xvfb;

/**
 * The marketplace panel in a real (virtual) display, driven through X like a user: a real
 * workbench model, the real marketplace service over an embedded framework with Declarative
 * Services, and a repository published with the publishing tool and served over HTTP on
 * loopback. Lives in the shell's package to build the workbench model.
 */
@ExtendWith(Xvfb.class)
class MarketPanelUiTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String GAIN = TestRepository.GAIN;
  private static final String SHAPERS = "org.example.shapers";
  private static final String SAMPLES = "org.example.samples";

  @TempDir
  Path tmp;

  private TestHost host;
  private TestRepository repo;
  private Display display;
  private WorkbenchService workbench;
  private Shell shell;
  private SwtRobot robot;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void open() throws Exception {
    host = new TestHost(tmp.resolve("host"), tmp.resolve("home"), true);
    repo = new TestRepository(tmp.resolve("repo"), host.context());
    repo.publish(repo.gain("1.0.0"), repo.library(SHAPERS, "1.0.0", "Wave shaping curves for modules."),
        repo.heavyLibrary(SAMPLES, "1.0.0", 900_000));
    repo.publish(repo.gain("1.1.0"));
    host.market("add-repo", repo.url(), "--key", repo.publicKey().toString(), "--name", "community");

    display = DisplaySetup.open(tmp.resolve("home"), "dark");
    workbench = new WorkbenchService(ModuleRegistry.of(new SineFactory()),
        new WorkbenchService.Settings(tmp.resolve("home"), null, "null", 256), log::add);
    shell = new Shell(display);
    shell.setText("Patchwork marketplace");
    shell.setLayout(new FillLayout());
    new MarketPanel(workbench, host.marketplace()).create(shell);
    shell.setBounds(0, 0, 1280, 760);
    shell.open();
    robot = new SwtRobot(display);
    robot.activate(shell);
    robot.waitUntil("the catalogue is listed", WAIT, () -> results().getItemCount() == 3);
  }

  @AfterEach
  void close() throws Exception {
    shell.dispose();
    display.dispose();
    workbench.close();
    repo.close();
    host.close();
  }

  private <T extends Control> T find(String id, Class<T> type) {
    Control c = find(shell, id);
    if (c == null) {
      throw new AssertionError("no control " + id);
    }
    return type.cast(c);
  }

  private static Control find(Control c, String id) {
    if (id.equals(c.getData("patchwork.test.id"))) {
      return c;
    }
    if (c instanceof Composite comp) {
      for (Control child : comp.getChildren()) {
        Control hit = find(child, id);
        if (hit != null) {
          return hit;
        }
      }
    }
    return null;
  }

  private Table results() {
    return find("market.results", Table.class);
  }

  private String status() {
    return find("market.status", Label.class).getText();
  }

  /** Types {@code text} in the search field and waits for one result whose name has {@code name}. */
  private void searchFor(String text, String name) {
    Text search = find("market.search", Text.class);
    robot.click(search, search.getSize().x / 2, search.getSize().y / 2);
    robot.key("ctrl+a");
    robot.type(text);
    robot.waitUntil("'" + text + "' finds " + name, WAIT, () -> results().getItemCount() == 1
        && results().getItem(0).getText(0).contains(name));
  }

  /** Clicks the first result and waits for its details. */
  private void selectFirst(String detailsContain) {
    Rectangle row = results().getItem(0).getBounds();
    robot.click(results(), row.x + row.width / 4, row.y + row.height / 2);
    robot.waitUntil("details showing '" + detailsContain + "'", WAIT,
        () -> find("market.details", Text.class).getText().contains(detailsContain));
  }

  private void press(String button) {
    Button b = find(button, Button.class);
    robot.waitUntil(button + " enabled", WAIT, b::isEnabled);
    robot.click(b, b.getSize().x / 2, b.getSize().y / 2);
  }

  private void awaitStatus(String text) {
    robot.waitUntil("the status '" + text + "'", WAIT, () -> status().equals(text));
  }

  @Test
  void enterInstallsTheSelectedBundleWhileTheProgressBarRises() throws Exception {
    searchFor("samples", SAMPLES);
    String key = Keys.shortName(Keys.fingerprint(Keys.readPublic(repo.publicKey())));
    selectFirst("Publisher key: " + key);
    assertTrue(find("market.install", Button.class).isEnabled());
    assertFalse(find("market.remove", Button.class).isEnabled());

    repo.slowJarDownloads(Duration.ofMillis(60));
    robot.key("Return");
    ProgressBar bar = find("market.progress", ProgressBar.class);
    List<Integer> positions = new ArrayList<>();
    long end = System.nanoTime() + WAIT.toNanos();
    while (!status().startsWith("installed ") && System.nanoTime() < end) {
      if (!display.readAndDispatch()) {
        Thread.sleep(5);
      }
      if (bar.isVisible() && (positions.isEmpty() || positions.getLast() != bar.getSelection())) {
        positions.add(bar.getSelection());
      }
    }
    assertEquals("installed " + SAMPLES + " 1.0.0", status());
    System.out.println("MarketPanelUiTest: progress bar positions " + positions);
    assertTrue(positions.size() >= 5, "the bar moved through several positions: " + positions);
    for (int i = 1; i < positions.size(); i++) {
      assertTrue(positions.get(i) > positions.get(i - 1), "the bar only rises: " + positions);
    }
    assertTrue(positions.getLast() >= 900, "it ends near full: " + positions);
    robot.waitUntil("the row says installed", WAIT, () -> results().getItem(0).getText(3).equals("installed 1.0.0"));
    assertFalse(bar.isVisible(), "the bar goes when the command is done");
    assertFalse(find("market.install", Button.class).isEnabled());
    assertTrue(find("market.remove", Button.class).isEnabled());
    assertEquals(Version.parseVersion("1.0.0"), host.installed(SAMPLES).getVersion());
  }

  @Test
  void aTamperedBundlesRefusalIsShownVerbatimAndNothingIsInstalled() throws Exception {
    Path jar = repo.jar(SHAPERS, "1.0.0");
    byte[] bytes = Files.readAllBytes(jar);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(jar, bytes);
    searchFor("shaping", SHAPERS);
    selectFirst("Wave shaping curves");
    press("market.install");
    robot.waitUntil("the refusal", WAIT, () -> status().endsWith("nothing was installed"));
    String shown = status();
    assertEquals(host.marketplace().install(SHAPERS, null, Progress.NONE).message(), shown,
        "the panel shows the marketplace's own words");
    assertTrue(shown.contains("does not match the catalogue's"), shown);
    robot.run(200);
    Label label = find("market.status", Label.class);
    assertTrue(label.getSize().y >= 2 * label.computeSize(Integer.MAX_VALUE, -1).y - 2,
        "the long refusal wraps over lines instead of being cut: " + label.getSize());
    Screenshots.save(shell, Path.of("target/screenshots/market-refusal.png"));
    assertNull(host.installed(SHAPERS));
    assertEquals("", results().getItem(0).getText(3));
  }

  @Test
  void aProjectWithAMissingModuleOffersTheExactVersionsOfItsLockfile() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("songs/echoes"));
    Files.writeString(project.resolve("project.json"), """
        {"formatVersion": 2, "name": "Echoes", "sampleRate": 48000, "tempo": 120,
         "nodes": [{"id": "amp", "module": "%s", "params": {}}],
         "samples": [], "automation": [],
         "lockfile": [{"module": "%s", "bundle": "%s", "version": "1.0.0", "sha256": "%s", "hashOf": "jar"}]}
        """.formatted(TestRepository.GAIN_MODULE, TestRepository.GAIN_MODULE, GAIN, repo.sha256(GAIN, "1.0.0")));
    var opening = workbench.open(project).toCompletableFuture();
    robot.waitUntil("the workbench refuses the project", WAIT, opening::isDone);
    assertTrue(opening.isCompletedExceptionally(), "the workbench cannot play a module it does not have");

    Composite banner = find("market.banner", Composite.class);
    robot.waitUntil("the banner", WAIT, banner::isVisible);
    assertEquals("This project needs 1 module that is not installed: " + TestRepository.GAIN_MODULE + " (" + GAIN
        + " 1.0.0)", find("market.banner.text", Label.class).getText());
    searchFor("gain", "Patchwork example: Gain");
    selectFirst("modules: " + TestRepository.GAIN_MODULE);
    robot.run(300);
    Path png = Path.of("target/screenshots/market.png");
    ImageData picture = Screenshots.save(shell, png);
    int colours = Screenshots.colours(picture);
    assertTrue(colours > 20, "the screenshot shows the panel, " + colours + " colours");

    press("market.banner.install");
    robot.waitUntil("the banner goes once the module runs", WAIT, () -> !banner.isVisible());
    assertEquals("installed " + GAIN + " 1.0.0; open " + project + " again to play it", status());
    assertEquals(new Version(1, 0, 0), host.installed(GAIN).getVersion(), "the locked version, though 1.1.0 is out");
    robot.waitUntil("the row offers the update", WAIT,
        () -> results().getItem(0).getText(3).equals("update 1.0.0 \u2192 1.1.0"));

    press("market.update");
    awaitStatus("updated " + GAIN + " 1.1.0");
    press("market.rollback");
    awaitStatus("rolled back " + GAIN + " from 1.1.0 to 1.0.0");
    press("market.remove");
    awaitStatus("removed " + GAIN + " 1.0.0 (its publisher key stays pinned)");
    assertNull(host.installed(GAIN));
    robot.waitUntil("the banner is back: the module is missing again", WAIT, banner::isVisible);
  }
}
