package org.patchwork.project.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.patchwork.project.ProjectFormat;
import org.patchwork.project.ProjectFormatException;
import org.patchwork.project.ProjectModel;
import org.patchwork.project.Sample;

/**
 * A project folder on a {@link Disk}: {@code project.json}, its backup {@code project.json.bak}
 * and {@code assets/<sha256>}. Saving writes the assets first and the project last, each with
 * {@link AtomicWriter}, so a crash at any moment leaves the old project or the new one, both
 * complete.
 */
public final class ProjectFiles {

  /** The previous version, kept by every save. */
  public static final String BACKUP = ProjectFormat.FILE + ".bak";

  /** The folder of content-addressed audio. */
  public static final String ASSETS = "assets";

  private final Disk disk;
  private final AtomicWriter writer;

  /** Project folders on {@code disk}. */
  public ProjectFiles(Disk disk) {
    this.disk = disk;
    this.writer = new AtomicWriter(disk);
  }

  /** The disk this works on. */
  public Disk disk() {
    return disk;
  }

  /**
   * Reads and checks {@code dir/project.json}, and that every sample's asset is there.
   *
   * @throws ProjectFormatException naming the file, the path and the problem
   * @throws NoSuchFileException if there is no project.json
   */
  public ProjectFormat.Parsed load(Path dir) throws IOException {
    Path file = dir.resolve(ProjectFormat.FILE);
    ProjectFormat.Parsed parsed = ProjectReader.read(file.toString(), disk.read(file));
    checkAssets(dir, file.toString(), parsed.model());
    return parsed;
  }

  /** Fails unless every sample's audio is in {@code dir/assets}. */
  void checkAssets(Path dir, String source, ProjectModel model) throws IOException {
    List<Sample> samples = model.samples();
    for (int i = 0; i < samples.size(); i++) {
      Path asset = asset(dir, samples.get(i).sha256());
      if (!disk.exists(asset)) {
        throw new ProjectFormatException(source, "$.samples[" + i + "].sha256",
            "the audio is missing: no file " + dir.relativize(asset));
      }
    }
  }

  /**
   * Saves {@code model} as {@code dir/project.json}, keeping the file it replaces as
   * {@code project.json.bak}. The bytes are checked by reading them back before anything is
   * written, so an invalid model changes nothing.
   */
  public void save(Path dir, ProjectModel model, ProjectFormat.Write... options) throws IOException {
    byte[] json = ProjectFormat.write(model, options);
    Path file = dir.resolve(ProjectFormat.FILE);
    ProjectReader.read(file.toString(), json);
    checkAssets(dir, file.toString(), model);
    saveBytes(dir, json);
  }

  /** Writes already checked bytes as the project, keeping a backup; see {@link #save}. */
  public void saveBytes(Path dir, byte[] json) throws IOException {
    disk.createDirectories(dir);
    removeLeftovers(dir);
    Path file = dir.resolve(ProjectFormat.FILE);
    if (disk.exists(file)) {
      writer.write(dir.resolve(BACKUP), disk.read(file));
    }
    writer.write(file, json);
  }

  /** Stores {@code audio} under its SHA-256 once and returns the hash. */
  public String putAsset(Path dir, byte[] audio) throws IOException {
    String sha = Hashes.sha256(audio);
    Path target = asset(dir, sha);
    if (!disk.exists(target)) {
      disk.createDirectories(target.getParent());
      writer.write(target, new ByteArrayInputStream(audio), sha);
    }
    return sha;
  }

  /**
   * The asset's bytes, after checking they still hash to {@code sha256}.
   *
   * @throws ProjectFormatException if the file was changed or damaged
   */
  public byte[] readAsset(Path dir, String sha256) throws IOException {
    if (!Hashes.isSha256(sha256)) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    Path file = asset(dir, sha256);
    byte[] bytes = disk.read(file);
    String actual = Hashes.sha256(bytes);
    if (!actual.equals(sha256)) {
      throw new ProjectFormatException(file.toString(), null,
          "the audio was changed or damaged: its SHA-256 is " + actual + ", not the name's");
    }
    return bytes;
  }

  /** Opens an asset as a stream (unchecked; see {@link #readAsset}). */
  public InputStream openAsset(Path dir, String sha256) throws IOException {
    return disk.open(asset(dir, sha256));
  }

  /** Where an asset lives. */
  public static Path asset(Path dir, String sha256) {
    return dir.resolve(ASSETS).resolve(sha256);
  }

  private void removeLeftovers(Path dir) throws IOException {
    for (Path p : disk.list(dir)) {
      String name = p.getFileName().toString();
      if (AtomicWriter.isTemporary(name) && name.startsWith("." + ProjectFormat.FILE)) {
        disk.delete(p);
      }
    }
  }
}
