package org.patchwork.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sdk.project.ProjectRepository;
import org.patchwork.sdk.project.StaleRevisionException;
import org.patchwork.sdk.project.StoredProject;
import org.patchwork.sync.internal.LocalProject;
import org.patchwork.sync.internal.SyncState;
import org.patchwork.sync.internal.Transfers;

/**
 * Syncs one project folder with one remote. The local copy is authoritative: remote changes
 * are merged into it ({@link JsonMerge}, against the ancestor kept in
 * {@code .patchwork-sync/<remote>/}), and a conflict keeps ours in the project and theirs in a
 * snapshot {@code project.conflict-<remote>-<time>.json} beside it. A push first sends the
 * samples the remote lacks, several at a time, then the manifest with the revision it was
 * merged against; when another client saved in between ({@link StaleRevisionException}) it
 * fetches, merges and tries again. So the remote never holds a manifest whose samples are not
 * all there, and no save overwrites one it has not merged.
 *
 * <pre>{@code
 * SyncResult r = new SyncEngine(store, "studio").sync(Path.of("songs/demo"), SyncEngine.Mode.BOTH, listener);
 * }</pre>
 *
 * <p>Thread: any non-audio thread; one sync per project folder at a time.
 */
@ProviderType
public final class SyncEngine {

  /** Which way a sync goes. */
  public enum Mode {
    /** Merge remote changes in, then send local changes. */
    PUSH,
    /** Merge remote changes in only. */
    PULL,
    /** Both; the same as {@link #PUSH}, which always merges first. */
    BOTH
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  /** Saves tried before giving up on a busy remote; each loss means someone else got through. */
  private static final int MAX_ATTEMPTS = 60;

  private final RemoteStore store;
  private final String remoteName;
  private final Clock clock;

  public SyncEngine(RemoteStore store, String remoteName) {
    this(store, remoteName, Clock.systemUTC());
  }

  public SyncEngine(RemoteStore store, String remoteName, Clock clock) {
    this.store = store;
    this.remoteName = remoteName;
    this.clock = clock;
  }

  /** The remote project id of a folder: its name. */
  public static String projectId(Path dir) {
    return dir.toAbsolutePath().normalize().getFileName().toString();
  }

  /**
   * Syncs {@code dir} with the remote.
   *
   * @throws IOException when the remote cannot be reached or refuses (the caller may queue the
   *     push and retry later); nothing is half-done locally
   */
  public SyncResult sync(Path dir, Mode mode, SyncListener listener) throws IOException {
    LocalProject local = new LocalProject(dir);
    SyncState state = new SyncState(local.syncDir(remoteName));
    String id = projectId(dir);
    ProjectRepository repo = store.repository();
    List<Conflict> conflicts = new ArrayList<>();
    Path snapshot = null;
    boolean pulled = false;
    int uploaded = 0;
    int downloaded = 0;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      byte[] mine = local.read();
      SyncState.Base base = state.read();
      StoredProject remote;
      try {
        remote = repo.load(id);
      } catch (NoSuchFileException e) {
        remote = null;
      }
      byte[] toPush = mine;
      String expected = remote == null ? null : remote.revision();
      if (remote != null && !remote.revision().equals(base.revision())) {
        // The remote moved since we last agreed: bring its changes in first.
        JsonNode theirs = tree(remote.manifest(), "remote " + id);
        downloaded += prefetch(local, repo, theirs, listener);
        if (mine == null || same(mine, remote.manifest())) {
          toPush = null;
          if (mine == null && !replaceLocal(local, null, remote.manifest())) {
            continue;
          }
        } else {
          JsonNode ancestor = base.manifest() == null ? null : tree(base.manifest(), "ancestor");
          JsonMerge.Result r = JsonMerge.merge(ancestor, tree(mine, local.manifest().toString()), theirs);
          byte[] merged = bytes(r.merged());
          if (!r.conflicts().isEmpty()) {
            snapshot = keepTheirs(local, remote.manifest());
            conflicts.addAll(r.conflicts());
          }
          if (!replaceLocal(local, mine, merged)) {
            continue; // edited locally while we merged: start over with the new bytes
          }
          toPush = same(merged, remote.manifest()) ? null : merged;
        }
        pulled = true;
        state.write(remote.manifest(), remote.revision());
        if (toPush == null || mode == Mode.PULL) {
          return new SyncResult(pulled, false, remote.revision(), uploaded, downloaded, conflicts, snapshot, attempt);
        }
      } else if (mine == null) {
        return new SyncResult(false, false, expected, 0, 0, conflicts, snapshot, attempt);
      } else if (remote != null && (base.manifest() != null && Arrays.equals(mine, base.manifest())
          || same(mine, remote.manifest()))) {
        if (base.manifest() == null || !Arrays.equals(mine, base.manifest())) {
          state.write(mine, remote.revision());
        }
        return new SyncResult(false, false, remote.revision(), 0, 0, conflicts, snapshot, attempt);
      }
      if (mode == Mode.PULL) {
        return new SyncResult(pulled, false, expected, uploaded, downloaded, conflicts, snapshot, attempt);
      }
      // Samples first: a manifest must never point at a sample the remote does not have. Those
      // a remote manifest named are there already (assets are never deleted), so only new ones
      // are checked.
      Set<String> needed = new TreeSet<>(LocalProject.referencedAssets(tree(toPush, "project")));
      if (remote != null) {
        needed.removeAll(LocalProject.referencedAssets(tree(remote.manifest(), "remote " + id)));
      }
      Set<String> missing = new TreeSet<>(store.missingAssets(needed));
      Transfers.upload(local, repo, missing, listener);
      uploaded += missing.size();
      try {
        String revision = repo.save(id, toPush, expected);
        state.write(toPush, revision);
        return new SyncResult(pulled, true, revision, uploaded, downloaded, conflicts, snapshot, attempt);
      } catch (StaleRevisionException e) {
        backoff(attempt); // lost a race: fetch, merge, retry
      }
    }
    throw new IOException("remote " + remoteName + ": project " + id + " changed under us " + MAX_ATTEMPTS
        + " times in a row; try again later");
  }

  private int prefetch(LocalProject local, ProjectRepository repo, JsonNode manifest, SyncListener listener)
      throws IOException {
    List<String> missing = new ArrayList<>();
    for (String sha : LocalProject.referencedAssets(manifest)) {
      if (!Files.isRegularFile(local.asset(sha))) {
        missing.add(sha);
      }
    }
    Transfers.download(local, repo, missing, listener);
    return missing.size();
  }

  /** Replaces the local manifest unless it changed since {@code expected} was read. */
  private static boolean replaceLocal(LocalProject local, byte[] expected, byte[] next) throws IOException {
    byte[] now = local.read();
    if (!Arrays.equals(now, expected)) {
      return false;
    }
    LocalProject.writeAtomically(local.manifest(), next);
    return true;
  }

  private Path keepTheirs(LocalProject local, byte[] theirs) throws IOException {
    String stamp = STAMP.format(clock.instant());
    Path file = local.dir().resolve("project.conflict-" + remoteName + "-" + stamp + ".json");
    for (int i = 2; Files.exists(file); i++) {
      file = local.dir().resolve("project.conflict-" + remoteName + "-" + stamp + "-" + i + ".json");
    }
    LocalProject.writeAtomically(file, theirs);
    return file;
  }

  private static void backoff(int attempt) {
    long cap = Math.min(2000, 20L << Math.min(attempt, 10));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 4, cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static boolean same(byte[] a, byte[] b) throws IOException {
    return Arrays.equals(a, b) || JsonMerge.same(tree(a, "a"), tree(b, "b"));
  }

  static JsonNode tree(byte[] bytes, String what) throws IOException {
    try {
      JsonNode n = JSON.readTree(bytes);
      if (!(n instanceof ObjectNode)) {
        throw new IOException(what + ": a project manifest is a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new IOException(what + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  static byte[] bytes(JsonNode tree) throws IOException {
    return (JSON.writeValueAsString(tree) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
