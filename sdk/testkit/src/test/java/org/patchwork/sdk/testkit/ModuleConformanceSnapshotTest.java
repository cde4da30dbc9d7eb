package org.patchwork.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.sdk.testkit.ModuleConformanceTest.failure;
import static org.patchwork.sdk.testkit.ModuleConformanceTest.passed;
import static org.patchwork.sdk.testkit.ModuleConformanceTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.testkit.fixture.conformance.Fixtures;
import org.patchwork.sdk.testkit.fixture.conformance.PassThrough;
import org.patchwork.sdk.testkit.internal.Json;
import org.patchwork.sdk.testkit.internal.Snapshot;

/** The descriptor snapshot: what breaks saved projects fails, additions pass, missing ones are written. */
class ModuleConformanceSnapshotTest {

  private static final String ID = "org.patchwork.test.retired";
  private static final ParameterDescriptor CUTOFF = ParameterDescriptor.of("cutoff", "Cutoff", 20, 20000, 1000, "Hz");
  private static final ParameterDescriptor TONE = ParameterDescriptor.of("tone", "Tone", 0, 1, 0.5, "");
  private static final ParameterDescriptor MODE = ParameterDescriptor.choice("mode", "Mode", 0, "Low", "High");

  @TempDir
  Path dir;

  @AfterEach
  void forgetTheWriteProperty() {
    System.clearProperty(ModuleConformance.WRITE_SNAPSHOTS);
  }

  private Map<String, Throwable> check(ModuleDescriptor now) {
    return run(ModuleConformance.of(Fixtures.factory(now, PassThrough::new)).snapshotDirectory(dir).tests());
  }

  private String name() {
    return ID + ": descriptor compatible with its snapshot " + dir.resolve(ID + ".json");
  }

  private void snapshot(ModuleDescriptor then) throws Exception {
    Files.writeString(dir.resolve(ID + ".json"), Snapshot.write(then));
  }

  @Test
  void aParameterRemovedFromTheListBreaksSavedProjects() throws Exception {
    snapshot(Fixtures.effect(ID, CUTOFF, TONE));

    String message = failure(check(Fixtures.effect(ID, CUTOFF)), name());

    assertEquals(ID + ": breaks what its snapshot " + dir.resolve(ID + ".json") + " records, which saved projects"
        + " rely on (a module never released may delete the snapshot and write it again with"
        + " -Dpatchwork.snapshots.write=true):\n"
        + "  parameter 'tone' is gone: keep it in the list flagged ParameterFlag.REMOVED (saved projects refer"
        + " to it)", message);
  }

  @Test
  void aParameterKeptWithTheRemovedFlagAndNewOnesAreFine() throws Exception {
    snapshot(Fixtures.effect(ID, CUTOFF, TONE));
    ParameterDescriptor retired = new ParameterDescriptor("tone", "Tone", 0, 1, 0.5, "",
        Set.of(ParameterFlag.REMOVED), 0, List.of());

    passed(check(Fixtures.effect(ID, CUTOFF, retired, MODE)), name());
  }

  @Test
  void changesOfMeaningAreNamed() throws Exception {
    snapshot(new ModuleDescriptor(ID, "Retired", "Patchwork", "1.0.0", ModuleKind.EFFECT, Set.of("filter"),
        List.of(PortDescriptor.audioIn("in", 1), PortDescriptor.cvIn("fm"), PortDescriptor.audioOut("out", 1)),
        List.of(CUTOFF, MODE, new ParameterDescriptor("tone", "Tone", 0, 1, 0.5, "", Set.of(ParameterFlag.REMOVED),
            0, List.of())), 0));
    ModuleDescriptor now = new ModuleDescriptor(ID, "Retired", "Patchwork", "1.0.0", ModuleKind.UTILITY,
        Set.of("filter"),
        List.of(PortDescriptor.audioIn("in", 1), PortDescriptor.audioIn("fm", 1), PortDescriptor.audioOut("out", 1)),
        List.of(ParameterDescriptor.of("cutoff", "Cutoff", 0.02, 20, 1, "kHz"),
            ParameterDescriptor.of("mode", "Mode", 0, 1, 0, ""), TONE), 0);

    String message = failure(check(now), name());

    assertTrue(message.endsWith("(5 cases):\n"
        + "  kind was EFFECT, now UTILITY: the kind must not change\n"
        + "  port 'fm' changed meaning: was CV INPUT, now AUDIO INPUT\n"
        + "  parameter 'cutoff' changed meaning: unit was 'Hz', now 'kHz'\n"
        + "  parameter 'mode' changed meaning: range was stepped, now continuous\n"
        + "  parameter 'tone' was retired (REMOVED) and is in use again: ids are never reused"), message);
  }

  @Test
  void choiceNamesKeepTheirIndexes() {
    ModuleDescriptor then = Fixtures.effect(ID, ParameterDescriptor.choice("mode", "Mode", 0, "Low", "High", "Band"));
    ModuleDescriptor now = Fixtures.effect(ID, ParameterDescriptor.choice("mode", "Mode", 0, "Low", "Band"));

    assertEquals(List.of("parameter 'mode' changed meaning: value 1 was 'High', now 'Band'",
        "parameter 'mode' changed meaning: value 2 ('Band') is gone"), Snapshot.breaks(Snapshot.write(then), now));
    assertEquals(List.of(), Snapshot.breaks(Snapshot.write(now),
        Fixtures.effect(ID, ParameterDescriptor.choice("mode", "Mode", 0, "Low", "Band", "Notch"))));
  }

  @Test
  void aMissingSnapshotIsWrittenAndFailsUntilReviewed() throws Exception {
    ModuleDescriptor d = Fixtures.effect(ID, CUTOFF, MODE);
    Path file = dir.resolve(ID + ".json");

    assertEquals(ID + ": snapshot written to " + file.toAbsolutePath() + ": review and commit it (or run with"
        + " -Dpatchwork.snapshots.write=true)", failure(check(d), name()));
    assertEquals(Snapshot.write(d), Files.readString(file));
    passed(check(d), name());
  }

  @Test
  void theWritePropertyWritesMissingSnapshotsAndRecordsAdditions() throws Exception {
    System.setProperty(ModuleConformance.WRITE_SNAPSHOTS, "true");
    Path file = dir.resolve(ID + ".json");

    passed(check(Fixtures.effect(ID, CUTOFF)), name());
    assertEquals(Snapshot.write(Fixtures.effect(ID, CUTOFF)), Files.readString(file));
    passed(check(Fixtures.effect(ID, CUTOFF, MODE)), name());
    assertEquals(Snapshot.write(Fixtures.effect(ID, CUTOFF, MODE)), Files.readString(file));

    System.clearProperty(ModuleConformance.WRITE_SNAPSHOTS);
    passed(check(Fixtures.effect(ID, CUTOFF, MODE, TONE)), name());
    assertEquals(Snapshot.write(Fixtures.effect(ID, CUTOFF, MODE)), Files.readString(file),
        "without the property an addition leaves the snapshot as it is");
  }

  @Test
  void aSnapshotThatIsNotJsonIsReportedWithItsPosition() throws Exception {
    Files.writeString(dir.resolve(ID + ".json"), "{\n  \"id\": \"x\",\n  \"ports\": [1 2]\n}");

    assertEquals(ID + ": cannot read the snapshot " + dir.resolve(ID + ".json").toAbsolutePath()
        + ": line 3, column 15: ']' expected", failure(check(Fixtures.effect(ID)), name()));
  }

  @Test
  void theSnapshotIsStableOrderedJson() {
    ModuleDescriptor d = new ModuleDescriptor(ID, "Retired \"R\"", "Patchwork", "1.0.0", ModuleKind.EFFECT,
        Set.of("filter", "effect"), List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioOut("out", 2)),
        List.of(CUTOFF, MODE, ParameterDescriptor.of("q", "Q", 0.5, 25, Math.sqrt(0.5), "")), 0);

    assertEquals("""
        {
          "id": "org.patchwork.test.retired",
          "name": "Retired \\"R\\"",
          "kind": "EFFECT",
          "tags": ["effect", "filter"],
          "ports": [
            {"id": "in", "type": "AUDIO", "direction": "INPUT", "channels": 2},
            {"id": "out", "type": "AUDIO", "direction": "OUTPUT", "channels": 2}
          ],
          "parameters": [
            {"id": "cutoff", "name": "Cutoff", "range": "continuous", "min": 20, "max": 20000, "default": 1000, \
        "unit": "Hz", "flags": ["AUTOMATABLE", "MODULATABLE"]},
            {"id": "mode", "name": "Mode", "range": "stepped", "min": 0, "max": 1, "default": 0, "unit": "", \
        "flags": ["AUTOMATABLE", "STEPPED"], "values": ["Low", "High"]},
            {"id": "q", "name": "Q", "range": "continuous", "min": 0.5, "max": 25, "default": 0.7071067811865476, \
        "unit": "", "flags": ["AUTOMATABLE", "MODULATABLE"]}
          ]
        }
        """, Snapshot.write(d));
    assertEquals(List.of(), Snapshot.breaks(Snapshot.write(d), d));
  }

  @Test
  void theJsonReaderTakesAnyJsonAndRejectsTheRest() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", List.of(1.0, -2500.0, true, false));
    expected.put("b", Map.of());
    expected.put("c", "q\"\u00e9\n");
    expected.put("d", null);
    assertEquals(expected,
        Json.parse(" {\"a\": [1, -2.5E3, true, false], \"b\": {}, \"c\": \"q\\\"\\u00e9\\n\", \"d\": null} "));
    assertEquals("line 1, column 8: text after the end of the JSON value",
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2] x")).getMessage());
    assertEquals("line 1, column 2: a quoted member name expected",
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{id: 1}")).getMessage());
    assertEquals("line 1, column 5: a string is not closed",
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"abc")).getMessage());
  }
}
