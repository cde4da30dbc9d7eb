package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.engine.Connection;
import org.patchwork.engine.Project;
import org.patchwork.engine.Session;
import org.patchwork.ui.shell.Edits;
import org.patchwork.ui.shell.JournalEntry;
import org.patchwork.ui.shell.WorkbenchState;
import org.patchwork.ui.shell.widgets.Fader;
import org.patchwork.ui.shell.widgets.LevelMeter;
import org.patchwork.ui.testkit.Xvfb;

/**
 * The workbench window driven like a user drives it, under Xvfb: keys and pointer events go
 * through the X server (XTEST) into GTK and the widgets. Each step checks the model the window
 * edited, the journal that recorded it, and the sound: live through the audio taps and offline
 * by rendering the edited project with the real engine.
 */
@ExtendWith(Xvfb.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchUiTest {

  @TempDir
  static Path temp;

  private static Window w;
  private static Project original;

  @BeforeAll
  static void open() throws Exception {
    w = new Window(temp);
    original = w.workbench.state().project();
  }

  @AfterAll
  static void close() {
    if (w != null) {
      w.close();
    }
  }

  @Test
  @Order(1)
  void spaceStartsPlaybackAndTheMetersMove() {
    assertEquals(List.of("org.patchwork.ui.tracker", "org.patchwork.ui.patch", "org.patchwork.ui.sampleeditor",
        "org.patchwork.ui.mixer", "org.patchwork.ui.scope", "org.patchwork.ui.automation", WorkbenchWindow.HELP_ID),
        w.window.panels().ids());
    w.window.panels().show("org.patchwork.ui.mixer");
    w.robot.click(w.window.panels().frame("org.patchwork.ui.mixer"), 5, 5);
    w.robot.key("space");
    w.robot.waitUntil("playing", Duration.ofSeconds(10), () -> w.workbench.state().playing());
    w.robot.waitUntil("the playhead past one second", Duration.ofSeconds(10),
        () -> w.workbench.telemetry().playheadFrame() > 48_000);
    LevelMeter bass = w.find("mixer.meter.bass", LevelMeter.class);
    w.robot.waitUntil("the bass meter above -40 dB", Duration.ofSeconds(10), () -> bass.peakDb(0) > -40);
    Button play = w.find("transport.play", Button.class);
    assertTrue(play.getText().contains("Stop"), play.getText());
    assertTrue(w.window.status().text().contains("null driver"), w.window.status().text());
    assertTrue(w.window.status().text().contains("48000 Hz"), w.window.status().text());
  }

  @Test
  @Order(3)
  void draggingAFaderToTheBottomSilencesTheTrack() throws Exception {
    w.window.panels().show("org.patchwork.ui.mixer");
    w.robot.run(200);
    Fader fader = w.find("mixer.fader.bass", Fader.class);
    Point thumb = fader.pointOf(-2);
    Rectangle size = fader.getClientArea();
    w.robot.drag(fader, thumb, new Point(thumb.x, size.height + 40));
    w.robot.waitUntil("the bass fader at -inf in the model", Duration.ofSeconds(5),
        () -> w.workbench.state().project().graph().tracks().getFirst().gainDb() == -144);
    JournalEntry last = w.workbench.journal().entries().getLast();
    assertEquals("Set bass gain to -inf dB", last.label());
    assertEquals(1, w.workbench.journal().entries().size(), "one drag, one journal entry");
    assertEquals(-2, last.before().graph().tracks().getFirst().gainDb());

    // Live: the strip's meter (post-fader) falls to the floor.
    LevelMeter meter = w.find("mixer.meter.bass", LevelMeter.class);
    w.robot.waitUntil("the bass meter at the floor", Duration.ofSeconds(5), () -> meter.peakDb(0) <= -60);
    // Offline: the edited project with the bass soloed renders silence; before the edit it did not.
    assertTrue(peak(solo(original, "bass")) > 0.05, "the bass plays before the edit");
    assertEquals(0f, peak(solo(w.workbench.state().project(), "bass")), "the bass is silent after it");
  }

  @Test
  @Order(4)
  void addingAModuleAndConnectingItByDragging() throws Exception {
    w.window.panels().show("org.patchwork.ui.patch");
    w.robot.run(300);
    Project before = w.workbench.state().project();
    Text search = w.find("patch.search", Text.class);
    w.robot.click(search, 10, search.getSize().y / 2);
    w.robot.type("lfo");
    w.robot.key("Return");
    w.robot.waitUntil("an lfo in the model", Duration.ofSeconds(5),
        () -> w.workbench.state().project().graph().node("lfo").isPresent());
    assertEquals("Add lfo (org.patchwork.dsp.lfo)", w.workbench.journal().entries().getLast().label());
    w.robot.run(300);

    Control graph = w.find("patch.graph", Control.class);
    @SuppressWarnings("unchecked")
    BiFunction<String, Boolean, Point> port = (BiFunction<String, Boolean, Point>) graph.getData("patchwork.test.port");
    Point from = port.apply("lfo.out", true);
    Point to = port.apply("bass-synth.cutoff_cv", false);
    assertVisible(graph, from);
    assertVisible(graph, to);
    w.robot.drag(graph, from, to);
    Connection cable = new Connection("lfo.out", "bass-synth.cutoff_cv");
    w.robot.waitUntil("the cable in the model", Duration.ofSeconds(5),
        () -> w.workbench.state().project().graph().connections().contains(cable));
    assertEquals("Connect lfo.out to bass-synth.cutoff_cv", w.workbench.journal().entries().getLast().label());

    // The sound changes, and it is exactly the sound of the same patch made by hand.
    Project edited = w.workbench.state().project();
    Project byHand = new Edits.Connect("lfo.out", "bass-synth.cutoff_cv")
        .apply(new Edits.AddNode("lfo", "org.patchwork.dsp.lfo").apply(before));
    String withCable = sha(audibleBass(edited));
    assertNotEquals(sha(audibleBass(before)), withCable);
    assertEquals(sha(audibleBass(byHand)), withCable);
    assertTrue(w.workbench.state().playing(), "playback went on through the recompiled plan");

  }

  @Test
  @Order(5)
  void ctrlZTakesTheCableBackAndDeleteRemovesTheModule() throws Exception {
    Control graph = w.find("patch.graph", Control.class);
    w.robot.click(graph, 2, 2);
    w.robot.key("ctrl+z");
    w.robot.waitUntil("the cable gone", Duration.ofSeconds(5),
        () -> w.workbench.state().project().graph().connections().isEmpty());
    clickBox(w, "lfo");
    w.robot.key("Delete");
    w.robot.waitUntil("the lfo gone", Duration.ofSeconds(5),
        () -> w.workbench.state().project().graph().node("lfo").isEmpty());
    assertEquals("Remove lfo", w.workbench.journal().entries().getLast().label());
  }

  @Test
  @Order(6)
  void theScopeFollowsTheTrackChosenWithTab() {
    w.window.panels().show("org.patchwork.ui.scope");
    w.robot.run(300);
    Control spectrum = w.find("scope.spectrum", Control.class);
    assertTrue(spectrum.isVisible());
    w.robot.click(spectrum, 20, 20);
    // Tab on a view picks the next source: the first track. Its tap is before the fader, so
    // the bass sounds there although its fader is down.
    w.robot.key("Tab");
    org.eclipse.swt.widgets.Combo source = w.find("scope.source", org.eclipse.swt.widgets.Combo.class);
    assertEquals("Track bass", source.getText());
    w.robot.run(1000);
    String level = w.find("scope.level", org.eclipse.swt.widgets.Label.class).getText();
    assertTrue(level.startsWith("peak ") && !level.startsWith("peak -inf"), level);
  }

  @Test
  @Order(7)
  void ctrlSSavesAndEscapeStops() throws Exception {
    w.robot.key("Escape");
    w.robot.waitUntil("stopped", Duration.ofSeconds(5), () -> !w.workbench.state().playing());
    assertTrue(w.workbench.state().dirty());
    w.robot.key("ctrl+s");
    w.robot.waitUntil("saved", Duration.ofSeconds(5), () -> !w.workbench.state().dirty());
    WorkbenchState s = w.workbench.state();
    assertEquals(w.project.resolve("project.json"), s.file());
    assertTrue(Files.readString(s.file()).contains("\"gainDb\" : -144"), "what was saved is the edited project");
    assertFalse(w.window.shell().getText().startsWith("Patchwork - *"), w.window.shell().getText());
  }

  static void clickBox(Window w, String node) {
    Control graph = w.find("patch.graph", Control.class);
    @SuppressWarnings("unchecked")
    java.util.function.Function<String, Rectangle> box =
        (java.util.function.Function<String, Rectangle>) graph.getData("patchwork.test.box");
    Rectangle r = box.apply(node);
    // The box's title row: a click there selects it (ports are on the edges, lower down).
    w.robot.click(graph, r.x + r.width / 2, r.y + r.height / 8);
  }

  private static void assertVisible(Control graph, Point p) {
    Rectangle view = graph.getParent().getClientArea();
    Point origin = graph.getLocation();
    int x = p.x + origin.x;
    int y = p.y + origin.y;
    assertTrue(x >= 0 && y >= 0 && x < view.width && y < view.height, p + " is outside the visible " + view);
  }

  /** The bass alone, its fader back up (an earlier test pulled it down). */
  private static Project audibleBass(Project p) {
    return solo(new Edits.SetTrackGain("bass", 0).apply(p), "bass");
  }

  private static Project solo(Project p, String track) {
    return new Edits.SetTrackSolo(track, true).apply(p);
  }

  /** Three seconds of the project through the real engine, offline, interleaved. */
  private static float[] render(Project p) {
    try (Session s = new Session(p, w.registry, 48_000, 256, 3)) {
      float[] out = new float[(int) s.totalFrames() * 2];
      int at = 0;
      for (int n; (n = s.next()) > 0; ) {
        for (int i = 0; i < n; i++) {
          out[at++] = s.buffer()[0][i];
          out[at++] = s.buffer()[1][i];
        }
      }
      return out;
    }
  }

  private static float peak(Project p) {
    float peak = 0;
    for (float x : render(p)) {
      peak = Math.max(peak, Math.abs(x));
    }
    return peak;
  }

  private static String sha(Project p) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    for (float x : render(p)) {
      int bits = Float.floatToIntBits(x);
      d.update(new byte[] {(byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)});
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
