package org.patchwork.storage.webdav;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real WebDAV server on a loopback port, started by the tests: Apache httpd with mod_dav_fs
 * ({@link #apache}) or rclone's ({@link #rclone}). Each keeps its files and logs in its own
 * temporary folder (world-traversable, since httpd's workers run as www-data when the tests
 * run as root). A missing server program fails with the command that installs it.
 */
public final class DavServer implements AutoCloseable {

  private final String name;
  private final Path dir;
  private final int port;
  private final List<String> command;
  private Process process;

  private DavServer(String name, Path dir, int port, List<String> command) {
    this.name = name;
    this.dir = dir;
    this.port = port;
    this.command = command;
  }

  /** Apache httpd (Debian's apache2) with mod_dav_fs serving {@code /dav/}. */
  public static DavServer apache() throws IOException, InterruptedException {
    Path binary = first("apache2 (Debian package apache2)", "/usr/sbin/apache2", "/usr/sbin/httpd", "/usr/bin/httpd");
    Path modules = first("Apache modules (Debian package apache2)", "/usr/lib/apache2/modules",
        "/usr/lib64/httpd/modules", "/usr/lib/httpd/modules");
    Path dir = tempDir("patchwork-apache-");
    int port = freePort();
    boolean root = "root".equals(System.getProperty("user.name"));
    Files.createDirectories(dir.resolve("dav"));
    Files.createDirectories(dir.resolve("run"));
    StringBuilder conf = new StringBuilder();
    conf.append("ServerRoot \"").append(dir).append("\"\n")
        .append("Listen 127.0.0.1:").append(port).append('\n')
        .append("PidFile \"").append(dir.resolve("run/httpd.pid")).append("\"\n")
        .append("ErrorLog \"").append(dir.resolve("error.log")).append("\"\n")
        .append("LogLevel warn\n")
        .append("ServerName localhost\n");
    for (String m : List.of("mpm_event", "authz_core", "dav", "dav_fs")) {
      conf.append("LoadModule ").append(m).append("_module \"").append(modules.resolve("mod_" + m + ".so")).append("\"\n");
    }
    if (Files.exists(modules.resolve("mod_unixd.so"))) {
      conf.append("LoadModule unixd_module \"").append(modules.resolve("mod_unixd.so")).append("\"\n");
    }
    if (root) {
      // httpd refuses to serve as root: its workers become www-data, who must own the files.
      conf.append("User www-data\nGroup www-data\n");
    }
    conf.append("DocumentRoot \"").append(dir.resolve("dav")).append("\"\n")
        .append("DAVLockDB \"").append(dir.resolve("run/DAVLock")).append("\"\n")
        .append("Timeout 30\nKeepAliveTimeout 30\nMaxKeepAliveRequests 0\n")
        .append("<Directory \"").append(dir.resolve("dav")).append("\">\n  Dav On\n  Require all granted\n</Directory>\n");
    Files.writeString(dir.resolve("httpd.conf"), conf);
    if (root) {
      new ProcessBuilder("chown", "-R", "www-data:www-data", dir.resolve("dav").toString(), dir.resolve("run").toString())
          .inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }
    DavServer s = new DavServer("apache", dir, port, List.of(binary.toString(), "-f",
        dir.resolve("httpd.conf").toString(), "-DFOREGROUND"));
    s.start();
    return s;
  }

  /** rclone's WebDAV server: it ignores {@code If-Match}, the non-compliant case. */
  public static DavServer rclone() throws IOException {
    Path binary = first("rclone (Debian package rclone)", "/usr/bin/rclone", "/usr/local/bin/rclone");
    Path dir = tempDir("patchwork-rclone-");
    Files.createDirectories(dir.resolve("dav"));
    Files.writeString(dir.resolve("rclone.conf"), "");
    int port = freePort();
    DavServer s = new DavServer("rclone", dir, port, List.of(binary.toString(), "serve", "webdav",
        dir.resolve("dav").toString(), "--addr", "127.0.0.1:" + port, "--config", dir.resolve("rclone.conf").toString()));
    s.start();
    return s;
  }

  /** The URL of a collection under the server's root, created on first use by the adapter. */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + ("apache".equals(name) ? "/" : "/") + path);
  }

  public String name() {
    return name;
  }

  public synchronized void start() throws IOException {
    if (process != null && process.isAlive()) {
      return;
    }
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile())).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + ": " + log());
      }
      try (Socket sock = new Socket()) {
        sock.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(50);
      }
    }
    process.destroyForcibly();
    throw new IOException(name + " did not open port " + port + " within 30 s: " + log());
  }

  /** Stops the server (its children too) and waits for the port to close. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (int i = 0; i < 100; i++) {
      try (Socket sock = new Socket()) {
        sock.connect(new InetSocketAddress("127.0.0.1", port), 100);
        sleep(50);
      } catch (IOException closed) {
        return;
      }
    }
  }

  @Override
  public void close() {
    stop();
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder left behind
    }
  }

  public String log() {
    StringBuilder b = new StringBuilder();
    for (String f : List.of("server.log", "error.log")) {
      try {
        String s = Files.readString(dir.resolve(f));
        b.append(s, Math.max(0, s.length() - 1500), s.length());
      } catch (IOException ignored) {
        // not there
      }
    }
    return b.toString();
  }

  private static Path first(String what, String... candidates) {
    for (String c : candidates) {
      if (Files.exists(Path.of(c))) {
        return Path.of(c);
      }
    }
    throw new IllegalStateException(what + " is not installed; the WebDAV tests need it: "
        + "sudo apt-get install apache2 rclone   (./test.sh installs them when run as root)");
  }

  private static Path tempDir(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
