package org.patchwork.project.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;
import org.patchwork.project.AudioData;
import org.patchwork.project.AudioFiles;
import org.patchwork.project.PackLimits;
import org.patchwork.project.ProjectFormat;
import org.patchwork.project.ProjectFormatException;
import org.patchwork.project.ProjectModel;
import org.patchwork.project.Sample;

/**
 * Unpacks {@code .pwpack} files into a temporary folder beside the target, checks everything,
 * and renames the folder into place; on any refusal the temporary folder is removed.
 */
public final class ProjectUnpacker {

  /** A manifest larger than this is refused before it is inflated. */
  static final long MAX_MANIFEST = 16 << 20;

  private ProjectUnpacker() {
  }

  /** See {@link org.patchwork.project.Packs#unpack}. */
  public static void unpack(Path pack, Path into, PackLimits limits, DoubleConsumer progress) throws IOException {
    String source = pack.toString();
    Path target = into.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new ProjectFormatException(into.toString(), null, "no such folder to unpack into: " + parent);
    }
    if (Files.exists(target) && !isEmptyDirectory(target)) {
      throw new ProjectFormatException(into.toString(), null, "already exists and is not an empty folder");
    }
    try (SeekableByteChannel ch = Files.newByteChannel(pack)) {
      ZipReader zip = new ZipReader(source, ch, limits);
      Checked checked = check(source, zip);
      Path temp = parent.resolve("." + target.getFileName() + ".unpack-"
          + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
      Files.createDirectory(temp);
      try {
        extract(source, zip, checked, temp, progress);
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (DirectoryNotEmptyException e) {
          throw new ProjectFormatException(into.toString(), null, "was filled while unpacking; nothing was changed");
        }
        NioDisk.INSTANCE.syncDirectory(parent);
      } catch (IOException | RuntimeException | Error e) {
        deleteTree(temp);
        throw e;
      }
    }
  }

  /** The entries, in archive order, checked against the manifest. */
  record Checked(List<ZipReader.Entry> files, Map<String, PackManifest.Item> listed, long total) {
  }

  static Checked check(String source, ZipReader zip) throws IOException {
    List<ZipReader.Entry> entries = zip.entries();
    ZipReader.Entry manifest = null;
    List<ZipReader.Entry> files = new ArrayList<>();
    for (ZipReader.Entry e : entries) {
      if (e.name().equals(PackManifest.NAME)) {
        manifest = e;
      } else if (e.isDirectory()) {
        if (!e.name().equals(ProjectFiles.ASSETS + "/") || e.size() != 0) {
          throw fail(source, "unexpected folder entry '" + e.name() + "'");
        }
      } else if (e.name().equals(ProjectFormat.FILE)
          || e.name().matches(ProjectFiles.ASSETS + "/[0-9a-f]{64}")) {
        files.add(e);
      } else {
        throw fail(source, "unexpected entry '" + e.name() + "' (a project pack holds manifest.json, "
            + "project.json and assets/<sha256>)");
      }
    }
    if (manifest == null) {
      throw fail(source, "no manifest.json: not a Patchwork pack");
    }
    if (manifest.size() > MAX_MANIFEST) {
      throw fail(source, "manifest.json is " + manifest.size() + " bytes, more than " + MAX_MANIFEST);
    }
    ByteArrayOutputStream m = new ByteArrayOutputStream((int) manifest.size());
    zip.extract(manifest, m);
    Map<String, PackManifest.Item> listed = PackManifest.read(source, m.toByteArray(), ProjectPacker.KIND);
    long total = 0;
    for (ZipReader.Entry e : files) {
      PackManifest.Item item = listed.get(e.name());
      if (item == null) {
        throw fail(source, "entry '" + e.name() + "' is not listed in manifest.json");
      }
      if (item.size() != e.size()) {
        throw fail(source, "entry '" + e.name() + "' is " + e.size() + " bytes but manifest.json says " + item.size());
      }
      if (e.name().startsWith(ProjectFiles.ASSETS + "/") && !e.name().endsWith("/" + item.sha256())) {
        throw fail(source, "entry '" + e.name() + "' is listed with another SHA-256 than its name");
      }
      total += e.size();
    }
    if (listed.size() != files.size()) {
      List<String> missing = new ArrayList<>(listed.keySet());
      files.forEach(e -> missing.remove(e.name()));
      throw fail(source, "manifest.json lists '" + missing.getFirst() + "' but the pack does not hold it");
    }
    if (!listed.containsKey(ProjectFormat.FILE)) {
      throw fail(source, "no project.json in the pack");
    }
    return new Checked(files, listed, total);
  }

  private static void extract(String source, ZipReader zip, Checked checked, Path temp, DoubleConsumer progress)
      throws IOException {
    long done = 0;
    progress.accept(0);
    byte[] projectJson = null;
    for (ZipReader.Entry e : checked.files()) {
      Path out = temp.resolve(e.name()).normalize();
      if (!out.startsWith(temp)) {
        throw fail(source, "entry '" + e.name() + "' escapes the target folder");
      }
      Files.createDirectories(out.getParent());
      MessageDigest digest = Hashes.sha256();
      ByteArrayOutputStream keep = e.name().equals(ProjectFormat.FILE) ? new ByteArrayOutputStream() : null;
      try (Disk.Output file = NioDisk.INSTANCE.create(out)) {
        zip.extract(e, new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            digest.update(b, off, len);
            file.write(b, off, len);
            if (keep != null) {
              keep.write(b, off, len);
            }
          }
        });
        file.force();
      }
      String sha = HexFormat.of().formatHex(digest.digest());
      if (!sha.equals(checked.listed().get(e.name()).sha256())) {
        throw fail(source, "entry '" + e.name() + "' fails its SHA-256 check (manifest.json says "
            + checked.listed().get(e.name()).sha256() + ", the content is " + sha + ")");
      }
      if (keep != null) {
        projectJson = keep.toByteArray();
      }
      done += e.size();
      progress.accept(checked.total() == 0 ? 1 : done / (double) checked.total());
    }
    ProjectModel model = ProjectReader.read(source + " project.json", projectJson).model();
    new ProjectFiles(NioDisk.INSTANCE).checkAssets(temp, source + " project.json", model);
    checkAudio(source, temp, model);
    NioDisk.INSTANCE.syncDirectory(temp.resolve(ProjectFiles.ASSETS));
    NioDisk.INSTANCE.syncDirectory(temp);
    progress.accept(1);
  }

  /** Each sample's audio must decode and agree with what the project says about it. */
  private static void checkAudio(String source, Path temp, ProjectModel model) throws IOException {
    for (int i = 0; i < model.samples().size(); i++) {
      Sample s = model.samples().get(i);
      String name = source + " " + ProjectFiles.ASSETS + "/" + s.sha256();
      AudioData a = AudioFiles.read(name, Files.readAllBytes(ProjectFiles.asset(temp, s.sha256())));
      if (a.channels() != s.channels() || a.frames() != s.frames() || Math.round(a.sampleRate()) != s.sampleRate()
          || !a.container().equals(s.format())) {
        throw new ProjectFormatException(source + " project.json", "$.samples[" + i + "]", "says " + s.format() + ", "
            + s.channels() + " channels, " + s.sampleRate() + " Hz, " + s.frames() + " frames but the audio is "
            + a.container() + ", " + a.channels() + " channels, " + Math.round(a.sampleRate()) + " Hz, "
            + a.frames() + " frames");
      }
    }
  }

  private static boolean isEmptyDirectory(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      return false;
    }
    try (Stream<Path> s = Files.list(p)) {
      return s.findAny().isEmpty();
    }
  }

  /** Deletes a folder this code created, deepest first; never follows links. */
  static void deleteTree(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // best effort: the refusal is what the user needs to hear
    }
  }

  private static ProjectFormatException fail(String source, String reason) {
    return new ProjectFormatException(source, null, reason);
  }
}
