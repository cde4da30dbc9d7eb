package org.patchwork.marketplace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The marketplace client on the running host, as a DS service. It runs the same code as
 * {@code patchwork market}: catalogue signatures, expiry and version, jar digests, publisher
 * signatures and pinned keys are all checked, changes are one transaction, and a refusal comes
 * back in the {@link Result} with the same words the command prints.
 *
 * <pre>{@code
 * @Reference Marketplace market;
 * // off the UI thread: these calls block
 * List<Entry> hits = market.search("reverb");
 * Result r = market.install(hits.get(0).id(), null, (id, version, done, total) -> bar.set(done, total));
 * if (!r.ok()) status.setText(r.message());   // e.g. "... the publisher signature does not verify ...; refused; nothing was installed"
 * }</pre>
 *
 * <p>Thread: any. Every method blocks (file reads, signature checks, and for the changing ones
 * downloads and the framework's refresh), so a UI calls them on a worker thread. Changes are
 * serialised with every other marketplace command on this home, in this and other processes.
 */
@ProviderType
public interface Marketplace {

  /**
   * Searches the cached catalogues (offline): bundles whose id, name, summary, description,
   * kind, author or tags contain {@code text}, ignoring case; all of them for null or blank.
   *
   * @return one entry per bundle and repository, sorted by id
   * @throws IOException if the marketplace's state files cannot be read
   */
  List<Entry> search(String text) throws IOException;

  /** Everything the cached catalogues and the installed state say about {@code id}. */
  Optional<Details> info(String id) throws IOException;

  /** The bundles the marketplace installed, sorted by id. */
  List<Installed> installed() throws IOException;

  /** The repositories added, with their cached catalogues' state. */
  List<Repository> repositories() throws IOException;

  /** Fetches and verifies every repository's catalogue. */
  Result refresh(Progress progress);

  /**
   * Installs {@code id} (with its dependencies) at {@code version}, or the newest offered when
   * {@code version} is null. Refreshes the catalogues first.
   */
  Result install(String id, String version, Progress progress);

  /** Updates {@code id}, or every installed bundle when null, to the newest version offered. */
  Result update(String id, Progress progress);

  /** Uninstalls {@code id}; refused while another bundle depends on it. */
  Result remove(String id);

  /** Returns {@code id} to the version it had before its last update. */
  Result rollback(String id);

  /**
   * The modules a project uses (its nodes, and its lockfile's lines) that no running bundle
   * offers as a {@code ModuleFactory} service, with the exact bundle version its lockfile names
   * when it has one. A format 1 project has no lockfile: its missing modules come back unlocked.
   *
   * @param projectFolderOrJson a project folder or its {@code project.json}
   * @throws IOException if the file cannot be read; a file that is not a project is reported
   *     as an {@link IllegalArgumentException} naming the problem
   */
  List<Missing> missingFromLockfile(Path projectFolderOrJson) throws IOException;

  /**
   * Installs the exact bundle versions a project's lockfile names for its missing modules, as
   * {@code patchwork market install --lockfile PROJECT}: refused when a repository lacks that
   * version or its SHA-256 differs from the lockfile.
   */
  Result installFromLockfile(Path projectFolderOrJson, Progress progress);
}
