package org.patchwork.sdk.project;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A place projects are stored: a local folder, an S3 bucket, a WebDAV share. Manifests are
 * written with optimistic concurrency (a revision the writer expects to replace); assets are
 * content-addressed by SHA-256 and written once.
 *
 * <pre>{@code
 * StoredProject p = repository.load("my-song");
 * String next = repository.save("my-song", editedJson, p.revision());
 * }</pre>
 *
 * <p>Thread: any non-audio thread; implementations are thread-safe. Calls may do network I/O.
 */
@ProviderType
public interface ProjectRepository {

  /** Service property naming the URI scheme the adapter serves: {@code file}, {@code s3}, ... */
  String SCHEME = "patchwork.repository.scheme";

  /** Every project in the repository, sorted by id. */
  List<ProjectSummary> list() throws IOException;

  /**
   * The project's manifest and its current revision.
   *
   * @throws java.nio.file.NoSuchFileException if there is no such project
   */
  StoredProject load(String projectId) throws IOException;

  /**
   * Writes the manifest if the stored revision still is {@code expectedRevision} ({@code null}:
   * only if the project does not exist yet). Readers see the old or the new manifest, never a
   * mix.
   *
   * @return the new revision
   * @throws StaleRevisionException if someone else saved in between: fetch, merge, retry
   */
  String save(String projectId, byte[] manifest, String expectedRevision) throws IOException;

  /** Deletes the project if its revision still is {@code expectedRevision}. */
  void delete(String projectId, String expectedRevision) throws IOException;

  /** Whether an asset with this SHA-256 (lowercase hex) is stored. */
  boolean hasAsset(String sha256) throws IOException;

  /** Opens an asset; the stream fails if the bytes do not hash to {@code sha256}. */
  InputStream openAsset(String sha256) throws IOException;

  /** Stores an asset under its SHA-256, once; storing an existing asset does nothing. */
  void putAsset(String sha256, InputStream data, long length) throws IOException;
}
