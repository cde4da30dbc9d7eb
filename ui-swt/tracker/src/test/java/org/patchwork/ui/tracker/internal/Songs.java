package org.patchwork.ui.tracker.internal;

import java.math.BigDecimal;
import java.util.List;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Master;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.engine.Track;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.Instrument;
import org.patchwork.sequencer.Pattern;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongSettings;
import org.patchwork.sequencer.SongTrack;

/** Small songs for the editor's tests. */
final class Songs {

  private Songs() {
  }

  /**
   * Two tracks: "Lead" (one note and one effect column: grid columns 0, 1) and "Keys" (two note
   * and two effect columns: grid columns 2..5); instruments "lead" and "keys"; pattern 0 of 16
   * lines and pattern 1 of 32, played in the order 0, 1, 0; 120 bpm, 4 lines per beat.
   */
  static Song twoTracks() {
    List<SongTrack> tracks = List.of(SongTrack.of("Lead", "lead"), SongTrack.of("Keys", "keys").withColumns(2, 2));
    return new Song(SongSettings.DEFAULT, List.of(new Instrument("lead", "lead"), new Instrument("keys", "keys")),
        tracks, List.of(Pattern.empty(16, 2), Pattern.empty(32, 2)), List.of(0, 1, 0), List.of());
  }

  /** One track of one note and one effect column, one pattern of {@code lines}, order {0}, at {@code bpm}. */
  static Song oneTrack(int lines, int bpm) {
    return new Song(SongSettings.DEFAULT.withBpm(BigDecimal.valueOf(bpm)), List.of(),
        List.of(SongTrack.of("Lead", "lead")), List.of(Pattern.empty(lines, 1)), List.of(0), List.of());
  }

  /** {@code song} with edits made. */
  static Song with(Song song, Edit... edits) {
    Song s = song;
    for (Edit e : edits) {
      s = e.apply(s);
    }
    return s;
  }

  /** A project with engine tracks {@code ids}, each a single node, and no song. */
  static Project project(double tempo, String... ids) {
    List<Node> nodes = java.util.Arrays.stream(ids).map(id -> new Node(id + "-synth", "org.example.synth")).toList();
    List<Track> tracks = java.util.Arrays.stream(ids).map(id -> Track.of(id, id + "-synth")).toList();
    return new Project("test", 48_000, tempo, new Graph(nodes, List.of(), tracks, List.of(), Master.DEFAULT),
        List.of(), null);
  }

  /** An editor showing {@code song}. */
  static PatternEditor editor(Song song) {
    PatternEditor e = new PatternEditor();
    e.load(song);
    return e;
  }
}
