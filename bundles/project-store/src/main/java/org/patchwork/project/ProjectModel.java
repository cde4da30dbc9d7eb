package org.patchwork.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything a {@code project.json} holds (format version {@value ProjectFormat#CURRENT_VERSION}).
 * Immutable; {@link ProjectFormat} reads and writes it, {@link ProjectStore} keeps it in a folder.
 *
 * <pre>{@code
 * ProjectModel p = ProjectModel.empty("Demo").withTempo(128);
 * new ProjectStore().save(Path.of("songs/demo"), p);
 * }</pre>
 *
 * <p>The graph sections ({@code nodes} .. {@code notes}) are the engine's format (see
 * {@code docs/project-format.md}); {@code song} is the tracker song, kept as JSON and checked by
 * the sequencer; {@code samples}, {@code automation} and {@code lockfile} are this bundle's.
 *
 * @param name the project's name
 * @param sampleRate the rate it was made at
 * @param tempo beats per minute
 * @param nodes module instances
 * @param connections extra cables
 * @param tracks mixer tracks with their chains
 * @param buses send buses
 * @param master the master strip, or null for the default
 * @param notes notes by track
 * @param song the tracker song, or null
 * @param samples the sample pool; the audio is in {@code assets/<sha256>}
 * @param automation parameter curves
 * @param lockfile per module used, the bundle that provided it
 */
@ProviderType
public record ProjectModel(
    @Field(doc = "The project's name.", pattern = "\\S") String name,
    @Field(doc = "Frames per second the project was made at.", min = 8000, max = 384000) int sampleRate,
    @Field(doc = "Beats (quarter notes) per minute.", min = 1, max = 999) double tempo,
    @Field(doc = "Module instances.") List<Node> nodes,
    @Field(doc = "Extra cables between node ports.", optional = true) List<Connection> connections,
    @Field(doc = "Mixer tracks, each with a chain of nodes.", optional = true) List<Track> tracks,
    @Field(doc = "Send buses.", optional = true) List<Bus> buses,
    @Field(doc = "The master strip.", optional = true) Master master,
    @Field(doc = "Notes in beats, by track.", optional = true) List<Note> notes,
    @Field(doc = "The tracker song (patterns, order list); its contents are checked by the sequencer.",
        optional = true) JsonNode song,
    @Field(doc = "The sample pool; audio lives in assets/<sha256>.", optional = true) List<Sample> samples,
    @Field(doc = "Parameter automation curves.", optional = true) List<AutomationLane> automation,
    @Field(doc = "Per module used, the bundle that provided it, so it can be reinstalled exactly.",
        optional = true) List<LockEntry> lockfile) {

  /** Copies the lists; null lists become empty. */
  public ProjectModel {
    Objects.requireNonNull(name, "name");
    nodes = copy(nodes);
    connections = copy(connections);
    tracks = copy(tracks);
    buses = copy(buses);
    notes = copy(notes);
    song = song == null || song.isNull() ? null : song.deepCopy();
    samples = copy(samples);
    automation = copy(automation);
    lockfile = copy(lockfile);
  }

  /** A project with no nodes at 48 kHz and 120 bpm. */
  public static ProjectModel empty(String name) {
    return new ProjectModel(name, 48000, 120, List.of(), List.of(), List.of(), List.of(), null, List.of(),
        null, List.of(), List.of(), List.of());
  }

  /** The song as JSON; a copy, since JSON trees can be changed. */
  @Override
  public JsonNode song() {
    return song == null ? null : song.deepCopy();
  }

  /** This project with another tempo. */
  public ProjectModel withTempo(double bpm) {
    return new ProjectModel(name, sampleRate, bpm, nodes, connections, tracks, buses, master, notes, song,
        samples, automation, lockfile);
  }

  /** This project with other samples. */
  public ProjectModel withSamples(List<Sample> pool) {
    return new ProjectModel(name, sampleRate, tempo, nodes, connections, tracks, buses, master, notes, song,
        pool, automation, lockfile);
  }

  /** This project with another lockfile. */
  public ProjectModel withLockfile(List<LockEntry> entries) {
    return new ProjectModel(name, sampleRate, tempo, nodes, connections, tracks, buses, master, notes, song,
        samples, automation, entries);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
