package org.patchwork.engine;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A graph broke a rule. The message names the rule and the things involved ("cycle without a
 * feedback edge: osc -> filter -> osc"); {@link #path()} says where, as a JSON path into the
 * project format ({@code $.nodes[2].module}), so an editor can point at it.
 */
@ProviderType
public final class GraphException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String path;

  /** A broken rule at {@code path}. */
  public GraphException(String path, String message) {
    super(message);
    this.path = path;
  }

  /** Where in the graph, as a JSON path such as {@code $.connections[1].to}. */
  public String path() {
    return path;
  }
}
