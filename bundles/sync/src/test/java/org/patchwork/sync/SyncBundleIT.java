package org.patchwork.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.patchwork.storage.s3.FelixHarness;
import org.patchwork.storage.s3.S3ProxyServer;

/**
 * The three packaged bundles (sync, storage-s3, storage-webdav) with the commands bundle,
 * picocli and Jackson in Felix: all resolve, the pw: commands are registered, and a push and a
 * pull through the shell functions reach S3Proxy and Apache.
 */
class SyncBundleIT {

  @TempDir
  Path dir;

  @Test
  void commandsWorkInFelix() throws Exception {
    ServersAccess servers = ServersAccess.shared();
    Path home = dir.resolve("home");
    try (FelixHarness felix = new FelixHarness(dir.resolve("felix"), List.of(
        "org.patchwork.sdk.cli;version=\"1.0.0\"", "org.patchwork.sdk.module;version=\"1.0.0\""),
        Map.of("patchwork.home", home.toString()))) {
      felix.installRuntime();
      List<Bundle> bundles = new ArrayList<>();
      for (String jar : List.of("jackson-annotations-", "jackson-core-", "jackson-databind-", "picocli-", "commands-",
          "storage-s3-", "storage-webdav-")) {
        bundles.add(felix.install(FelixHarness.classPathJar(jar)));
      }
      bundles.add(felix.install(new File(System.getProperty("bundle.file"))));
      for (Bundle b : bundles) {
        b.start();
        assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName());
      }
      Object commands = felix.await("(&(osgi.command.scope=pw)(osgi.command.function=push))");
      {
        call(commands, "remote", "add", "studio", "s3://felix/band", "--endpoint", servers.s3Endpoint(),
            "-o", "accessKey=" + S3ProxyServer.IDENTITY, "-o", "secretKey=" + S3ProxyServer.CREDENTIAL,
            "-o", "createBucket=true");
        call(commands, "remote", "add", "nas", servers.apacheUrl("felix/"));
        Path song = Files.createDirectories(dir.resolve("a").resolve("felix-song"));
        Files.writeString(song.resolve("project.json"), "{\"formatVersion\": 2, \"name\": \"F\"}\n");
        assertTrue(call(commands, "push", song.toString(), "studio").contains("studio: pushed"));
        assertTrue(call(commands, "push", song.toString(), "nas").contains("nas: pushed"));
        Path copy = Files.createDirectories(dir.resolve("b").resolve("felix-song"));
        assertTrue(call(commands, "pull", copy.toString(), "nas").contains("nas: pulled"));
        assertEquals(Files.readString(song.resolve("project.json")), Files.readString(copy.resolve("project.json")));
        assertTrue(Files.isRegularFile(home.resolve("remotes.json")), "remotes kept in patchwork.home");
      }
    }
  }

  private static String call(Object commands, String function, String... args) throws Exception {
    Method m = commands.getClass().getMethod(function, String[].class);
    PrintStream before = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      m.invoke(commands, (Object) args);
    } finally {
      System.setOut(before);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
