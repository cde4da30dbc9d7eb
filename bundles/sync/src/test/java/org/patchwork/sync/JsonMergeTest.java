package org.patchwork.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge rules, section by section, on small projects written as JSON. */
class JsonMergeTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode j(String json) throws Exception {
    return JSON.readTree(json.replace('\'', '"'));
  }

  static JsonMerge.Result merge(String base, String ours, String theirs) throws Exception {
    return JsonMerge.merge(j(base), j(ours), j(theirs));
  }

  static void assertMerged(String expected, JsonMerge.Result r) throws Exception {
    assertTrue(r.conflicts().isEmpty(), "conflicts: " + r.conflicts());
    assertTrue(JsonMerge.same(j(expected), r.merged()), "merged: " + r.merged());
  }

  @Test
  void differentKnobsOfOneModuleBothWin() throws Exception {
    String base = "{'nodes': [{'id': 'bass', 'module': 'm', 'params': {'cutoff': 400, 'res': 0.1}}]}";
    assertMerged("{'nodes': [{'id': 'bass', 'module': 'm', 'params': {'cutoff': 800, 'res': 0.5}}]}",
        merge(base, "{'nodes': [{'id': 'bass', 'module': 'm', 'params': {'cutoff': 800, 'res': 0.1}}]}",
            "{'nodes': [{'id': 'bass', 'module': 'm', 'params': {'cutoff': 400, 'res': 0.5}}]}"));
  }

  @Test
  void theSameKnobTurnedTwoWaysIsAConflictNamingPathAndValues() throws Exception {
    JsonMerge.Result r = merge("{'nodes': [{'id': 'bass', 'params': {'cutoff': 400}}]}",
        "{'nodes': [{'id': 'bass', 'params': {'cutoff': 800}}]}",
        "{'nodes': [{'id': 'bass', 'params': {'cutoff': 200}}]}");
    assertEquals(1, r.conflicts().size());
    Conflict c = r.conflicts().get(0);
    assertEquals("$.nodes[id=bass].params.cutoff", c.path());
    assertEquals(800, c.ours().asInt());
    assertEquals(200, c.theirs().asInt());
    assertEquals(400, c.base().asInt());
    assertEquals(800, r.merged().at("/nodes/0/params/cutoff").asInt()); // ours kept
  }

  @Test
  void nodesAddedOnBothSidesAreAllKept() throws Exception {
    // Theirs' addition lands right after the node that precedes it on their side.
    assertMerged("{'nodes': [{'id': 'a'}, {'id': 't'}, {'id': 'b'}, {'id': 'c'}]}",
        merge("{'nodes': [{'id': 'a'}, {'id': 'c'}]}", "{'nodes': [{'id': 'a'}, {'id': 'b'}, {'id': 'c'}]}",
            "{'nodes': [{'id': 'a'}, {'id': 't'}, {'id': 'c'}]}"));
  }

  @Test
  void deletedHereChangedThereIsAConflictDeletedUnchangedIsGone() throws Exception {
    assertMerged("{'nodes': [{'id': 'a'}]}", merge("{'nodes': [{'id': 'a'}, {'id': 'b', 'x': 1}]}",
        "{'nodes': [{'id': 'a'}]}", "{'nodes': [{'id': 'a'}, {'id': 'b', 'x': 1}]}"));
    JsonMerge.Result r = merge("{'nodes': [{'id': 'a'}, {'id': 'b', 'x': 1}]}", "{'nodes': [{'id': 'a'}]}",
        "{'nodes': [{'id': 'a'}, {'id': 'b', 'x': 2}]}");
    assertEquals(List.of("$.nodes[id=b]"), r.conflicts().stream().map(Conflict::path).toList());
  }

  @Test
  void connectionsMergeByEndpointsAndNotesAsASet() throws Exception {
    assertMerged("{'connections': [{'from': 'a.out', 'to': 'master'}, {'from': 'b.out', 'to': 'c.in'}],"
            + " 'notes': [{'key': 36, 'start': 1}, {'key': 40, 'start': 2}]}",
        merge("{'connections': [{'from': 'a.out', 'to': 'master'}, {'from': 'x.out', 'to': 'y.in'}],"
                + " 'notes': [{'key': 36, 'start': 0}, {'key': 36, 'start': 1}]}",
            "{'connections': [{'from': 'a.out', 'to': 'master'}, {'from': 'b.out', 'to': 'c.in'},"
                + " {'from': 'x.out', 'to': 'y.in'}], 'notes': [{'key': 36, 'start': 1}]}",
            "{'connections': [{'from': 'a.out', 'to': 'master'}], 'notes': [{'key': 36, 'start': 0},"
                + " {'key': 36, 'start': 1}, {'key': 40, 'start': 2}]}"));
  }

  @Test
  void mixerStripsAndSendsMergeIndependently() throws Exception {
    String base = "{'tracks': [{'id': 't', 'chain': ['a'], 'gainDb': 0, 'pan': 0, 'sends': [{'bus': 'r', 'levelDb': -8}]}],"
        + " 'master': {'chain': [], 'gainDb': 0}}";
    assertMerged("{'tracks': [{'id': 't', 'chain': ['a'], 'gainDb': -3, 'pan': 0.5, 'sends': [{'bus': 'r', 'levelDb': -4},"
            + " {'bus': 'd', 'levelDb': -10}]}], 'master': {'chain': [], 'gainDb': -1}}",
        merge(base, "{'tracks': [{'id': 't', 'chain': ['a'], 'gainDb': -3, 'pan': 0, 'sends': [{'bus': 'r', 'levelDb': -4}]}],"
                + " 'master': {'chain': [], 'gainDb': 0}}",
            "{'tracks': [{'id': 't', 'chain': ['a'], 'gainDb': 0, 'pan': 0.5, 'sends': [{'bus': 'r', 'levelDb': -8},"
                + " {'bus': 'd', 'levelDb': -10}]}], 'master': {'chain': [], 'gainDb': -1}}"));
  }

  @Test
  void aChainIsOneValue() throws Exception {
    JsonMerge.Result r = merge("{'tracks': [{'id': 't', 'chain': ['a']}]}", "{'tracks': [{'id': 't', 'chain': ['a', 'b']}]}",
        "{'tracks': [{'id': 't', 'chain': ['c', 'a']}]}");
    assertEquals(List.of("$.tracks[id=t].chain"), r.conflicts().stream().map(Conflict::path).toList());
  }

  @Test
  void patternCellsMergeByLineAndColumn() throws Exception {
    String base = "{'song': {'patterns': [{'length': 16, 'tracks': [[{'line': 0, 'notes': [{'note': 'C-4'}, null]}], []]}]}}";
    String ours = "{'song': {'patterns': [{'length': 16, 'tracks': [[{'line': 0, 'notes': [{'note': 'C-4'}, {'note': 'E-4'}]},"
        + " {'line': 8, 'notes': [{'note': 'G-4'}]}], []]}]}}";
    String theirs = "{'song': {'patterns': [{'length': 16, 'tracks': [[{'line': 0, 'notes': [{'note': 'D-4'}, null]},"
        + " {'line': 4, 'effects': ['A0F']}], [{'line': 2, 'notes': [{'note': 'C-2'}]}]]}]}}";
    assertMerged("{'song': {'patterns': [{'length': 16, 'tracks': [[{'line': 0, 'notes': [{'note': 'D-4'}, {'note': 'E-4'}]},"
        + " {'line': 4, 'effects': ['A0F']}, {'line': 8, 'notes': [{'note': 'G-4'}]}],"
        + " [{'line': 2, 'notes': [{'note': 'C-2'}]}]]}]}}", merge(base, ours, theirs));
  }

  @Test
  void orderListByIndexAndAppendedPatterns() throws Exception {
    assertMerged("{'song': {'order': [1, 0, 2], 'patterns': [{'length': 16}, {'length': 8}, {'length': 4}]}}",
        merge("{'song': {'order': [0, 0, 1], 'patterns': [{'length': 16}, {'length': 8}]}}",
            "{'song': {'order': [1, 0, 1], 'patterns': [{'length': 16}, {'length': 8}]}}",
            "{'song': {'order': [0, 0, 2], 'patterns': [{'length': 16}, {'length': 8}, {'length': 4}]}}"));
    JsonMerge.Result both = merge("{'song': {'patterns': [{'length': 16}]}}",
        "{'song': {'patterns': [{'length': 16}, {'length': 8}]}}", "{'song': {'patterns': [{'length': 16}, {'length': 4}]}}");
    assertEquals(List.of("$.song.patterns[1:]"), both.conflicts().stream().map(Conflict::path).toList());
  }

  @Test
  void automationLanesAndSongEnvelopesMergeByTarget() throws Exception {
    assertMerged("{'automation': [{'node': 'a', 'parameter': 'p', 'values': 'AAA'}, {'node': 'b', 'parameter': 'q', 'values': [1]}],"
            + " 'song': {'automation': [{'param': 'a.p', 'points': [{'line': 0, 'value': 1}, {'line': 4, 'value': 3},"
            + " {'line': 8, 'value': 2}]}]}}",
        merge("{'automation': [{'node': 'a', 'parameter': 'p', 'values': 'ZZZ'}],"
                + " 'song': {'automation': [{'param': 'a.p', 'points': [{'line': 0, 'value': 1}]}]}}",
            "{'automation': [{'node': 'a', 'parameter': 'p', 'values': 'AAA'}],"
                + " 'song': {'automation': [{'param': 'a.p', 'points': [{'line': 0, 'value': 1}, {'line': 8, 'value': 2}]}]}}",
            "{'automation': [{'node': 'a', 'parameter': 'p', 'values': 'ZZZ'}, {'node': 'b', 'parameter': 'q', 'values': [1]}],"
                + " 'song': {'automation': [{'param': 'a.p', 'points': [{'line': 0, 'value': 1}, {'line': 4, 'value': 3}]}]}}"));
  }

  @Test
  void numbersCompareByValueAndSameChangeTwiceIsNoConflict() throws Exception {
    assertMerged("{'tempo': 128, 'name': 'x'}", merge("{'tempo': 120, 'name': 'x'}", "{'tempo': 128.0, 'name': 'x'}",
        "{'tempo': 128, 'name': 'x'}"));
  }

  @Test
  void withoutAnAncestorOnlyDifferencesConflict() throws Exception {
    JsonMerge.Result r = JsonMerge.merge(null, j("{'name': 'a', 'tempo': 120}"), j("{'name': 'b', 'tempo': 120, 'extra': 1}"));
    assertEquals(List.of("$.name"), r.conflicts().stream().map(Conflict::path).toList());
    assertEquals(1, r.merged().get("extra").asInt());
  }
}
