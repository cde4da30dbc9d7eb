package org.patchwork.sync;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What one sync did.
 *
 * @param pulled whether remote changes were merged into the local copy
 * @param pushed whether the local copy was saved to the remote
 * @param revision the remote revision both sides now share, or null if the remote has none
 * @param uploaded assets sent
 * @param downloaded assets fetched
 * @param conflicts what both sides changed differently (the local copy kept ours)
 * @param snapshot the remote version kept beside the project when there were conflicts, or null
 * @param attempts saves tried (more than one when another client saved in between)
 */
@ProviderType
public record SyncResult(boolean pulled, boolean pushed, String revision, int uploaded, int downloaded,
    List<Conflict> conflicts, Path snapshot, int attempts) {

  /** One line for the user. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append(pushed && pulled ? "merged and pushed" : pushed ? "pushed" : pulled ? "pulled" : "up to date");
    if (revision != null) {
      b.append(", remote revision ").append(revision);
    }
    if (uploaded > 0) {
      b.append(", ").append(uploaded).append(" sample(s) uploaded");
    }
    if (downloaded > 0) {
      b.append(", ").append(downloaded).append(" sample(s) downloaded");
    }
    if (!conflicts.isEmpty()) {
      b.append(", ").append(conflicts.size()).append(" conflict(s): theirs kept in ").append(snapshot.getFileName());
    }
    return b.toString();
  }
}
