package org.patchwork.marketplace.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.osgi.framework.BundleContext;
import org.patchwork.repository.Digests;
import org.patchwork.repository.internal.RepoCommand;

/**
 * A repository site made with the publishing tool ({@code pw:repo keygen} and {@code publish},
 * the same code as {@code patchwork repo}) and served by the JDK's HTTP server on loopback.
 *
 * <pre>{@code
 * try (TestRepository repo = new TestRepository(tmp, host.context())) {
 *   repo.publish(repo.gain("1.0.0"), TestRepository.library(tmp, "org.example.lib"));
 *   host.market("add-repo", repo.url(), "--key", repo.publicKey().toString(), "--name", "test");
 * }
 * }</pre>
 */
public final class TestRepository implements AutoCloseable {

  /** The example gain module's bundle and module ids. */
  public static final String GAIN = "org.patchwork.example-gain";
  public static final String GAIN_MODULE = "org.patchwork.examples.gain";

  private final Path dir;
  private final Path keys;
  private final Path www;
  private final RepoCommand repo;
  private final HttpServer server;
  private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();

  public TestRepository(Path dir, BundleContext context) throws Exception {
    this.dir = dir;
    this.keys = dir.resolve("keys");
    this.www = Files.createDirectories(dir.resolve("www"));
    this.repo = new RepoCommand(context);
    repo.repo("keygen", "--out", keys.toString());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.setExecutor(threads);
    server.start();
  }

  private volatile long jarChunkDelayMillis;

  /**
   * Serves jars in 32 KiB pieces {@code delay} apart, as a slow link would, so that a
   * download's progress can be watched.
   */
  public void slowJarDownloads(java.time.Duration delay) {
    jarChunkDelayMillis = delay.toMillis();
  }

  /** A static file server over {@code www} (GET only), with the optional slow jars. */
  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      Path root = www.toAbsolutePath().normalize();
      Path file = root.resolve(exchange.getRequestURI().getPath().replaceFirst("^/+", "")).normalize();
      if (!exchange.getRequestMethod().equals("GET") || !file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long delay = file.toString().endsWith(".jar") ? jarChunkDelayMillis : 0;
      exchange.sendResponseHeaders(200, Files.size(file));
      try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
        byte[] buffer = new byte[32 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          out.write(buffer, 0, n);
          if (delay > 0) {
            out.flush();
            Thread.sleep(delay);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The site's base URL. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/site/";
  }

  /** The site folder the server serves. */
  public Path site() {
    return www.resolve("site");
  }

  public Path publicKey() {
    return keys.resolve("public.key");
  }

  /** {@code repo publish --key KEY --out SITE JAR...}. */
  public void publish(Path... jars) throws Exception {
    List<String> args = new ArrayList<>(List.of("publish", "--key", keys.resolve("private.key").toString(), "--out",
        site().toString()));
    for (Path j : jars) {
      args.add(j.toString());
    }
    repo.repo(args.toArray(String[]::new));
  }

  /** The published jar of {@code id} {@code version}. */
  public Path jar(String id, String version) {
    return site().resolve("bundles/" + id + "-" + version + ".jar");
  }

  /** The SHA-256 of the published jar. */
  public String sha256(String id, String version) throws IOException {
    return Digests.sha256(jar(id, version));
  }

  /** The example gain module (a real DS module bundle) with {@code Bundle-Version: version}. */
  public Path gain(String version) throws IOException {
    Path out = dir.resolve("jars/gain-" + version + ".jar");
    withHeaders(TestHost.BUNDLES.resolve("example-gain.jar"), out, Map.of("Bundle-Version", version,
        "Patchwork-Tags", "gain, utility, example"));
    return out;
  }

  /** A manifest-only library bundle exporting one package named as the bundle. */
  public Path library(String bsn, String version, String description) throws IOException {
    Path jar = dir.resolve("jars/" + bsn + "-" + version + ".jar");
    Files.createDirectories(jar.getParent());
    Manifest m = new Manifest();
    Attributes a = m.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue("Bundle-ManifestVersion", "2");
    a.putValue("Bundle-SymbolicName", bsn);
    a.putValue("Bundle-Version", version);
    a.putValue("Bundle-Vendor", "Example Makers");
    a.putValue("Bundle-License", "Apache-2.0");
    a.putValue("Bundle-Description", description);
    a.putValue("Export-Package", bsn + ";version=\"" + version + "\"");
    try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, m)) {
      out.flush();
    }
    return jar;
  }

  /**
   * A library as {@link #library} with {@code bytes} of incompressible data in it, so that its
   * download takes many reads.
   */
  public Path heavyLibrary(String bsn, String version, int bytes) throws IOException {
    Path plain = library(bsn, version, "A library with a large data file.");
    Path jar = dir.resolve("jars/" + bsn + "-" + version + "-heavy.jar");
    try (JarFile in = new JarFile(plain.toFile()); OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(os, in.getManifest())) {
      out.putNextEntry(new JarEntry("data/noise.bin"));
      byte[] noise = new byte[bytes];
      new java.util.Random(42).nextBytes(noise);
      out.write(noise);
      out.closeEntry();
    }
    Files.move(jar, plain, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return plain;
  }

  /** A copy of {@code source} with some manifest headers replaced. */
  static void withHeaders(Path source, Path target, Map<String, String> headers) throws IOException {
    Files.createDirectories(target.getParent());
    try (JarFile in = new JarFile(source.toFile()); OutputStream os = Files.newOutputStream(target)) {
      Manifest m = new Manifest(in.getManifest());
      headers.forEach(m.getMainAttributes()::putValue);
      try (JarOutputStream out = new JarOutputStream(os, m)) {
        for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
          JarEntry entry = e.nextElement();
          if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME) || entry.getName().equalsIgnoreCase("META-INF/")) {
            continue;
          }
          out.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream s = in.getInputStream(entry)) {
            s.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
