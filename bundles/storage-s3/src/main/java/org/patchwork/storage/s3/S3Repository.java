package org.patchwork.storage.s3;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sdk.project.Assets;
import org.patchwork.sdk.project.ProjectRepository;
import org.patchwork.sdk.project.ProjectSummary;
import org.patchwork.sdk.project.StaleRevisionException;
import org.patchwork.sdk.project.StoredProject;
import org.patchwork.storage.s3.internal.Bytes;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Projects in an S3 bucket. Keys, under the settings' prefix:
 * {@code projects/<id>/rev/<n>} (the manifest of revision n, gzip-compressed, with its SHA-256
 * as metadata; n is stored inverted and zero-padded so that the newest sorts first) and
 * {@code assets/<sha256>} (content-addressed, written once).
 *
 * <p>Every save creates the next revision object with {@code If-None-Match: *}: of two writers
 * racing from revision n exactly one creates n+1, the other gets HTTP 412 (or 409) and a
 * {@link StaleRevisionException}: fetch, merge, retry. Create-only writes are atomic on AWS and
 * on S3Proxy's filesystem backend, whereas {@code If-Match} on an existing key is only emulated
 * there (checked, then written: of eight racing writers several "won" in this bundle's tests),
 * so the history is append-only and never overwritten. After the write the newest revision is
 * read back from the listing: a writer whose n+1 slot had already been garbage-collected (it
 * started from a revision more than {@value #KEEP} saves old) sees a newer head and is stale
 * too. A delete writes an empty revision (a tombstone). Only the last {@value #KEEP} revisions
 * are kept. Assets are sent with {@code If-None-Match: *} after their bytes were checked against
 * their name; a 412 there means the asset is already stored.
 *
 * <pre>{@code
 * try (S3Repository repo = new S3Repository(S3Settings.parse(url, endpoint, options))) {
 *   String rev = repo.save("song", manifest, null);
 * }
 * }</pre>
 *
 * <p>Thread: any non-audio thread; thread-safe (the SDK client is). Every call does network I/O.
 */
@ProviderType
public final class S3Repository implements ProjectRepository, Closeable {

  /** Assets larger than this are staged in a temporary file instead of memory. */
  private static final long MEMORY_LIMIT = 32L << 20;
  /** Above this many assets to check, one listing is cheaper than a HEAD each. */
  private static final int LIST_THRESHOLD = 24;
  /** Revisions kept per project; older ones are deleted after each save. */
  static final int KEEP = 10;
  private static final long INVERT = 999_999_999_999_999_999L;

  private final S3Settings settings;
  private final S3Client s3;

  /** The newest revision of a project: its number, key and listing data; size 0 is a tombstone. */
  private record Head(long number, String key, java.time.Instant modified, long size) {
    boolean deleted() {
      return size == 0;
    }
  }

  /**
   * Connects (lazily: no request is made until the first call), creating the bucket first when
   * the settings ask for it.
   */
  public S3Repository(S3Settings settings) throws IOException {
    this.settings = settings;
    this.s3 = withBundleLoader(() -> client(settings));
    if (settings.createBucket()) {
      call("create bucket " + settings.bucket(), () -> {
        try {
          s3.headBucket(b -> b.bucket(settings.bucket()));
        } catch (S3Exception e) {
          if (!(e instanceof NoSuchBucketException) && e.statusCode() != 404) {
            throw e;
          }
          s3.createBucket(b -> b.bucket(settings.bucket()));
        }
        return null;
      });
    }
  }

  /** The settings this repository was opened with. */
  public S3Settings settings() {
    return settings;
  }

  @Override
  public List<ProjectSummary> list() throws IOException {
    // One listing of every revision key (10 per project at most, 1000 keys a request): within
    // a project the newest revision sorts first.
    String base = settings.prefix() + "projects/";
    return call("list " + base, () -> {
      Map<String, S3Object> newest = new java.util.TreeMap<>();
      for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(base)).contents()) {
        String[] parts = o.key().substring(base.length()).split("/");
        if (parts.length == 3 && parts[1].equals("rev") && parts[2].matches("[0-9]{18}")
            && Bytes.PROJECT_ID.matcher(parts[0]).matches()) {
          newest.putIfAbsent(parts[0], o);
        }
      }
      List<ProjectSummary> out = new ArrayList<>();
      newest.forEach((id, o) -> {
        if (o.size() > 0) { // a tombstone is empty
          long n = INVERT - Long.parseLong(o.key().substring(o.key().length() - 18));
          out.add(new ProjectSummary(id, Long.toString(n), o.lastModified(), o.size()));
        }
      });
      return out;
    });
  }

  @Override
  public StoredProject load(String projectId) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Head h = head(projectId);
      if (h == null || h.deleted()) {
        throw new NoSuchFileException(where(revisionsPrefix(projectId)), null, "no such project: " + projectId);
      }
      ResponseBytes<GetObjectResponse> got = call("load " + projectId, () -> {
        try {
          return s3.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(h.key()));
        } catch (NoSuchKeyException e) {
          return null;
        }
      });
      if (got != null) {
        return new StoredProject(projectId, Bytes.gunzip(got.asByteArrayUnsafe(), where(h.key())),
            Long.toString(h.number()));
      }
      if (attempt == 5) {
        // Only possible when KEEP saves happen between a listing and the read that follows it.
        throw new IOException(where(h.key()) + ": revision vanished while being read, 6 times in a row");
      }
    }
  }

  @Override
  public String save(String projectId, byte[] manifest, String expectedRevision) throws IOException {
    byte[] body = Bytes.gzip(manifest);
    long n = commit(projectId, body, Map.of("sha256", Assets.sha256Hex(manifest)), expectedRevision);
    collect(projectId, n - KEEP, n - KEEP);
    return Long.toString(n);
  }

  @Override
  public void delete(String projectId, String expectedRevision) throws IOException {
    Head h = head(projectId);
    if (h == null || h.deleted()) {
      throw new NoSuchFileException(where(revisionsPrefix(projectId)), null, "no such project: " + projectId);
    }
    long n = commit(projectId, new byte[0], Map.of(), expectedRevision);
    collect(projectId, n - 1 - KEEP, n - 1); // older ones went with earlier saves
  }

  /**
   * Creates revision {@code expected + 1} (or the first after none or a tombstone), create-only,
   * and checks it became the newest.
   */
  private long commit(String projectId, byte[] body, Map<String, String> metadata, String expectedRevision)
      throws IOException {
    long n;
    if (expectedRevision == null) {
      Head h = head(projectId);
      if (h != null && !h.deleted()) {
        throw new StaleRevisionException(projectId, Long.toString(h.number()));
      }
      n = h == null ? 1 : h.number() + 1;
    } else {
      try {
        n = Long.parseLong(expectedRevision) + 1;
      } catch (NumberFormatException e) {
        throw new StaleRevisionException(projectId, currentRevision(projectId));
      }
      if (n < 2 || n >= INVERT) {
        throw new StaleRevisionException(projectId, currentRevision(projectId));
      }      Head h = head(projectId);
      if (h == null || h.deleted() || h.number() != n - 1) {
        // Not the newest (or a made-up number): refused before anything is written.
        throw new StaleRevisionException(projectId, h == null || h.deleted() ? null : Long.toString(h.number()));
      }
    }
    String key = revisionKey(projectId, n);
    // The writer id tells our own write apart when the SDK retried a request that had succeeded
    // (the retry then meets our object and gets 412).
    String writer = UUID.randomUUID().toString();
    Map<String, String> tagged = new java.util.HashMap<>(metadata);
    tagged.put("writer", writer);
    PutObjectRequest put = PutObjectRequest.builder().bucket(settings.bucket()).key(key)
        .contentType("application/gzip").metadata(tagged).ifNoneMatch("*").build();
    try {
      call("save " + projectId, () -> s3.putObject(put, RequestBody.fromBytes(body)));
    } catch (PreconditionFailed e) {
      HeadObjectResponse there = call("check " + key, () -> headObject(key));
      if (there == null || !writer.equals(there.metadata().get("writer"))) {
        StaleRevisionException stale = new StaleRevisionException(projectId, currentRevision(projectId));
        stale.initCause(e);
        throw stale;
      }
    }
    Head h = head(projectId);
    if (h == null || h.number() != n) {
      // Our slot was free only because it had been collected: a newer head exists.
      throw new StaleRevisionException(projectId, h == null ? null : Long.toString(h.number()));
    }
    return n;
  }

  /** Deletes revisions {@code from..to} in one request; best effort, a leftover is harmless. */
  private void collect(String projectId, long from, long to) {
    List<software.amazon.awssdk.services.s3.model.ObjectIdentifier> keys = new ArrayList<>();
    for (long r = Math.max(1, from); r <= to; r++) {
      keys.add(software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder().key(revisionKey(projectId, r)).build());
    }
    if (keys.isEmpty()) {
      return;
    }
    try {
      if (keys.size() == 1) {
        call("collect", () -> s3.deleteObject(b -> b.bucket(settings.bucket()).key(keys.get(0).key())));
      } else {
        // Multi-object delete needs a Content-MD5 (or checksum) header, which the SDK adds.
        call("collect", () -> s3.deleteObjects(b -> b.bucket(settings.bucket())
            .delete(d -> d.objects(keys).quiet(true))));
      }
    } catch (IOException e) {
      // the next save or delete covers the same range again
    }
  }

  private Head head(String projectId) throws IOException {
    String prefix = revisionsPrefix(projectId);
    return call("find newest revision of " + projectId, () -> {
      // The newest sorts first. A few keys, not one: some servers (S3Proxy) show an object being
      // written under a temporary name beside it, which is skipped.
      var page = s3.listObjectsV2(b -> b.bucket(settings.bucket()).prefix(prefix).maxKeys(32));
      for (S3Object o : page.contents()) {
        String inverted = o.key().substring(prefix.length());
        if (inverted.matches("[0-9]{18}")) {
          return new Head(INVERT - Long.parseLong(inverted), o.key(), o.lastModified(), o.size());
        }
      }
      return null;
    });
  }

  private String currentRevision(String projectId) throws IOException {
    Head h = head(projectId);
    return h == null || h.deleted() ? null : Long.toString(h.number());
  }

  private String revisionsPrefix(String projectId) {
    return settings.prefix() + "projects/" + Bytes.checkId(projectId) + "/rev/";
  }

  private String revisionKey(String projectId, long n) {
    return revisionsPrefix(projectId) + String.format("%018d", INVERT - n);
  }

  @Override
  public boolean hasAsset(String sha256) throws IOException {
    String key = assetKey(sha256);
    return call("check asset " + sha256, () -> headObject(key) != null);
  }

  /**
   * Which of {@code sha256s} are not stored: a HEAD each for a few, one listing of the asset
   * prefix (1000 names a request) for many.
   */
  public Set<String> missingAssets(Collection<String> sha256s) throws IOException {
    Set<String> wanted = new TreeSet<>(sha256s);
    wanted.forEach(Assets::checkName);
    if (wanted.size() <= LIST_THRESHOLD) {
      Set<String> missing = new TreeSet<>();
      for (String sha : wanted) {
        if (!hasAsset(sha)) {
          missing.add(sha);
        }
      }
      return missing;
    }
    String base = settings.prefix() + "assets/";
    Set<String> stored = call("list assets", () -> {
      Set<String> names = new HashSet<>();
      for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(base)).contents()) {
        names.add(o.key().substring(base.length()));
      }
      return names;
    });
    wanted.removeAll(stored);
    return wanted;
  }

  @Override
  public InputStream openAsset(String sha256) throws IOException {
    String key = assetKey(sha256);
    ResponseInputStream<GetObjectResponse> in = call("open asset " + sha256, () -> {
      try {
        return s3.getObject(b -> b.bucket(settings.bucket()).key(key));
      } catch (NoSuchKeyException e) {
        return null;
      }
    });
    if (in == null) {
      throw new NoSuchFileException(where(key), null, "no such asset");
    }
    return Assets.verifying(in, sha256, where(key));
  }

  @Override
  public void putAsset(String sha256, InputStream data, long length) throws IOException {
    String key = assetKey(sha256);
    PutObjectRequest put = PutObjectRequest.builder().bucket(settings.bucket()).key(key)
        .contentType("application/octet-stream").ifNoneMatch("*").build();
    Path staged = null;
    try {
      RequestBody body;
      if (length <= MEMORY_LIMIT) {
        body = RequestBody.fromBytes(Assets.readChecked(data, length, sha256));
      } else {
        staged = Files.createTempFile("patchwork-asset-", ".part");
        body = RequestBody.fromFile(stage(data, length, sha256, staged));
      }
      call("store asset " + sha256, () -> s3.putObject(put, body));
    } catch (PreconditionFailed e) {
      // Already there: content-addressed, so the stored bytes are these bytes.
    } finally {
      if (staged != null) {
        Files.deleteIfExists(staged);
      }
    }
  }

  /**
   * Whether the server enforces {@code If-Match}: writes a probe object, then overwrites it
   * with a wrong ETag, which must fail. Servers that let it through make concurrent saves
   * unsafe (last writer wins).
   */
  public boolean honoursPreconditions() throws IOException {
    String key = settings.prefix() + ".patchwork-probe-" + UUID.randomUUID();
    try {
      call("probe", () -> s3.putObject(b -> b.bucket(settings.bucket()).key(key), RequestBody.fromBytes(new byte[] {1})));
      try {
        call("probe", () -> s3.putObject(b -> b.bucket(settings.bucket()).key(key).ifMatch("\"0123456789abcdef\""),
            RequestBody.fromBytes(new byte[] {2})));
        return false;
      } catch (PreconditionFailed e) {
        // good: and the create-only form must fail on an existing key too
      }
      try {
        call("probe", () -> s3.putObject(b -> b.bucket(settings.bucket()).key(key).ifNoneMatch("*"),
            RequestBody.fromBytes(new byte[] {3})));
        return false;
      } catch (PreconditionFailed e) {
        return true;
      }
    } finally {
      call("probe", () -> s3.deleteObject(b -> b.bucket(settings.bucket()).key(key)));
    }
  }

  @Override
  public void close() {
    s3.close();
  }

  @Override
  public String toString() {
    return "S3Repository[" + settings + "]";
  }

  private HeadObjectResponse headObject(String key) {
    try {
      return s3.headObject(b -> b.bucket(settings.bucket()).key(key));
    } catch (NoSuchKeyException e) {
      return null;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  private String assetKey(String sha256) {
    return settings.prefix() + "assets/" + Assets.checkName(sha256);
  }

  private String where(String key) {
    return "s3://" + settings.bucket() + "/" + key;
  }

  private static Path stage(InputStream data, long length, String sha256, Path file) throws IOException {
    var digest = Assets.sha256();
    long n = 0;
    try (var out = Files.newOutputStream(file)) {
      byte[] buf = new byte[1 << 16];
      int r;
      while (n < length && (r = data.read(buf, 0, (int) Math.min(buf.length, length - n))) > 0) {
        digest.update(buf, 0, r);
        out.write(buf, 0, r);
        n += r;
      }
    }
    String got = java.util.HexFormat.of().formatHex(digest.digest());
    if (n != length || !got.equals(sha256)) {
      throw new IOException("asset " + sha256 + ": the bytes given (" + n + " of " + length + ") hash to " + got);
    }
    return file;
  }

  /** A 412 or 409 from a conditional request, told apart from other failures. */
  private static final class PreconditionFailed extends IOException {
    private static final long serialVersionUID = 1L;

    PreconditionFailed(String message) {
      super(message);
    }
  }

  /**
   * Runs one SDK call with this bundle's class loader as the context loader (the SDK looks up
   * its own resources through it) and turns SDK exceptions into IOExceptions.
   */
  private <T> T call(String what, Callable<T> action) throws IOException {
    try {
      return withBundleLoader(action);
    } catch (S3Exception e) {
      if (e.statusCode() == 412 || e.statusCode() == 409) {
        throw new PreconditionFailed(what + ": HTTP " + e.statusCode() + " " + e.getMessage());
      }
      throw new IOException(settings.bucket() + ": " + what + " failed: HTTP " + e.statusCode() + " "
          + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()), e);
    } catch (SdkClientException e) {
      throw new IOException(settings.bucket() + ": " + what + " failed: " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new IOException(settings.bucket() + ": " + what + " failed: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static <T> T withBundleLoader(Callable<T> action) throws IOException {
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    t.setContextClassLoader(S3Repository.class.getClassLoader());
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

  private static S3Client client(S3Settings s) {
    AwsCredentialsProvider credentials = s.accessKey() != null
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKey(), s.secretKey()))
        : DefaultCredentialsProvider.builder().build();
    S3ClientBuilder b = S3Client.builder()
        .httpClient(ApacheHttpClient.builder().maxConnections(32).expectContinueEnabled(true)
            .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)).build())
        .credentialsProvider(credentials)
        .region(region(s))
        .forcePathStyle(s.pathStyle())
        // One retry for a dropped connection; longer outages are the sync queue's to wait out.
        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(2)))
        // Many S3-compatible servers reject the newer streaming checksums; MD5-free plain bodies
        // work everywhere, and the content is hash-checked end to end anyway.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (s.endpoint() != null) {
      b.endpointOverride(s.endpoint());
    }
    return b.build();
  }

  private static Region region(S3Settings s) {
    if (s.region() != null) {
      return Region.of(s.region());
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      if (s.endpoint() != null) {
        return Region.US_EAST_1; // S3-compatible servers mostly ignore it, but it is signed
      }
      throw new IllegalArgumentException("no AWS region configured: set the remote's region option or AWS_REGION", e);
    }
  }
}
