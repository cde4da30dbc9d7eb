package org.patchwork.engine;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.engine.internal.CompiledPlan;
import org.patchwork.engine.internal.MixGains;
import org.patchwork.engine.internal.PlanCompiler;

/**
 * A graph compiled for one sample rate and block size: modules created and activated, order,
 * buffers and latency compensation fixed. Hand it to an {@link Engine} with
 * {@link Engine#submit(Plan)}; the engine switches to it at a block boundary.
 *
 * <pre>{@code
 * Plan plan = Plan.compile(graph, registry, 48_000, 256);     // control thread
 * engine.submit(plan);
 * ring.noteOn(engine.frame() + 2048, plan.trackIndex("lead"), 1, 60, 0.8f);
 * // ... later, once another plan plays:
 * plan.close();
 * }</pre>
 *
 * <p>Thread: compile and close on a control thread; the lookups are safe anywhere.
 */
@ProviderType
public final class Plan implements AutoCloseable {

  private final CompiledPlan compiled;
  private final Graph graph;

  private Plan(CompiledPlan compiled, Graph graph) {
    this.compiled = compiled;
    this.graph = graph;
  }

  /**
   * Checks the graph, creates and activates its modules and fixes the schedule.
   *
   * @param sampleRate frames per second, 8000..384000
   * @param maxFrames the largest block the engine will process, 1..8192
   * @throws GraphException when the graph breaks a rule, e.g. "cycle without a feedback edge:
   *     osc -> filter -> osc" or "unknown module id: com.x.y (node 'lead')"
   * @throws IllegalArgumentException for a sample rate or block size out of range
   * @throws IllegalStateException if a module fails to start
   */
  public static Plan compile(Graph graph, ModuleRegistry registry, double sampleRate, int maxFrames) {
    CompiledPlan compiled = PlanCompiler.compile(graph, registry, sampleRate, maxFrames);
    Plan plan = new Plan(compiled, graph);
    compiled.owner(plan);
    return plan;
  }

  /** The graph this plan was compiled from. */
  public Graph graph() {
    return graph;
  }

  /** Frames per second the modules run at. */
  public double sampleRate() {
    return compiled.sampleRate();
  }

  /** The largest block the modules were activated for. */
  public int maxFrames() {
    return compiled.maxFrames();
  }

  /**
   * Frames by which the master output lags a note, from the modules' declared
   * {@code latencySamples} along the longest path (shorter paths are delayed to match).
   */
  public int latencyFrames() {
    return compiled.latency();
  }

  /** Index of the node with this id, as used in parameter messages; -1 if none. */
  public int nodeIndex(String nodeId) {
    for (int i = 0; i < graph.nodes().size(); i++) {
      if (graph.nodes().get(i).id().equals(nodeId)) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the track with this id, as used in note messages; -1 if none. */
  public int trackIndex(String trackId) {
    for (int i = 0; i < graph.tracks().size(); i++) {
      if (graph.tracks().get(i).id().equals(trackId)) {
        return i;
      }
    }
    return -1;
  }

  /** Index of a parameter of a node, as used in parameter messages; -1 if either is unknown. */
  public int parameterIndex(String nodeId, String parameterId) {
    int node = nodeIndex(nodeId);
    return node < 0 ? -1 : compiled.wiring().descriptor(node).parameterIndex(parameterId);
  }

  /**
   * The mixer settings (gains, pans, mutes, solos, send levels) of {@code mixGraph} as a snapshot
   * for {@link Engine#submit(Mix)}. The graph must have this plan's tracks, sends and buses;
   * only their levels may differ.
   *
   * @throws GraphException if the tracks or buses differ, or a level is out of range
   */
  public Mix mix(Graph mixGraph) {
    return new Mix(MixGains.of(compiled, mixGraph));
  }

  /** Notes that did not stop compilation, such as a saved state a module could not read. */
  public List<String> warnings() {
    return compiled.warnings();
  }

  /** Whether the engine bypassed this node after a fault. Thread: any; a snapshot. */
  public boolean isBypassed(String nodeId) {
    int node = nodeIndex(nodeId);
    return node >= 0 && compiled.bypassed(node);
  }

  /**
   * Whether this node plays as a placeholder (no instance: its module's bundle went away, or
   * the module is held back after a crash). Thread: any; a snapshot.
   */
  public boolean isPlaceholder(String nodeId) {
    int node = nodeIndex(nodeId);
    return node >= 0 && compiled.placeholder(node);
  }

  /**
   * Deactivates the modules. Call on a control thread once no engine plays this plan any more
   * (see {@link Engine#activePlan()}); further calls do nothing.
   */
  @Override
  public void close() {
    compiled.close();
  }

  CompiledPlan compiled() {
    return compiled;
  }
}
