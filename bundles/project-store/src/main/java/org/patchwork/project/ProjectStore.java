package org.patchwork.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.project.internal.NioDisk;
import org.patchwork.project.internal.ProjectFiles;

/**
 * Project folders: {@code project.json}, {@code project.json.bak} (the version before the last
 * save) and {@code assets/<sha256>}. Saving is atomic and durable: after a crash or a power cut
 * the folder holds the old project or the new one, never a torn file. Loading never writes.
 *
 * <pre>{@code
 * ProjectStore store = new ProjectStore();
 * Sample kick = store.importSample(dir, Path.of("kick.wav"), "kick");
 * store.save(dir, ProjectModel.empty("Beat").withSamples(List.of(kick)));
 * ProjectModel again = store.load(dir);
 * }</pre>
 *
 * <p>Thread: any; a folder must not be saved from two threads at once.
 */
@ProviderType
public final class ProjectStore {

  private final ProjectFiles files;
  private final ModuleLocks locks;

  /** A store that keeps lockfiles as they are. */
  public ProjectStore() {
    this(ModuleLocks.NONE);
  }

  /** A store whose saves record, per module used, the bundle {@code locks} names. */
  public ProjectStore(ModuleLocks locks) {
    this.files = new ProjectFiles(NioDisk.INSTANCE);
    this.locks = locks;
  }

  /**
   * Reads {@code dir/project.json} (any format version; older ones are migrated in memory).
   *
   * @throws ProjectFormatException naming the file, the JSON path and the problem
   * @throws java.nio.file.NoSuchFileException if there is no project
   */
  public ProjectModel load(Path dir) throws IOException {
    return files.load(dir).model();
  }

  /** Like {@link #load}, also saying which version the file had. */
  public ProjectFormat.Parsed read(Path dir) throws IOException {
    return files.load(dir);
  }

  /**
   * Saves {@code model} to {@code dir/project.json} with a fresh lockfile, keeping the previous
   * file as {@code project.json.bak}.
   *
   * @throws ProjectFormatException if the model breaks a rule (nothing is written then)
   */
  public ProjectModel save(Path dir, ProjectModel model, ProjectFormat.Write... options) throws IOException {
    ProjectModel locked = locks == ModuleLocks.NONE ? model : model.withLockfile(lockfile(model));
    files.save(dir, locked, options);
    return locked;
  }

  /**
   * Upgrades {@code dir/project.json} to the current version in place (the old file is kept as
   * {@code project.json.bak}); does nothing if it is current.
   *
   * @return what each migration step did; empty if there was nothing to do
   */
  public List<String> migrate(Path dir) throws IOException {
    ProjectFormat.Parsed parsed = files.load(dir);
    if (parsed.migrations().isEmpty()) {
      return List.of();
    }
    files.save(dir, parsed.model());
    return parsed.migrations();
  }

  /**
   * Copies an audio file into {@code dir/assets} under its SHA-256 (once, however often it is
   * imported) and describes it, with root key 60, no gain and no loop.
   *
   * @throws ProjectFormatException if it is not a WAV or AIFF file this reader accepts
   */
  public Sample importSample(Path dir, Path audioFile, String id) throws IOException {
    byte[] bytes = java.nio.file.Files.readAllBytes(audioFile);
    String name = audioFile.getFileName().toString();
    AudioData audio = AudioFiles.read(audioFile.toString(), bytes);
    String sha = files.putAsset(dir, bytes);
    return new Sample(id, sha, name, audio.container(), audio.channels(), (int) Math.round(audio.sampleRate()),
        audio.frames(), 60, 0, null);
  }

  /**
   * A sample's audio, decoded, after checking the stored file still has its SHA-256.
   *
   * @throws ProjectFormatException if the file was changed or damaged
   */
  public AudioData readSample(Path dir, Sample sample) throws IOException {
    byte[] bytes = files.readAsset(dir, sample.sha256());
    return AudioFiles.read(ProjectFiles.asset(dir, sample.sha256()).toString(), bytes);
  }

  private List<LockEntry> lockfile(ProjectModel model) {
    TreeSet<String> used = new TreeSet<>();
    model.nodes().forEach(n -> used.add(n.module()));
    Map<String, LockEntry> byModule = new TreeMap<>();
    for (LockEntry e : model.lockfile()) {
      if (used.contains(e.module())) {
        byModule.put(e.module(), e); // not running now: keep what it was made with
      }
    }
    for (LockEntry e : locks.lock(used)) {
      byModule.put(e.module(), e);
    }
    return new ArrayList<>(byModule.values());
  }
}
