package org.patchwork.ui.shell.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patchwork.engine.Graph;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Node;
import org.patchwork.engine.Track;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;
import org.patchwork.ui.shell.TapBuffer;

/**
 * Audio taps on the tracks of a playing project, without touching the engine: the graph that
 * plays gets one extra pass-through module at the end of each track's chain (after the
 * track's effects, before its fader), which copies its input to its output unchanged and into
 * the track's {@link TapBuffer}. The tap nodes come after the project's own nodes, so node and
 * track indexes stay those of the project; the copy is exact, so the sound does not change.
 *
 * <p>The tap module exists only in the registry this class wraps around the real one, for the
 * live session: it never shows in the module browser or in saved files.
 */
final class Taps {

  static final String MODULE_ID = "org.patchwork.ui.tap";
  private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(MODULE_ID, "Tap", "Patchwork", "1.0.0",
      ModuleKind.UTILITY, Set.of("utility"),
      List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioOut("out", 2)),
      List.of(new ParameterDescriptor("slot", "Slot", 0, 4095, 0, "", Set.of(ParameterFlag.STEPPED), 0, List.of())),
      0);

  private final TapBuffer[] buffers;
  private final Map<String, TapBuffer> byTrack = new LinkedHashMap<>();
  private final List<String> trackIds;

  /** One tap for each track of {@code graph}, at {@code sampleRate}. */
  Taps(Graph graph, double sampleRate) {
    trackIds = graph.tracks().stream().map(Track::id).toList();
    buffers = new TapBuffer[trackIds.size()];
    for (int t = 0; t < buffers.length; t++) {
      buffers[t] = new TapBuffer(trackIds.get(t), sampleRate);
      byTrack.put(trackIds.get(t), buffers[t]);
    }
  }

  /** Whether {@code graph} has exactly the tracks these taps were made for, in that order. */
  boolean fits(Graph graph) {
    return graph.tracks().stream().map(Track::id).toList().equals(trackIds);
  }

  /** The graph to play: {@code graph} with a tap at the end of every track's chain. */
  Graph played(Graph graph) {
    if (!fits(graph)) {
      throw new IllegalArgumentException("the taps were made for tracks " + trackIds);
    }
    Set<String> ids = new HashSet<>();
    graph.nodes().forEach(n -> ids.add(n.id()));
    List<Node> nodes = new ArrayList<>(graph.nodes());
    List<Track> tapped = new ArrayList<>();
    for (int t = 0; t < graph.tracks().size(); t++) {
      Track track = graph.tracks().get(t);
      String id = "pw-tap-" + t;
      while (ids.contains(id)) {
        id = id + "_";
      }
      ids.add(id);
      nodes.add(new Node(id, MODULE_ID, Map.of("slot", (double) t)));
      List<String> chain = new ArrayList<>(track.chain());
      chain.add(id);
      tapped.add(new Track(track.id(), chain, track.gainDb(), track.pan(), track.mute(), track.solo(), track.sends()));
    }
    return new Graph(nodes, graph.connections(), tapped, graph.buses(), graph.master());
  }

  /** The tap of a track by id. */
  Optional<TapBuffer> track(String id) {
    return Optional.ofNullable(byTrack.get(id));
  }

  /** {@code registry} plus the tap module. */
  ModuleRegistry registry(ModuleRegistry registry) {
    ModuleFactory factory = new Factory(buffers);
    return new ModuleRegistry() {
      @Override
      public Optional<ModuleFactory> find(String moduleId) {
        return MODULE_ID.equals(moduleId) ? Optional.of(factory) : registry.find(moduleId);
      }

      @Override
      public List<ModuleDescriptor> descriptors() {
        return registry.descriptors();
      }
    };
  }

  private static final class Factory implements ModuleFactory {
    private final TapBuffer[] buffers;

    Factory(TapBuffer[] buffers) {
      this.buffers = buffers;
    }

    @Override
    public ModuleDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public AudioModule create() {
      return new Tap(buffers);
    }
  }

  /** Copies in to out and into the tap buffer its slot parameter names. Thread: audio. */
  private static final class Tap implements AudioModule {
    private final TapBuffer[] buffers;

    Tap(TapBuffer[] buffers) {
      this.buffers = buffers;
    }

    @Override
    public void activate(double sampleRate, int maxFrames) {
    }

    @Override
    public ProcessStatus process(ProcessContext context) {
      int n = context.frames();
      float[] inL = context.input(0, 0);
      float[] inR = context.input(0, 1);
      float[] outL = context.output(1, 0);
      float[] outR = context.output(1, 1);
      System.arraycopy(inL, 0, outL, 0, n);
      System.arraycopy(inR, 0, outR, 0, n);
      int slot = (int) context.parameter(0);
      if (slot >= 0 && slot < buffers.length) {
        buffers[slot].write(inL, inR, n);
      }
      return ProcessStatus.CONTINUE;
    }

    @Override
    public void reset() {
    }

    @Override
    public void deactivate() {
    }
  }
}
