package org.patchwork.storage.webdav;

import com.github.sardine.DavResource;
import com.github.sardine.Sardine;
import com.github.sardine.impl.SardineException;
import com.github.sardine.impl.SardineImpl;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClientBuilder;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sdk.project.Assets;
import org.patchwork.sdk.project.ProjectRepository;
import org.patchwork.sdk.project.ProjectSummary;
import org.patchwork.sdk.project.StaleRevisionException;
import org.patchwork.sdk.project.StoredProject;
import org.patchwork.storage.webdav.internal.Bytes;

/**
 * Projects on a WebDAV share, under a collection URL: {@code projects/<id>/rev/<n>/project.json.gz}
 * (revision n, gzip-compressed; n stored inverted and zero-padded), {@code assets/<sha256>}.
 *
 * <p>A save writes the manifest into a fresh staging collection, then MOVEs that collection to
 * the next revision's name with {@code Overwrite: F}. Renaming a directory onto an existing,
 * non-empty one fails in the file system itself, so of two writers racing from revision n only
 * one creates n+1, even on servers whose precondition checks are not atomic; the other gets a
 * {@link StaleRevisionException}. After the MOVE the revision is read back and its content hash
 * compared with what was written, and the newest revision must be ours. Conditional PUT
 * ({@code If-Match} with an ETag) is not used for manifests: Apache httpd gives weak ETags for a
 * file changed within the same second, which never match, and checks them before writing rather
 * than atomically.
 *
 * <p>{@link #honoursPreconditions()} probes the server: a PUT with a wrong {@code If-Match} must
 * fail. Servers that let it through (rclone's) are flagged: concurrent writes are not safe there.
 *
 * <pre>{@code
 * try (WebDavRepository repo = new WebDavRepository(URI.create("http://nas/dav/songs/"), Map.of())) {
 *   repo.save("demo", manifest, null);
 * }
 * }</pre>
 *
 * <p>Thread: any non-audio thread; thread-safe. Every call does network I/O.
 */
@ProviderType
public final class WebDavRepository implements ProjectRepository, Closeable {

  /** The options the constructor understands. */
  public static final Set<String> OPTIONS = Set.of("username", "password");
  /** Revisions kept per project. */
  static final int KEEP = 10;
  private static final long INVERT = 999_999_999_999_999_999L;

  private final String base;
  private final Sardine dav;
  private final Set<String> knownCollections = ConcurrentHashMap.newKeySet();

  private record Head(long number, String url, java.time.Instant modified, long size) {
  }

  /**
   * Connects to the collection at {@code url} ({@code http(s)://}; {@code dav(s)://} and
   * {@code webdav(s)://} are read as http(s)). Makes no request yet.
   */
  public WebDavRepository(URI url, Map<String, String> options) {
    Set<String> unknown = new TreeSet<>(options.keySet());
    unknown.removeAll(OPTIONS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown WebDAV option(s) " + unknown + " (known: " + new TreeSet<>(OPTIONS)
          + ")");
    }
    String scheme = switch (url.getScheme() == null ? "" : url.getScheme()) {
      case "http", "dav", "webdav" -> "http";
      case "https", "davs", "webdavs" -> "https";
      default -> throw new IllegalArgumentException("WebDAV URL must be http(s)://HOST/PATH: " + url);
    };
    if (url.getHost() == null) {
      throw new IllegalArgumentException("WebDAV URL has no host: " + url);
    }
    String s = scheme + url.toString().substring(url.getScheme().length());
    this.base = s.endsWith("/") ? s : s + "/";
    HttpClientBuilder http = HttpClientBuilder.create().setMaxConnPerRoute(16).setMaxConnTotal(32)
        .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(5000).setSocketTimeout(60000)
            .setConnectionRequestTimeout(60000).build());
    this.dav = creating(() -> options.containsKey("username")
        ? new SardineImpl(http, options.get("username"), options.getOrDefault("password", ""))
        : new SardineImpl(http));
    if (options.containsKey("username")) {
      dav.enablePreemptiveAuthentication(url.getHost());
    }
  }

  /** The collection URL projects live under, ending in {@code /}. */
  public String url() {
    return base;
  }

  @Override
  public List<ProjectSummary> list() throws IOException {
    List<ProjectSummary> out = new ArrayList<>();
    for (DavResource r : children(base + "projects/")) {
      String id = r.getName();
      if (r.isDirectory() && Bytes.PROJECT_ID.matcher(id).matches()) {
        Head h = head(id);
        if (h != null && h.size() > 0) {
          out.add(new ProjectSummary(id, Long.toString(h.number()), h.modified(), h.size()));
        }
      }
    }
    out.sort((a, b) -> a.id().compareTo(b.id()));
    return out;
  }

  @Override
  public StoredProject load(String projectId) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Head h = head(projectId);
      if (h == null || h.size() == 0) {
        throw new NoSuchFileException(revisions(projectId), null, "no such project: " + projectId);
      }
      byte[] gz = get(h.url() + "project.json.gz");
      if (gz != null) {
        return new StoredProject(projectId, Bytes.gunzip(gz, h.url()), Long.toString(h.number()));
      }
      if (attempt == 5) {
        throw new IOException(h.url() + ": revision vanished while being read, 6 times in a row");
      }
    }
  }

  @Override
  public String save(String projectId, byte[] manifest, String expectedRevision) throws IOException {
    long n = commit(projectId, Bytes.gzip(manifest), expectedRevision);
    collect(projectId, n - KEEP, n - KEEP);
    return Long.toString(n);
  }

  @Override
  public void delete(String projectId, String expectedRevision) throws IOException {
    Head h = head(projectId);
    if (h == null || h.size() == 0) {
      throw new NoSuchFileException(revisions(projectId), null, "no such project: " + projectId);
    }
    long n = commit(projectId, new byte[0], expectedRevision);
    collect(projectId, n - 1 - KEEP, n - 1); // older ones went with earlier saves
  }

  private long commit(String projectId, byte[] body, String expectedRevision) throws IOException {
    long n;
    if (expectedRevision == null) {
      Head h = head(projectId);
      if (h != null && h.size() > 0) {
        throw new StaleRevisionException(projectId, Long.toString(h.number()));
      }
      n = h == null ? 1 : h.number() + 1;
    } else {
      try {
        n = Long.parseLong(expectedRevision) + 1;
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 2 || n >= INVERT) {
        throw new StaleRevisionException(projectId, currentRevision(projectId));
      }      Head h = head(projectId);
      if (h == null || h.size() == 0 || h.number() != n - 1) {
        // Not the newest (or a made-up number): refused before anything is written.
        throw new StaleRevisionException(projectId, h == null || h.size() == 0 ? null : Long.toString(h.number()));
      }
    }
    String project = base + "projects/" + projectId + "/";
    ensure(base);
    ensure(base + "projects/");
    ensure(project);
    ensure(project + "rev/");
    ensure(project + "staging/");
    String staging = project + "staging/" + UUID.randomUUID() + "/";
    String target = revisionUrl(projectId, n);
    call("stage " + projectId, () -> {
      dav.createDirectory(staging);
      dav.put(staging + "project.json.gz", body, "application/gzip");
      return null;
    });
    try {
      call("commit " + projectId, () -> {
        dav.move(staging, target, false);
        return null;
      });
    } catch (HttpStatus e) {
      // 412: the revision exists. Other refusals (a rename onto a non-empty directory failing
      // inside the server) count as lost races too if the revision is now there.
      if (e.status != 412 && get(target + "project.json.gz") == null) {
        throw new IOException(target + ": MOVE refused with HTTP " + e.status, e);
      }
      throw new StaleRevisionException(projectId, currentRevision(projectId));
    } finally {
      try {
        call("clean up " + staging, () -> {
          if (dav.exists(staging)) {
            dav.delete(staging);
          }
          return null;
        });
      } catch (IOException ignored) {
        // a leftover staging folder wastes space, nothing more
      }
    }
    // The content hash, checked after the write: a server that let the MOVE replace another
    // writer's revision shows someone else's bytes here.
    byte[] stored = get(target + "project.json.gz");
    if (stored == null || !Assets.sha256Hex(stored).equals(Assets.sha256Hex(body))) {
      throw new StaleRevisionException(projectId, currentRevision(projectId));
    }
    Head h = head(projectId);
    if (h == null || h.number() != n) {
      throw new StaleRevisionException(projectId, h == null ? null : Long.toString(h.number()));
    }
    return n;
  }

  private void collect(String projectId, long from, long to) {
    for (long r = Math.max(1, from); r <= to; r++) {
      String url = revisionUrl(projectId, r);
      try {
        call("collect " + url, () -> {
          dav.delete(url);
          return null;
        });
      } catch (IOException e) {
        if (!(e instanceof HttpStatus s && s.status == 404)) {
          return;
        }
      }
    }
  }

  private Head head(String projectId) throws IOException {
    String dir = revisions(projectId);
    Head best = null;
    for (DavResource r : children(dir)) {
      String name = r.getName();
      if (r.isDirectory() && name.matches("[0-9]{18}")) {
        long n = INVERT - Long.parseLong(name);
        if (best == null || n > best.number()) {
          best = new Head(n, dir + name + "/", r.getModified() == null ? null : r.getModified().toInstant(), 0);
        }
      }
    }
    if (best == null) {
      return null;
    }
    Head h = best;
    List<DavResource> inside = children(h.url());
    long size = -1;
    for (DavResource r : inside) {
      if (r.getName().equals("project.json.gz")) {
        size = r.getContentLength() == null ? 0 : r.getContentLength();
      }
    }
    return new Head(h.number(), h.url(), h.modified(), size < 0 ? 0 : size);
  }

  private String currentRevision(String projectId) throws IOException {
    Head h = head(projectId);
    return h == null || h.size() == 0 ? null : Long.toString(h.number());
  }

  @Override
  public boolean hasAsset(String sha256) throws IOException {
    String url = base + "assets/" + Assets.checkName(sha256);
    return call("check asset " + sha256, () -> dav.exists(url));
  }

  /** Which of these assets are missing: one PROPFIND of the asset collection. */
  public Set<String> missingAssets(Collection<String> sha256s) throws IOException {
    Set<String> missing = new TreeSet<>(sha256s);
    missing.forEach(Assets::checkName);
    if (missing.isEmpty()) {
      return missing;
    }
    for (DavResource r : children(base + "assets/")) {
      missing.remove(r.getName());
    }
    return missing;
  }

  @Override
  public InputStream openAsset(String sha256) throws IOException {
    String url = base + "assets/" + Assets.checkName(sha256);
    byte[] bytes = get(url);
    if (bytes == null) {
      throw new NoSuchFileException(url, null, "no such asset");
    }
    return Assets.verifying(new ByteArrayInputStream(bytes), sha256, url);
  }

  @Override
  public void putAsset(String sha256, InputStream data, long length) throws IOException {
    String url = base + "assets/" + Assets.checkName(sha256);
    byte[] bytes = Assets.readChecked(data, length, sha256);
    if (hasAsset(sha256)) {
      return;
    }
    ensure(base);
    ensure(base + "assets/");
    // Staged under another name and moved into place, so an upload cut short never leaves a
    // truncated file under the asset's name (a manifest may point at it).
    String staging = base + "assets/.staging-" + UUID.randomUUID();
    call("store asset " + sha256, () -> {
      dav.put(staging, bytes, "application/octet-stream");
      return null;
    });
    try {
      call("store asset " + sha256, () -> {
        dav.move(staging, url, false);
        return null;
      });
    } catch (HttpStatus e) {
      if (e.status != 412) {
        throw e;
      }
    } finally {
      try {
        call("clean up", () -> {
          if (dav.exists(staging)) {
            dav.delete(staging);
          }
          return null;
        });
      } catch (IOException ignored) {
        // leftover staging file: space only
      }
    }
  }

  /**
   * Whether the server enforces preconditions: a PUT with a wrong {@code If-Match} on an
   * existing file must fail with 412. When it does not, concurrent writes are unsafe there.
   */
  public boolean honoursPreconditions() throws IOException {
    String probe = base + ".patchwork-probe-" + UUID.randomUUID();
    ensure(base);
    call("probe", () -> {
      dav.put(probe, new byte[] {1}, "application/octet-stream");
      return null;
    });
    try {
      call("probe", () -> {
        dav.put(probe, new ByteArrayInputStream(new byte[] {2}), Map.of("If-Match", "\"patchwork-wrong-etag\""));
        return null;
      });
      return false;
    } catch (HttpStatus e) {
      if (e.status == 412) {
        return true;
      }
      throw e;
    } finally {
      call("probe", () -> {
        dav.delete(probe);
        return null;
      });
    }
  }

  @Override
  public void close() throws IOException {
    dav.shutdown();
  }

  @Override
  public String toString() {
    return "WebDavRepository[" + base + "]";
  }

  private String revisions(String projectId) {
    return base + "projects/" + Bytes.checkId(projectId) + "/rev/";
  }

  private String revisionUrl(String projectId, long n) {
    return revisions(projectId) + String.format("%018d", INVERT - n) + "/";
  }

  private void ensure(String collection) throws IOException {
    if (knownCollections.contains(collection)) {
      return;
    }
    try {
      call("create " + collection, () -> {
        dav.createDirectory(collection);
        return null;
      });
    } catch (HttpStatus e) {
      if (e.status != 405 && e.status != 301) { // 405: it exists already
        throw e;
      }
    }
    knownCollections.add(collection);
  }

  /** The members of a collection (not itself); empty if it does not exist. */
  private List<DavResource> children(String collection) throws IOException {
    try {
      List<DavResource> all = call("list " + collection, () -> dav.list(collection, 1));
      List<DavResource> out = new ArrayList<>();
      String path = URI.create(collection).getPath();
      for (DavResource r : all) {
        String p = r.getPath();
        if (!(p.equals(path) || (p + "/").equals(path) || p.equals(path + "/"))) {
          out.add(r);
        }
      }
      return out;
    } catch (HttpStatus e) {
      if (e.status == 404) {
        return List.of();
      }
      throw e;
    }
  }

  /** A resource's bytes, or null if there is none. */
  private byte[] get(String url) throws IOException {
    try {
      return call("read " + url, () -> {
        try (InputStream in = dav.get(url)) {
          return in.readAllBytes();
        }
      });
    } catch (HttpStatus e) {
      if (e.status == 404) {
        return null;
      }
      throw e;
    }
  }

  /** An HTTP status the server answered with. */
  private static final class HttpStatus extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    HttpStatus(String message, int status, Throwable cause) {
      super(message, cause);
      this.status = status;
    }
  }

  private <T> T call(String what, Callable<T> action) throws IOException {
    try {
      return withBundleLoader(action);
    } catch (SardineException e) {
      throw new HttpStatus(base + ": " + what + " failed: HTTP " + e.getStatusCode() + " " + e.getResponsePhrase(),
          e.getStatusCode(), e);
    } catch (HttpStatus e) {
      throw e;
    } catch (IOException e) {
      throw new IOException(base + ": " + what + " failed: " + e, e);
    }
  }

  private static <T> T withBundleLoader(Callable<T> action) throws IOException {
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    // JAXB (inside Sardine) finds its implementation through the context class loader.
    t.setContextClassLoader(WebDavRepository.class.getClassLoader());
    try {
      return action.call();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    } finally {
      t.setContextClassLoader(before);
    }
  }

  private static <T> T creating(java.util.function.Supplier<T> action) {
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    t.setContextClassLoader(WebDavRepository.class.getClassLoader());
    try {
      return action.get();
    } finally {
      t.setContextClassLoader(before);
    }
  }
}
