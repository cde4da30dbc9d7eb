package org.patchwork.marketplace.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.patchwork.sdk.cli.UsageException;

/**
 * Reads files of a repository site over HTTP(S) with the JDK's {@link HttpClient}, or from a
 * {@code file:} URL for a site on disk. Every read has a size cap given by the caller (the
 * catalogue's own size for a jar), so a hostile server cannot fill the disk or the heap.
 */
final class Fetcher {

  /** Download progress, bytes so far of total. */
  interface Progress {
    void progress(long done, long total);

    Progress NONE = (done, total) -> { };
  }

  /** The site could not be reached or answered with an error: not a verdict on its content. */
  static final class Unreachable extends IOException {
    private static final long serialVersionUID = 1L;

    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();

  /** {@code path} resolved against a site's base URL (which ends with {@code /}). */
  static URI resolve(URI base, String path) {
    return base.resolve(path);
  }

  /** A site's base URL from what the user typed: absolute, ending with {@code /}. */
  static URI base(String url) {
    URI u;
    try {
      u = url.contains("://") || url.startsWith("file:") ? URI.create(url) : Path.of(url).toAbsolutePath().toUri();
    } catch (IllegalArgumentException e) {
      throw new UsageException("not a URL: " + url);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
      throw new UsageException("repository URLs are http, https or file, not " + url);
    }
    String s = u.toString();
    return URI.create(s.endsWith("/") ? s : s + "/");
  }

  /** A small file, in memory. */
  byte[] fetch(URI url, long max) throws IOException {
    Path temp = Files.createTempFile("patchwork-fetch", ".tmp");
    try {
      download(url, max, temp, Progress.NONE);
      return Files.readAllBytes(temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Streams a file to {@code target}, refusing it once it passes {@code max} bytes. */
  void download(URI url, long max, Path target, Progress progress) throws IOException {
    Opened opened = open(url, max);
    long total = opened.length();
    try (InputStream in = opened.in(); OutputStream out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[64 * 1024];
      long done = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        done += n;
        if (done > max) {
          throw new UsageException(url + " is larger than the " + max + " bytes expected; refused");
        }
        out.write(buffer, 0, n);
        progress.progress(done, total);
      }
      progress.progress(done, done);
    }
  }

  private record Opened(InputStream in, long length) {
  }

  private Opened open(URI url, long max) throws IOException {
    if ("file".equalsIgnoreCase(url.getScheme())) {
      Path p = Path.of(url);
      if (!Files.isRegularFile(p)) {
        throw new Unreachable("cannot read " + url + ": no such file", null);
      }
      return new Opened(Files.newInputStream(p), Files.size(p));
    }
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new Unreachable("cannot reach " + url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted while fetching " + url, e);
    }
    if (response.statusCode() != 200) {
      response.body().close();
      throw new Unreachable("cannot fetch " + url + ": HTTP " + response.statusCode(), null);
    }
    return new Opened(response.body(), response.headers().firstValueAsLong("content-length").orElse(max));
  }
}
