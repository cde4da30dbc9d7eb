package org.patchwork.sequencer;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.engine.Graph;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectFormatException;
import org.patchwork.engine.Timeline;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ParameterDescriptor;

/**
 * Plays a project's tracker song on the engine: reads {@link Project#song()}, checks it against
 * the project's graph, compiles it and turns the events into an engine {@link Timeline}, which
 * {@link org.patchwork.engine.Session} and {@link org.patchwork.engine.OfflineRenderer} play in
 * place of the project's notes. The engine does not depend on the sequencer; whoever plays a
 * project calls this.
 *
 * <pre>{@code
 * Project p = ProjectLoader.load(file, registry);
 * double rate = OfflineRenderer.sampleRate(p, settings);
 * Timeline t = p.hasSong() ? TrackerProjects.timeline(file.toString(), p, rate) : null;
 * new OfflineRenderer(registry).render(p, t, settings, out, progress);
 * }</pre>
 *
 * <p>Volume, panning and sample offset events reach the engine only for tracks that map them to
 * a parameter ({@link SongTrack#volume()} and so on); note, expression, parameter and tempo
 * events always do.
 */
@ProviderType
public final class TrackerProjects {

  private TrackerProjects() {
  }

  /**
   * The project's song, checked against its graph: every output is a track of the graph and
   * every parameter target names a node of it.
   *
   * @param source names the project file in messages
   * @throws ProjectFormatException with a {@code $.song...} path when something does not fit
   * @throws IllegalArgumentException if the project has no song
   */
  public static Song song(String source, Project project) {
    if (!project.hasSong()) {
      throw new IllegalArgumentException("project '" + project.name() + "' has no song");
    }
    Song song = SongJson.read(source, project.song(), new BigDecimal(Double.toString(project.tempo())));
    check(source, song, project.graph());
    return song;
  }

  /**
   * As {@link #song(String, Project)}, also checking every parameter the song drives (track
   * volume, panning, sample offset, slots, automation) against the descriptor of its node's
   * module in {@code registry}: {@code p.json: $.song.tracks[0].slots.0.param: node 'lead'
   * (org.patchwork.dsp.subtractive) has no parameter 'cutof' (it has: voices, wave, ...)}.
   * A node whose module the registry lacks is left to the engine, which names it.
   *
   * @throws ProjectFormatException with a {@code $.song...} path when something does not fit
   */
  public static Song song(String source, Project project, ModuleRegistry registry) {
    Song song = song(source, project);
    Map<String, ModuleDescriptor> modules = new HashMap<>();
    for (Node n : project.graph().nodes()) {
      registry.find(n.module()).ifPresent(f -> modules.put(n.id(), f.descriptor()));
    }
    for (int i = 0; i < song.tracks().size(); i++) {
      SongTrack t = song.tracks().get(i);
      String p = "$.song.tracks[" + i + "]";
      parameter(source, p + ".volume", t.volume(), modules);
      parameter(source, p + ".pan", t.pan(), modules);
      parameter(source, p + ".sampleOffset", t.sampleOffset(), modules);
      t.slots().forEach((s, target) ->
          parameter(source, p + ".slots." + Integer.toHexString(s).toUpperCase(), target, modules));
    }
    for (int i = 0; i < song.automation().size(); i++) {
      Envelope e = song.automation().get(i);
      parameter(source, "$.song.automation[" + i + "]", new ParamTarget(e.node(), e.parameter(), 0, 1), modules);
    }
    return song;
  }

  /** Reads, checks and compiles the project's song for {@code sampleRate}. */
  public static Timeline timeline(String source, Project project, double sampleRate) {
    Song song = song(source, project);
    return timeline(song, SongCompiler.compile(song, PlayOptions.at(sampleRate)));
  }

  /** The engine timeline of a compiled song. */
  public static Timeline timeline(Song song, CompiledSong compiled) {
    Timeline.Builder b = Timeline.builder(compiled.sampleRate());
    for (SongEvent e : compiled.events()) {
      switch (e.kind()) {
        case NOTE_ON -> b.noteOn(e.frame(), e.output(), e.noteId(), e.key(), e.value());
        case NOTE_OFF -> b.noteOff(e.frame(), e.output(), e.noteId(), e.key());
        case NOTE_EXPRESSION -> b.noteExpression(e.frame(), e.output(), e.noteId(), e.value());
        case PARAMETER -> b.parameter(e.frame(), e.node(), e.parameter(), e.value());
        case TEMPO -> b.tempo(e.frame(), e.value());
        case VOLUME -> mapped(b, e, song.tracks().get(e.track()).volume(), e.value());
        case PAN -> mapped(b, e, song.tracks().get(e.track()).pan(), (e.value() + 1) / 2);
        case SAMPLE_OFFSET -> mapped(b, e, song.tracks().get(e.track()).sampleOffset(), e.value());
      }
    }
    return b.length(compiled.length()).build();
  }

  private static void mapped(Timeline.Builder b, SongEvent e, ParamTarget target, double fraction) {
    if (target != null) {
      b.parameter(e.frame(), target.node(), target.parameter(), target.at(fraction));
    }
  }

  private static void check(String source, Song song, Graph graph) {
    Set<String> tracks = new HashSet<>();
    graph.tracks().forEach(t -> tracks.add(t.id()));
    Set<String> nodes = new HashSet<>();
    graph.nodes().stream().map(Node::id).forEach(nodes::add);
    for (int i = 0; i < song.instruments().size(); i++) {
      String out = song.instruments().get(i).output();
      if (!tracks.contains(out)) {
        throw new ProjectFormatException(source, "$.song.instruments[" + i + "].output", "unknown track '" + out + "'");
      }
    }
    for (int i = 0; i < song.tracks().size(); i++) {
      SongTrack t = song.tracks().get(i);
      String p = "$.song.tracks[" + i + "]";
      if (!tracks.contains(t.output())) {
        throw new ProjectFormatException(source, p + ".output", "unknown track '" + t.output() + "'");
      }
      node(source, p + ".volume", t.volume(), nodes);
      node(source, p + ".pan", t.pan(), nodes);
      node(source, p + ".sampleOffset", t.sampleOffset(), nodes);
      t.slots().forEach((s, target) -> node(source, p + ".slots." + Integer.toHexString(s).toUpperCase(), target, nodes));
    }
    for (int i = 0; i < song.automation().size(); i++) {
      Envelope e = song.automation().get(i);
      if (!nodes.contains(e.node())) {
        throw new ProjectFormatException(source, "$.song.automation[" + i + "].param", "unknown node '" + e.node() + "'");
      }
    }
  }

  private static void parameter(String source, String path, ParamTarget target, Map<String, ModuleDescriptor> modules) {
    ModuleDescriptor d = target == null ? null : modules.get(target.node());
    if (d != null && d.parameterIndex(target.parameter()) < 0) {
      throw new ProjectFormatException(source, path + ".param", "node '" + target.node() + "' (" + d.id()
          + ") has no parameter '" + target.parameter() + "' (it has: "
          + String.join(", ", d.parameters().stream().map(ParameterDescriptor::id).toList()) + ")");
    }
  }

  private static void node(String source, String path, ParamTarget target, Set<String> nodes) {
    if (target != null && !nodes.contains(target.node())) {
      throw new ProjectFormatException(source, path + ".param", "unknown node '" + target.node() + "'");
    }
  }
}
