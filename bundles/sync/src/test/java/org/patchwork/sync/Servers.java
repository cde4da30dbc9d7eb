package org.patchwork.sync;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.patchwork.storage.s3.S3ProxyServer;
import org.patchwork.storage.webdav.DavServer;

/**
 * The real servers the sync tests run against, started once for all test classes (the JVM's
 * exit stops them).
 */
final class Servers implements AutoCloseable {

  private static Servers shared;

  /** The servers, started on first use. */
  static synchronized Servers shared() throws Exception {
    if (shared == null) {
      shared = new Servers();
      Servers s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          s.close();
        } catch (IOException ignored) {
          // the processes die with us anyway
        }
      }));
    }
    return shared;
  }

  final S3ProxyServer s3;
  final DavServer apache;
  private final Path dir;

  Servers() throws Exception {
    dir = Files.createTempDirectory("patchwork-sync-servers-");
    s3 = S3ProxyServer.start(dir.resolve("s3"));
    apache = DavServer.apache();
  }

  /** A remote on {@code kind} ({@code s3} or {@code apache}) with its own bucket prefix or folder. */
  Remote remote(String kind, String name, String path) {
    return switch (kind) {
      case "s3" -> new Remote(name, URI.create("s3://sync/" + path), s3.endpoint(), s3.options());
      case "apache" -> new Remote(name, apache.url(path + "/"), null, Map.of());
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @Override
  public void close() throws IOException {
    s3.close();
    apache.close();
  }
}
