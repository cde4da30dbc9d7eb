package org.patchwork.sync;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;
import org.patchwork.sdk.project.ProjectRepository;

/**
 * A remote opened for syncing: its repository and what the sync needs beyond the SDK's
 * interface. {@code Connectors.open} gives one for a {@link Remote}.
 */
@ConsumerType
public interface RemoteStore extends Closeable {

  /** The projects and assets. */
  ProjectRepository repository();

  /** Which of these assets the remote lacks; adapters batch the check where they can. */
  Set<String> missingAssets(Collection<String> sha256s) throws IOException;

  /**
   * Whether the server enforces the conditional writes saves rely on; when false, two
   * clients saving at the same moment may overwrite each other.
   */
  boolean safeForConcurrentWriters() throws IOException;

  @Override
  void close() throws IOException;
}
