package org.patchwork.engine.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.engine.Graph;
import org.patchwork.engine.ModuleGuard;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Node;
import org.patchwork.engine.internal.Wiring.Edge;
import org.patchwork.engine.internal.Wiring.Kind;
import org.patchwork.engine.internal.Wiring.Vertex;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;

/**
 * Turns a checked graph into a {@link CompiledPlan}:
 *
 * <ol>
 *   <li>order: Kahn's topological sort (see {@link Topology});
 *   <li>latency: each vertex's output lags by the largest lag among its inputs plus its own
 *       {@code latencySamples}; every shorter input is delayed by the difference, so parallel
 *       paths meet in time;
 *   <li>buffers: an input fed by exactly one plain cable reads its source's buffer directly;
 *       others sum into a gather buffer. Buffers come from a pool and go back after their
 *       last reader's step, so a long chain needs a handful of buffers, not one per port;
 *   <li>instances: created, state restored, activated between the registry guard's crash
 *       markers; a module the guard holds back gets no instance, its node plays as a
 *       placeholder.
 * </ol>
 *
 * <p>Tracks whose chain takes no signal from outside it form groups that come first in the
 * schedule, each with its own buffers, so the engine may run them on several threads; the
 * rest (buses, master, tracks fed by cables from elsewhere) follows on the audio thread.
 */
public final class PlanCompiler {

  private final Wiring w;
  private final double sampleRate;
  private final int maxFrames;
  private final List<String> warnings = new ArrayList<>();
  private final ModuleGuard guard;

  private PlanCompiler(Wiring wiring, ModuleGuard guard, double sampleRate, int maxFrames) {
    this.w = wiring;
    this.guard = guard;
    this.sampleRate = sampleRate;
    this.maxFrames = maxFrames;
  }

  /**
   * Checks, compiles and activates.
   *
   * @throws org.patchwork.engine.GraphException if the graph breaks a rule
   * @throws IllegalArgumentException for a sample rate or block size out of range
   * @throws IllegalStateException if a module fails to start (the others are stopped again)
   */
  public static CompiledPlan compile(Graph graph, ModuleRegistry registry, double sampleRate, int maxFrames) {
    if (!(sampleRate >= 8000 && sampleRate <= 384_000)) {
      throw new IllegalArgumentException("sampleRate must be within 8000..384000 Hz: " + sampleRate);
    }
    if (maxFrames < 1 || maxFrames > 8192) {
      throw new IllegalArgumentException("maxFrames must be within 1..8192: " + maxFrames);
    }
    return new PlanCompiler(GraphValidator.wire(graph, registry), registry.guard(), sampleRate, maxFrames).build();
  }

  /** A source channel feeding one destination channel. */
  private record Source(Edge edge, int channel, int compensation) {
  }

  private CompiledPlan build() {
    List<Vertex> vs = w.vertices;
    int n = vs.size();
    int[] group = new int[n];
    int groups = groups(group);
    int[] order = new int[n];
    int[] groupStart = new int[groups + 1];
    int at = 0;
    for (int g = 0; g <= groups; g++) {
      groupStart[g] = at;
      for (int v : w.order) {
        if (group[v] == (g == groups ? -1 : g)) {
          order[at++] = v;
        }
      }
    }
    int[] pos = new int[n];
    for (int s = 0; s < n; s++) {
      pos[order[s]] = s;
    }
    int[] inLatency = new int[n];
    int[] outLatency = new int[n];
    for (int v : order) {
      for (Edge e : w.edges) {
        if (e.to() == v && e.feedbackDelay() == 0) {
          inLatency[v] = Math.max(inLatency[v], outLatency[e.from()]);
        }
      }
      outLatency[v] = inLatency[v] + vs.get(v).latency();
    }
    List<List<List<List<Source>>>> sources = new ArrayList<>();
    int[][][] lastUse = new int[n][][];
    for (int v = 0; v < n; v++) {
      Vertex x = vs.get(v);
      List<List<List<Source>>> ports = new ArrayList<>();
      for (int c : x.ins()) {
        List<List<Source>> channels = new ArrayList<>();
        for (int ch = 0; ch < c; ch++) {
          channels.add(new ArrayList<>());
        }
        ports.add(channels);
      }
      sources.add(ports);
      lastUse[v] = new int[x.outs().length][];
      for (int p = 0; p < x.outs().length; p++) {
        lastUse[v][p] = new int[x.outs()[p]];
        java.util.Arrays.fill(lastUse[v][p], v == w.masterOut ? Integer.MAX_VALUE : -1);
      }
    }
    for (Edge e : w.edges) {
      int comp = e.feedbackDelay() > 0 ? 0 : inLatency[e.to()] - outLatency[e.from()];
      for (int dc = 0; dc < e.map().length; dc++) {
        int sc = e.map()[dc];
        if (sc < 0) {
          continue;
        }
        sources.get(e.to()).get(e.toPort()).get(dc).add(new Source(e, sc, comp));
        if (e.feedbackDelay() == 0) {
          int[] uses = lastUse[e.from()][e.fromPort()];
          uses[sc] = Math.max(uses[sc], pos[e.to()]);
        }
      }
    }

    // Each track group gets its own silence and buffer pool, so groups that run at the same
    // time never share a buffer; once every group is placed, their free buffers serve the rest.
    float[][] silences = new float[groups + 1][];
    Pool[] pools = new Pool[groups + 1];
    int[] created = new int[1];
    for (int g = 0; g <= groups; g++) {
      silences[g] = new float[maxFrames];
      pools[g] = new Pool(maxFrames, created);
    }
    float[][][][] ins = new float[n][][][];
    float[][][][] outs = new float[n][][][];
    List<List<float[]>> releaseAt = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      releaseAt.add(new ArrayList<>());
    }
    List<List<float[]>> gathers = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      int v = order[s];
      int g = group[v] < 0 ? groups : group[v];
      if (s == groupStart[groups]) {
        for (int k = 0; k < groups; k++) {
          pools[k].moveTo(pools[groups]);
        }
      }
      Pool pool = pools[g];
      Vertex x = vs.get(v);
      List<float[]> gather = new ArrayList<>();
      ins[v] = new float[x.ins().length][][];
      for (int p = 0; p < x.ins().length; p++) {
        ins[v][p] = new float[x.ins()[p]][];
        for (int ch = 0; ch < x.ins()[p]; ch++) {
          List<Source> src = sources.get(v).get(p).get(ch);
          if (src.isEmpty()) {
            ins[v][p][ch] = silences[g];
          } else if (src.size() == 1 && plain(src.get(0))) {
            Source only = src.get(0);
            ins[v][p][ch] = outs[only.edge().from()][only.edge().fromPort()][only.channel()];
          } else {
            ins[v][p][ch] = pool.take();
            gather.add(ins[v][p][ch]);
          }
        }
      }
      gathers.add(gather);
      outs[v] = new float[x.outs().length][][];
      List<float[]> unused = new ArrayList<>();
      for (int p = 0; p < x.outs().length; p++) {
        outs[v][p] = new float[x.outs()[p]][];
        for (int ch = 0; ch < x.outs()[p]; ch++) {
          float[] b = pool.take();
          outs[v][p][ch] = b;
          int last = lastUse[v][p][ch];
          if (last == Integer.MAX_VALUE) {
            continue;
          }
          (last <= s ? unused : releaseAt.get(last)).add(b);
        }
      }
      gather.forEach(pool::give);
      unused.forEach(pool::give);
      releaseAt.get(s).forEach(pool::give);
    }

    // Feedback edges: the source's step writes a delay line, the destination's feed reads it.
    Map<String, DelayLine> feedbackLines = new HashMap<>();
    List<List<DelayLine>> tapLines = new ArrayList<>();
    List<List<float[]>> tapSources = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      tapLines.add(new ArrayList<>());
      tapSources.add(new ArrayList<>());
    }
    int chunk = maxFrames;
    List<List<Feed>> feeds = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      List<Feed> list = new ArrayList<>();
      for (int p = 0; p < ins[v].length; p++) {
        for (int ch = 0; ch < ins[v][p].length; ch++) {
          List<Source> src = sources.get(v).get(p).get(ch);
          if (src.isEmpty() || src.size() == 1 && plain(src.get(0))) {
            continue;
          }
          for (Source s : src) {
            Edge e = s.edge();
            float[] from = outs[e.from()][e.fromPort()][s.channel()];
            if (e.feedbackDelay() > 0) {
              chunk = Math.min(chunk, e.feedbackDelay());
              String key = w.edges.indexOf(e) + ":" + s.channel();
              DelayLine line = feedbackLines.get(key);
              if (line == null) {
                line = new DelayLine(e.feedbackDelay(), maxFrames);
                feedbackLines.put(key, line);
                tapLines.get(e.from()).add(line);
                tapSources.get(e.from()).add(from);
              }
              list.add(new Feed(null, ins[v][p][ch], line, e.feedbackDelay(), false, e.gainSlot()));
            } else if (s.compensation() > 0) {
              list.add(new Feed(from, ins[v][p][ch], new DelayLine(s.compensation(), maxFrames),
                  s.compensation(), true, e.gainSlot()));
            } else {
              list.add(new Feed(from, ins[v][p][ch], null, 0, false, e.gainSlot()));
            }
          }
        }
      }
      feeds.add(list);
    }

    AudioModule[] modules = start();
    int nodes = w.graph.nodes().size();
    NodeStep[] nodeSteps = new NodeStep[nodes];
    Step[] steps = new Step[n];
    for (int s = 0; s < n; s++) {
      int v = order[s];
      Vertex x = vs.get(v);
      float[][] gather = gathers.get(s).toArray(new float[0][]);
      Feed[] fs = feeds.get(v).toArray(new Feed[0]);
      DelayLine[] tl = tapLines.get(v).toArray(new DelayLine[0]);
      float[][] ts = tapSources.get(v).toArray(new float[0][]);
      if (x.kind() == Kind.MODULE) {
        int node = x.index();
        boolean[] connected = new boolean[x.ins().length];
        for (int p = 0; p < connected.length; p++) {
          for (List<Source> ch : sources.get(v).get(p)) {
            connected[p] |= !ch.isEmpty();
          }
        }
        NodeContext ctx = new NodeContext(w.descriptors[node], sampleRate, ins[v], outs[v], connected,
            new ParameterState(w.descriptors[node].parameters(), initial(node), sampleRate, maxFrames));
        List<float[]> all = new ArrayList<>();
        for (float[][] port : outs[v]) {
          all.addAll(List.of(port));
        }
        nodeSteps[node] = new NodeStep(gather, fs, tl, ts, node, ctx, modules[node], all.toArray(new float[0][]),
            Bypass.of(w.descriptors[node]));
        steps[s] = nodeSteps[node];
      } else {
        steps[s] = new MixStep(gather, fs, tl, ts, ins[v][0], outs[v][0], x.gainSlot());
      }
    }
    NodeContext[] instruments = new NodeContext[w.trackInstrument.length];
    for (int t = 0; t < instruments.length; t++) {
      instruments[t] = nodeSteps[w.trackInstrument[t]].context;
      instruments[t].trackNotes();
    }
    CompiledPlan plan = new CompiledPlan(w, sampleRate, maxFrames, chunk, inLatency[w.masterOut], steps,
        groupStart, nodeSteps, instruments, outs[w.masterOut][0], silences, w.gainSlots, created[0], warnings);
    plan.initialMix(MixGains.of(plan, w.graph));
    return plan;
  }

  /**
   * Marks in {@code group} (by vertex, -1 for none) the tracks whose strip can run on its own:
   * the track's chain and its strip take no signal from outside them. Such a group only
   * writes its own buffers and is read after all groups ran, so groups may run in parallel.
   *
   * @return the number of groups, numbered in track order
   */
  private int groups(int[] group) {
    java.util.Arrays.fill(group, -1);
    Map<String, Integer> nodeIndex = new HashMap<>();
    for (int i = 0; i < w.graph.nodes().size(); i++) {
      nodeIndex.put(w.graph.nodes().get(i).id(), i);
    }
    int groups = 0;
    for (int t = 0; t < w.trackVertex.length; t++) {
      boolean[] member = new boolean[group.length];
      member[w.trackVertex[t]] = true;
      for (String id : w.graph.tracks().get(t).chain()) {
        member[nodeIndex.get(id)] = true; // module vertices are numbered as the nodes
      }
      boolean alone = true;
      for (Edge e : w.edges) {
        alone &= !member[e.to()] || member[e.from()];
      }
      if (alone) {
        for (int v = 0; v < member.length; v++) {
          if (member[v]) {
            group[v] = groups;
          }
        }
        groups++;
      }
    }
    return groups;
  }

  private static boolean plain(Source s) {
    return s.edge().gainSlot() < 0 && s.compensation() == 0 && s.edge().feedbackDelay() == 0;
  }

  private double[] initial(int node) {
    ModuleDescriptor d = w.descriptors[node];
    double[] values = new double[d.parameters().size()];
    for (int p = 0; p < values.length; p++) {
      values[p] = d.parameters().get(p).defaultValue();
    }
    w.graph.nodes().get(node).params().forEach((id, value) -> values[d.parameterIndex(id)] = value);
    return values;
  }

  /**
   * Creates, restores and activates every instance (null for a held-back module); on failure
   * stops those already started.
   */
  private AudioModule[] start() {
    List<Node> nodes = w.graph.nodes();
    AudioModule[] modules = new AudioModule[nodes.size()];
    int started = 0;
    try {
      for (; started < modules.length; started++) {
        Node node = nodes.get(started);
        if (guard.isHeldBack(node.module())) {
          warnings.add("node '" + node.id() + "' (" + node.module() + ") plays as a placeholder: the host "
              + "stopped while activating this module last time; 'pw:faults --clear " + node.module()
              + "' to try it again");
          continue;
        }
        AudioModule m = w.factories[started].create();
        byte[] state = node.state();
        if (state != null) {
          try {
            m.restoreState(state);
          } catch (IllegalArgumentException e) {
            // The SDK's rule: keep the defaults and report.
            warnings.add("node '" + node.id() + "': saved state not restored: " + e.getMessage());
          }
        }
        activate(guard, m, node.module(), node.id(), sampleRate, maxFrames);
        modules[started] = m;
      }
    } catch (RuntimeException | LinkageError e) {
      Node failed = nodes.get(started);
      for (int i = 0; i < started; i++) {
        try {
          if (modules[i] != null) {
            modules[i].deactivate();
          }
        } catch (RuntimeException ignored) {
          // Already failing; the first error is the one to report.
        }
      }
      throw new IllegalStateException("node '" + failed.id() + "' (" + failed.module()
          + ") failed to start: " + e, e);
    }
    return modules;
  }

  /**
   * Activates {@code m} between {@code guard}'s crash markers: if the host dies inside
   * {@code activate}, the marker stays and the module is held back on the next start.
   */
  static void activate(ModuleGuard guard, AudioModule m, String moduleId, String nodeId,
      double sampleRate, int maxFrames) {
    guard.activating(moduleId, nodeId);
    try {
      m.activate(sampleRate, maxFrames);
    } finally {
      guard.activated(moduleId, nodeId);
    }
  }

  /** Buffers handed out and taken back; counts how many it ever had to create. */
  private static final class Pool {
    private final Deque<float[]> free = new ArrayDeque<>();
    private final int size;
    private final int[] created;

    Pool(int size, int[] created) {
      this.size = size;
      this.created = created;
    }

    float[] take() {
      if (free.isEmpty()) {
        created[0]++;
        return new float[size];
      }
      return free.pop();
    }

    void give(float[] buffer) {
      free.push(buffer);
    }

    /** Hands every free buffer to {@code other}, in a fixed order. */
    void moveTo(Pool other) {
      while (!free.isEmpty()) {
        other.give(free.removeLast());
      }
    }
  }
}
