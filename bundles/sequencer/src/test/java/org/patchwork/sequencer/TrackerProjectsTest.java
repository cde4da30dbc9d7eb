package org.patchwork.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectFormatException;

/** {@link TrackerProjects#song(String, Project, org.patchwork.engine.ModuleRegistry)}: parameter ids checked. */
class TrackerProjectsTest {

  private static Project with(Song song) {
    Project p = Rig.probeProject(0);
    return new Project(p.name(), p.sampleRate(), p.tempo(), p.graph(), java.util.List.of(), SongJson.write(song));
  }

  @Test
  void anUnknownParameterIsNamedWithItsPathAndTheParametersThereAre() {
    Song slot = SongBuilder.simple(4).song();
    slot = new Edit.SetTrack(0, slot.tracks().get(0).withSlot(3, ParamTarget.parse("probe.cutof", 0, 1))).apply(slot);
    Project p = with(slot);
    ProjectFormatException e = assertThrows(ProjectFormatException.class,
        () -> TrackerProjects.song("p.json", p, Rig.registry()));
    assertEquals("p.json: $.song.tracks[0].slots.3.param: node 'probe' (test.probe) has no parameter 'cutof' "
        + "(it has: gain, offset, cutoff, mode)", e.getMessage());

    Song automated = new Edit.SetEnvelope(new Envelope("probe", "gian", java.util.List.of(
        new Envelope.Point(BigDecimal.ZERO, 0.5, Envelope.Curve.LINEAR, 0)))).apply(SongBuilder.simple(4).song());
    ProjectFormatException a = assertThrows(ProjectFormatException.class,
        () -> TrackerProjects.song("p.json", with(automated), Rig.registry()));
    assertEquals("p.json: $.song.automation[0].param: node 'probe' (test.probe) has no parameter 'gian' "
        + "(it has: gain, offset, cutoff, mode)", a.getMessage());
    // The good song passes.
    assertEquals(SongBuilder.simple(4).song(), TrackerProjects.song("p.json", with(SongBuilder.simple(4).song()),
        Rig.registry()));
  }
}
