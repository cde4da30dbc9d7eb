package org.patchwork.playback.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.patchwork.engine.Connection;
import org.patchwork.engine.Graph;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Node;
import org.patchwork.engine.Note;
import org.patchwork.engine.OfflineRenderer;
import org.patchwork.engine.Project;
import org.patchwork.engine.RenderProgress;
import org.patchwork.engine.RenderResult;
import org.patchwork.engine.RenderSettings;
import org.patchwork.engine.Track;
import org.patchwork.engine.WavFormat;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;

/**
 * One module rendered alone through the real engine, by building a one-module project: the same
 * plan compiler, parameter smoothing, note timing and latency compensation as a song.
 *
 * <ul>
 *   <li>A module with an events input (every instrument) is a track's only node and plays
 *       {@code note} from 0 s, released at 75 % of the length so its release is heard; the
 *       track is set +3.01 dB so its centre pan passes the output at unity.
 *   <li>The input signal (see {@link AuditionSignal}) comes from an extra source node by
 *       cables into every audio input; modulators and utilities get it on their CV inputs
 *       too. The default is {@code burst} for effects and utilities, {@code silence} else.
 *   <li>Without a track, or when the track's node has no audio output, the first audio (else
 *       CV) output is cabled straight to the master at unity, mono to both sides.
 * </ul>
 * The file is always stereo. Every user mistake is a {@link UsageException} thrown before
 * anything is written.
 */
final class Audition {

  static final String NODE = "audition";
  static final String INPUT = "input";
  static final String TRACK = "audition";
  /** One beat per second, so beats are seconds. */
  static final double TEMPO = 60;
  /** Undoes the -3 dB of the centre pan of the equal-power law. */
  static final double UNITY_DB = 20 * Math.log10(Math.sqrt(2));
  static final double DEFAULT_SECONDS = 2;
  /** Extra seconds after an input file ends, for tails. */
  static final double FILE_TAIL_SECONDS = 1;
  static final double MAX_SECONDS = 3600;
  static final double RELEASE_AT = 0.75;
  static final double DEFAULT_RATE = 48_000;

  /** What the user asked for; 0 means "the default" for seconds and sampleRate, null for input. */
  record Request(String module, int note, double velocity, List<String> set, String input, double seconds,
      double sampleRate, WavFormat format) {
  }

  /** A checked audition, ready to render. */
  record Setup(ModuleDescriptor descriptor, Project project, ModuleRegistry registry, RenderSettings settings,
      AuditionSignal input, String heard, boolean playsNote) {
  }

  private Audition() {
  }

  /** Checks {@code r} against the module's descriptor and builds the project. */
  static Setup setup(ModuleRegistry registry, Request r) {
    ModuleDescriptor d = registry.find(r.module()).map(f -> f.descriptor()).orElseThrow(() ->
        new UsageException("audition: unknown module '" + r.module() + "' (see 'patchwork modules')"));
    Map<String, Double> params = parameters(d, r.set());
    boolean events = first(d, PortDescriptor.Direction.INPUT, PortDescriptor.Type.EVENTS) >= 0;
    if (r.note() < 0 || r.note() > 127) {
      throw new UsageException("audition: --note must be a MIDI key within 0..127: " + r.note());
    }
    if (!(r.velocity() > 0 && r.velocity() <= 1)) {
      throw new UsageException("audition: --velocity must be above 0 and at most 1: " + r.velocity());
    }
    AuditionSignal input = r.input() != null ? AuditionSignal.parse(r.input())
        : AuditionSignal.of(d.kind() == ModuleKind.EFFECT || d.kind() == ModuleKind.UTILITY
            ? AuditionSignal.Kind.BURST : AuditionSignal.Kind.SILENCE);
    double rate = r.sampleRate();
    if (input.sampleRate() != 0) {
      if (rate != 0 && rate != input.sampleRate()) {
        throw new UsageException("audition: input " + r.input() + " is " + input.sampleRate()
            + " Hz but --sample-rate is " + fmt(rate) + " Hz (resample it, or drop --sample-rate)");
      }
      rate = input.sampleRate();
    }
    rate = rate == 0 ? DEFAULT_RATE : rate;
    if (!(rate >= 8000 && rate <= 384_000) || rate != Math.rint(rate)) {
      throw new UsageException("audition: --sample-rate must be a whole number within 8000..384000 Hz: " + fmt(rate));
    }
    if (input.kind == AuditionSignal.Kind.SINE && input.hz >= rate / 2) {
      throw new UsageException("audition: --input sine:" + fmt(input.hz) + " is not below the Nyquist frequency ("
          + fmt(rate / 2) + " Hz at " + fmt(rate) + " Hz)");
    }
    double seconds = r.seconds() != 0 ? r.seconds()
        : input.kind == AuditionSignal.Kind.FILE ? Math.max(DEFAULT_SECONDS, input.seconds() + FILE_TAIL_SECONDS)
        : DEFAULT_SECONDS;
    if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
      throw new UsageException("audition: --seconds must be above 0 and at most " + fmt(MAX_SECONDS) + ": " + fmt(seconds));
    }

    List<Node> nodes = new ArrayList<>(List.of(new Node(NODE, d.id(), params)));
    List<Connection> cables = new ArrayList<>();
    List<Track> tracks = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    boolean signalled = false;
    if (input.kind != AuditionSignal.Kind.SILENCE) {
      boolean cv = d.kind() == ModuleKind.MODULATOR || d.kind() == ModuleKind.UTILITY;
      for (PortDescriptor p : d.ports()) {
        if (p.direction() == PortDescriptor.Direction.INPUT
            && (p.type() == PortDescriptor.Type.AUDIO || cv && p.type() == PortDescriptor.Type.CV)) {
          cables.add(new Connection(INPUT + ".out", NODE + "." + p.id()));
          signalled = true;
        }
      }
      if (signalled) {
        nodes.add(new Node(INPUT, AuditionInput.ID));
      }
    }
    int audioOut = first(d, PortDescriptor.Direction.OUTPUT, PortDescriptor.Type.AUDIO);
    int cvOut = first(d, PortDescriptor.Direction.OUTPUT, PortDescriptor.Type.CV);
    if (audioOut < 0 && cvOut < 0) {
      throw new UsageException("audition: module " + d.id() + " has no audio or CV output to listen to");
    }
    String heard = d.ports().get(audioOut >= 0 ? audioOut : cvOut).id();
    if (events) {
      tracks.add(Track.of(TRACK, NODE).withGain(UNITY_DB));
      notes.add(new Note(TRACK, r.note(), r.velocity(), 0, seconds * RELEASE_AT));
    }
    if (!events || audioOut < 0) {
      cables.add(new Connection(NODE + "." + heard, Connection.MASTER));
    }
    Graph graph = Graph.of(nodes, cables, tracks);
    Project project = new Project("audition of " + d.id(), rate, TEMPO, graph, notes);
    double renderRate = rate;
    RenderSettings settings = Projects.checked(() -> new RenderSettings(renderRate, 256, seconds, r.format(), 1));
    return new Setup(d, project, AuditionInput.registry(registry, input), settings, input, heard, events);
  }

  /** Renders a checked audition to {@code out}; on failure nothing is left at {@code out}. */
  static RenderResult render(Setup s, Path out, RenderProgress progress) throws IOException {
    try {
      return new OfflineRenderer(s.registry()).render(s.project(), s.settings(), out, progress);
    } catch (IllegalArgumentException e) {
      // A graph rule the module's descriptor breaks here (GraphException) is the user's to fix.
      throw new UsageException("audition: " + e.getMessage());
    }
  }

  /** Parses {@code --set PARAM=VALUE} items; a stepped parameter also takes a value's name. */
  static Map<String, Double> parameters(ModuleDescriptor d, List<String> set) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (String item : set == null ? List.<String>of() : set) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("audition: --set needs PARAM=VALUE, not '" + item + "'");
      }
      String id = item.substring(0, eq).strip();
      String text = item.substring(eq + 1).strip();
      int index = d.parameterIndex(id);
      if (index < 0) {
        throw new UsageException("audition: module " + d.id() + " has no parameter '" + id + "' (it has: "
            + String.join(", ", d.parameters().stream().map(ParameterDescriptor::id).toList()) + ")");
      }
      ParameterDescriptor p = d.parameters().get(index);
      double v = value(p, text);
      if (!(v >= p.min() && v <= p.max())) {
        throw new UsageException("audition: parameter '" + id + "' = " + text + " is outside [" + fmt(p.min())
            + ", " + fmt(p.max()) + "]" + (p.unit().isEmpty() ? "" : " " + p.unit()));
      }
      if (p.has(ParameterFlag.STEPPED) && v != Math.rint(v)) {
        throw new UsageException("audition: parameter '" + id + "' is stepped and needs a whole number: " + text);
      }
      values.put(id, v);
    }
    return values;
  }

  private static double value(ParameterDescriptor p, String text) {
    for (int i = 0; i < p.valueNames().size(); i++) {
      if (p.valueNames().get(i).equalsIgnoreCase(text)) {
        return p.min() + i;
      }
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new UsageException("audition: parameter '" + p.id() + "' needs a number"
          + (p.valueNames().isEmpty() ? "" : " or one of " + String.join(", ", p.valueNames()))
          + ", not '" + text + "'");
    }
  }

  static int first(ModuleDescriptor d, PortDescriptor.Direction direction, PortDescriptor.Type type) {
    for (int i = 0; i < d.ports().size(); i++) {
      PortDescriptor p = d.ports().get(i);
      if (p.direction() == direction && p.type() == type) {
        return i;
      }
    }
    return -1;
  }

  /** A number as users type it: no ".0" on whole numbers. */
  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
