package org.patchwork.sync;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One place where both sides changed the same thing differently since the common ancestor. The
 * merged project keeps {@code ours} (the local copy is authoritative); {@code theirs} is kept
 * whole in the conflict snapshot.
 *
 * @param path where, e.g. {@code $.nodes[id=bass].params.cutoff} or
 *     {@code $.song.patterns[0].tracks[1][line=4].notes[0]}
 * @param base the ancestor's value, or null if it had none
 * @param ours the local value, or null if deleted locally
 * @param theirs the remote value, or null if deleted remotely
 */
@ProviderType
public record Conflict(String path, JsonNode base, JsonNode ours, JsonNode theirs) {

  /** One line: the path and both values. */
  @Override
  public String toString() {
    return path + ": ours " + show(ours) + ", theirs " + show(theirs) + " (was " + show(base) + ")";
  }

  private static String show(JsonNode n) {
    if (n == null) {
      return "(absent)";
    }
    String s = n.toString();
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
