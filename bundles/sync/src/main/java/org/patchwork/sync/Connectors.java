package org.patchwork.sync;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sdk.project.ProjectRepository;
import org.patchwork.storage.s3.S3Repository;
import org.patchwork.storage.s3.S3Settings;
import org.patchwork.storage.webdav.WebDavRepository;

/** Opens a {@link Remote} with the adapter its URL names: {@code s3://} or WebDAV. */
@ProviderType
public final class Connectors {

  private Connectors() {
  }

  /**
   * Opens the remote (no request is made yet).
   *
   * @throws IllegalArgumentException if its settings are not understood
   */
  public static RemoteStore open(Remote remote) throws IOException {
    return switch (remote.kind()) {
      case "s3" -> s3(new S3Repository(S3Settings.parse(remote.url(), remote.endpoint(), remote.options())));
      case "webdav" -> {
        if (remote.endpoint() != null) {
          throw new IllegalArgumentException("remote " + remote.name() + ": --endpoint is for S3 remotes; "
              + "a WebDAV remote's URL is its endpoint");
        }
        yield webdav(new WebDavRepository(remote.url(), remote.options()));
      }
      default -> throw new IllegalArgumentException("remote " + remote.name() + ": unknown kind " + remote.kind());
    };
  }

  /** A store over an S3 repository. */
  public static RemoteStore s3(S3Repository repo) {
    return new RemoteStore() {
      @Override
      public ProjectRepository repository() {
        return repo;
      }

      @Override
      public Set<String> missingAssets(Collection<String> sha256s) throws IOException {
        return repo.missingAssets(sha256s);
      }

      @Override
      public boolean safeForConcurrentWriters() throws IOException {
        return repo.honoursPreconditions();
      }

      @Override
      public void close() {
        repo.close();
      }
    };
  }

  /** A store over a WebDAV repository. */
  public static RemoteStore webdav(WebDavRepository repo) {
    return new RemoteStore() {
      @Override
      public ProjectRepository repository() {
        return repo;
      }

      @Override
      public Set<String> missingAssets(Collection<String> sha256s) throws IOException {
        return repo.missingAssets(sha256s);
      }

      @Override
      public boolean safeForConcurrentWriters() throws IOException {
        return repo.honoursPreconditions();
      }

      @Override
      public void close() throws IOException {
        repo.close();
      }
    };
  }
}
