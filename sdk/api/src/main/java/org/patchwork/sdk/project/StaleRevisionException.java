package org.patchwork.sdk.project;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/** A save lost a race: the stored revision is no longer the one the writer started from. */
@ProviderType
public class StaleRevisionException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The revision found in the repository, or null if the project is gone. */
  private final String currentRevision;

  /** Creates the exception for {@code projectId}, naming the revision actually stored. */
  public StaleRevisionException(String projectId, String currentRevision) {
    super("project " + projectId + " was changed elsewhere (now at revision " + currentRevision
        + "): fetch, merge and save again");
    this.currentRevision = currentRevision;
  }

  /** The revision found in the repository, or null if the project is gone. */
  public String currentRevision() {
    return currentRevision;
  }
}
