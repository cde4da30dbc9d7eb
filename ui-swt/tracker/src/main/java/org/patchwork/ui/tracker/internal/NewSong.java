package org.patchwork.ui.tracker.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.patchwork.engine.Project;
import org.patchwork.engine.Track;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.Instrument;
import org.patchwork.sequencer.SongTrack;

/**
 * A first tracker song for a project that has none: one song track and one instrument per track
 * of the graph (each playing on that track), one empty pattern in the order list, at the
 * project's tempo.
 */
final class NewSong {

  /** Lines of the first pattern. */
  static final int LINES = 64;

  private NewSong() {
  }

  /**
   * @throws IllegalArgumentException when the graph has no track to play on
   */
  static Change change(Project project) {
    List<Track> tracks = project.graph().tracks();
    if (tracks.isEmpty()) {
      throw new IllegalArgumentException(
          "the project has no tracks to play on: add an instrument in the patch editor first");
    }
    List<Edit> edits = new ArrayList<>();
    edits.add(new Edit.SetBpm(new BigDecimal(Double.toString(project.tempo())).stripTrailingZeros()));
    for (int i = 0; i < tracks.size(); i++) {
      String id = tracks.get(i).id();
      edits.add(new Edit.AddTrack(i, SongTrack.of(id, id)));
      edits.add(new Edit.AddInstrument(i, new Instrument(id, id)));
    }
    edits.add(new Edit.AddPattern(0, LINES));
    edits.add(new Edit.SetOrder(List.of(0)));
    return new Change("Start a tracker song", edits);
  }
}
