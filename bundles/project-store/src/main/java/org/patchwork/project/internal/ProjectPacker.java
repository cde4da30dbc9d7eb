package org.patchwork.project.internal;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleConsumer;
import org.patchwork.project.ProjectFormat;
import org.patchwork.project.ProjectFormatException;
import org.patchwork.project.ProjectModel;
import org.patchwork.project.Sample;

/** Writes {@code .pwpack} files: manifest first, then project.json, then the assets by hash. */
public final class ProjectPacker {

  /** The manifest's kind for project packs. */
  public static final String KIND = "project";

  private ProjectPacker() {
  }

  /** See {@link org.patchwork.project.Packs#pack}. */
  public static void pack(Path projectDir, Path out, DoubleConsumer progress) throws IOException {
    ProjectFiles files = new ProjectFiles(NioDisk.INSTANCE);
    Path file = projectDir.resolve(ProjectFormat.FILE);
    byte[] json = Files.readAllBytes(file);
    ProjectModel model = files.load(projectDir).model();
    Map<String, PackManifest.Item> items = new LinkedHashMap<>();
    items.put(ProjectFormat.FILE, new PackManifest.Item(json.length, Hashes.sha256(json)));
    TreeSet<String> assets = new TreeSet<>();
    for (Sample s : model.samples()) {
      assets.add(s.sha256());
    }
    long total = json.length;
    for (String sha : assets) {
      Path asset = ProjectFiles.asset(projectDir, sha);
      String actual;
      try (InputStream in = Files.newInputStream(asset)) {
        actual = Hashes.sha256(in);
      }
      if (!actual.equals(sha)) {
        throw new ProjectFormatException(asset.toString(), null,
            "the audio was changed or damaged: its SHA-256 is " + actual + ", not the name's");
      }
      long size = Files.size(asset);
      items.put(ProjectFiles.ASSETS + "/" + sha, new PackManifest.Item(size, sha));
      total += size;
    }
    // project.json goes in as it was checked, even if it changes on disk meanwhile.
    write(out, PackManifest.write(KIND, items), items, total, progress, name -> name.equals(ProjectFormat.FILE)
        ? new ByteArrayInputStream(json) : Files.newInputStream(projectDir.resolve(name)));
  }

  /** Opens an entry's content by name. */
  interface Source {
    InputStream open(String name) throws IOException;
  }

  /** Writes a pack atomically: a temporary file beside {@code out}, forced, renamed over it. */
  static void write(Path out, byte[] manifest, Map<String, PackManifest.Item> items, long total,
      DoubleConsumer progress, Source source) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    Path tmp = target.resolveSibling("." + target.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
    long[] done = {0};
    progress.accept(0);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream os = Channels.newOutputStream(ch);
        try (ZipWriter zip = new ZipWriter(new BufferedOutputStream(os, 1 << 16) {
          @Override
          public void close() throws IOException {
            flush(); // the channel is forced and closed by the enclosing block
          }
        }, n -> {
          done[0] += n;
          progress.accept(total == 0 ? 1 : Math.min(1, done[0] / (double) total));
        })) {
          zip.add(PackManifest.NAME, manifest);
          for (String name : items.keySet()) {
            try (InputStream in = source.open(name)) {
              zip.add(name, in);
            }
          }
        }
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      NioDisk.INSTANCE.syncDirectory(target.getParent());
      progress.accept(1);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }
}
