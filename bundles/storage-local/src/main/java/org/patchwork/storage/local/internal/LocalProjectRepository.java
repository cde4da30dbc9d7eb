package org.patchwork.storage.local.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.patchwork.project.AtomicFile;
import org.patchwork.project.ProjectFormat;
import org.patchwork.project.ProjectModel;
import org.patchwork.project.Sample;
import org.patchwork.sdk.project.Assets;
import org.patchwork.sdk.project.ProjectRepository;
import org.patchwork.sdk.project.ProjectSummary;
import org.patchwork.sdk.project.StaleRevisionException;
import org.patchwork.sdk.project.StoredProject;

/**
 * Projects in a local folder: {@code ROOT/<id>/project.json} (and the {@code .bak} of the
 * version before), assets shared by all projects in {@code ROOT/assets/<sha256>}. A revision
 * is the SHA-256 of the manifest's bytes. A save compares and swaps under a lock held by this
 * process and a file lock ({@code ROOT/.locks/<id>.lock}) held against other processes, and
 * writes with {@link AtomicFile}. A deleted project is moved to {@code ROOT/.trash}, not erased.
 */
@Component(service = ProjectRepository.class, property = ProjectRepository.SCHEME + "=file",
    configurationPid = LocalProjectRepository.PID)
@Designate(ocd = LocalProjectRepository.Config.class)
public final class LocalProjectRepository implements ProjectRepository {

  /** The configuration PID. */
  public static final String PID = "org.patchwork.storage.local";

  /** Where the projects are. */
  @ObjectClassDefinition(name = "Patchwork local project repository")
  public @interface Config {
    /** The folder; empty for {@code <patchwork home>/projects}. */
    @AttributeDefinition(description = "The projects folder; empty for <patchwork home>/projects")
    String root() default "";
  }

  static final String ASSETS = "assets";

  private final Path root;
  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  @Activate
  public LocalProjectRepository(BundleContext context, Config config) throws IOException {
    this(config.root().isBlank() ? defaultRoot(context) : Path.of(config.root()));
  }

  /** A repository over {@code root}, created if missing. */
  public LocalProjectRepository(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    Files.createDirectories(this.root);
  }

  private static Path defaultRoot(BundleContext context) {
    String home = context.getProperty("patchwork.home");
    return home == null ? Path.of(System.getProperty("user.home"), ".patchwork", "projects")
        : Path.of(home, "projects");
  }

  @Override
  public List<ProjectSummary> list() throws IOException {
    List<ProjectSummary> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.sorted().toList()) {
        String id = dir.getFileName().toString();
        Path manifest = dir.resolve(ProjectFormat.FILE);
        if (!id.startsWith(".") && !id.equals(ASSETS) && Files.isRegularFile(manifest)) {
          byte[] bytes = Files.readAllBytes(manifest);
          out.add(new ProjectSummary(id, Revisions.of(bytes), Files.getLastModifiedTime(manifest).toInstant(),
              bytes.length));
        }
      }
    }
    return out;
  }

  @Override
  public StoredProject load(String projectId) throws IOException {
    Path manifest = manifest(projectId);
    byte[] bytes = Files.readAllBytes(manifest);
    return new StoredProject(projectId, bytes, Revisions.of(bytes));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The manifest must be a project this Patchwork reads, and every sample's audio must be
   * stored already ({@link #putAsset} first): a repository never holds a project it cannot open.
   *
   * @throws org.patchwork.project.ProjectFormatException if it is not
   */
  @Override
  public String save(String projectId, byte[] manifest, String expectedRevision) throws IOException {
    Path file = manifest(projectId);
    ProjectModel model = ProjectFormat.parse(projectId + "/" + ProjectFormat.FILE, manifest);
    for (Sample s : model.samples()) {
      if (!hasAsset(s.sha256())) {
        throw new NoSuchFileException(asset(s.sha256()).toString(), null,
            "sample '" + s.id() + "' refers to an asset the repository does not hold: put it first");
      }
    }
    return locked(projectId, () -> {
      String current = Files.exists(file) ? Revisions.of(Files.readAllBytes(file)) : null;
      if (expectedRevision == null ? current != null : !expectedRevision.equals(current)) {
        throw new StaleRevisionException(projectId, current);
      }
      Files.createDirectories(file.getParent());
      if (current != null) {
        AtomicFile.write(file.resolveSibling(ProjectFormat.FILE + ".bak"), Files.readAllBytes(file));
      }
      AtomicFile.write(file, manifest);
      return Revisions.of(manifest);
    });
  }

  @Override
  public void delete(String projectId, String expectedRevision) throws IOException {
    Path file = manifest(projectId);
    locked(projectId, () -> {
      String current = Files.exists(file) ? Revisions.of(Files.readAllBytes(file)) : null;
      if (current == null || !current.equals(expectedRevision)) {
        throw new StaleRevisionException(projectId, current);
      }
      Path trash = root.resolve(".trash");
      Files.createDirectories(trash);
      Files.move(file.getParent(), trash.resolve(projectId + "-" + Instant.now().toEpochMilli()),
          StandardCopyOption.ATOMIC_MOVE);
      return null;
    });
  }

  @Override
  public boolean hasAsset(String sha256) {
    return Files.isRegularFile(asset(sha256));
  }

  @Override
  public InputStream openAsset(String sha256) throws IOException {
    return Assets.verifying(Files.newInputStream(asset(sha256)), sha256, "asset " + sha256);
  }

  @Override
  public void putAsset(String sha256, InputStream data, long length) throws IOException {
    Path target = asset(sha256);
    if (Files.exists(target)) {
      return;
    }
    Files.createDirectories(target.getParent());
    CountingInputStream counted = new CountingInputStream(data);
    // AtomicFile refuses content that does not hash to sha256, so a wrong or short upload
    // writes nothing.
    AtomicFile.write(target, new LengthCheck(counted, length, sha256), sha256);
  }

  private Path manifest(String projectId) {
    return root.resolve(Ids.check(projectId)).resolve(ProjectFormat.FILE);
  }

  private Path asset(String sha256) {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256);
    }
    return root.resolve(ASSETS).resolve(sha256);
  }

  private interface Locked<T> {
    T run() throws IOException;
  }

  /** Runs {@code work} holding this process's lock and the file lock of {@code projectId}. */
  private <T> T locked(String projectId, Locked<T> work) throws IOException {
    ReentrantLock lock = locks.computeIfAbsent(projectId, k -> new ReentrantLock());
    lock.lock();
    try {
      Path lockFile = root.resolve(".locks").resolve(projectId + ".lock");
      Files.createDirectories(lockFile.getParent());
      try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        return work.run();
      }
    } finally {
      lock.unlock();
    }
  }
}
