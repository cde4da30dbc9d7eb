package org.patchwork.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A module instance in a graph.
 *
 * @param id instance id, unique in the graph (letters, digits, {@code _} and {@code -}; a dot
 *     would clash with the {@code node.port} notation, and {@code master} is reserved)
 * @param module the module's reverse-DNS id, e.g. {@code org.patchwork.examples.sine}
 * @param params parameter values by parameter id; parameters not named keep their default
 * @param state saved module state for {@link org.patchwork.sdk.module.AudioModule#restoreState},
 *     or null
 */
@ProviderType
public record Node(String id, String module, Map<String, Double> params, byte[] state) {

  /** Copies its arguments, so a node never changes after construction. */
  public Node {
    Objects.requireNonNull(id, "node id");
    Objects.requireNonNull(module, "module id of node " + id);
    // Insertion order is kept so error messages and saved files follow the author's order.
    params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    state = state == null ? null : state.clone();
  }

  /** A node with default parameters and no state. */
  public Node(String id, String module) {
    this(id, module, Map.of(), null);
  }

  /** A node with some parameter values and no state. */
  public Node(String id, String module, Map<String, Double> params) {
    this(id, module, params, null);
  }

  /** A copy of the saved state, or null. */
  @Override
  public byte[] state() {
    return state == null ? null : state.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Node n && id.equals(n.id) && module.equals(n.module)
        && params.equals(n.params) && Arrays.equals(state, n.state);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, module, params, Arrays.hashCode(state));
  }

  @Override
  public String toString() {
    return "Node[" + id + " " + module + " " + params + (state == null ? "" : " state") + "]";
  }
}
