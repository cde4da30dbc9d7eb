package org.patchwork.storage.s3;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * S3Proxy with its filesystem backend, run as a separate JVM on a loopback port for the tests;
 * {@link #stop} and {@link #start} keep the port and the data, like a server restarted.
 * The jar is S3Proxy's {@code jar-with-dependencies}, copied to {@code target/s3proxy} by the
 * build (system property {@code s3proxy.jar}).
 */
public final class S3ProxyServer implements AutoCloseable {

  public static final String IDENTITY = "patchwork-test";
  public static final String CREDENTIAL = "patchwork-secret";

  private final Path dir;
  private final int port;
  private Process process;

  private S3ProxyServer(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts a server keeping its buckets under {@code dir}. */
  public static S3ProxyServer start(Path dir) throws IOException {
    S3ProxyServer s = new S3ProxyServer(dir, freePort());
    s.start();
    return s;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Options for {@code S3Settings.parse} that reach this server and create the bucket. */
  public Map<String, String> options() {
    return Map.of("accessKey", IDENTITY, "secretKey", CREDENTIAL, "createBucket", "true");
  }

  /** Where the filesystem backend keeps an object. */
  public Path file(String bucket, String key) {
    return dir.resolve("data").resolve(bucket).resolve(key);
  }

  public synchronized void start() throws IOException {
    if (process != null && process.isAlive()) {
      return;
    }
    Files.createDirectories(dir.resolve("data"));
    Path conf = dir.resolve("s3proxy.conf");
    Files.writeString(conf, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + IDENTITY,
        "s3proxy.credential=" + CREDENTIAL,
        "jclouds.provider=filesystem",
        "jclouds.filesystem.basedir=" + dir.resolve("data"), ""));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-jar", jar().toString(), "--properties", conf.toString()));
    process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("s3proxy.log").toFile())).start();
    awaitPort(process, port, dir.resolve("s3proxy.log"));
  }

  /** Kills the server at once (SIGKILL), as a crash or a pulled cable would. */
  public synchronized void stop() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  static Path jar() {
    String p = System.getProperty("s3proxy.jar");
    if (p != null && Files.isRegularFile(Path.of(p))) {
      return Path.of(p);
    }
    throw new IllegalStateException("S3Proxy jar not found (system property s3proxy.jar=" + p
        + "): build with Maven, which copies org.gaul:s3proxy:jar-with-dependencies into target/s3proxy");
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    }
  }

  /** Waits until the port accepts connections; fails with the server's log if it died. */
  public static void awaitPort(Process process, int port, Path log) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("server exited with " + process.exitValue() + ": " + tail(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted");
        }
      }
    }
    process.destroyForcibly();
    throw new IOException("server did not open port " + port + " within 40 s: " + tail(log));
  }

  private static String tail(Path log) {
    try {
      String s = Files.readString(log);
      return s.substring(Math.max(0, s.length() - 2000));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
