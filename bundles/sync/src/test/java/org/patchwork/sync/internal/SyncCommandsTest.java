package org.patchwork.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.storage.s3.S3ProxyServer;
import org.patchwork.sync.ServersAccess;

/** The commands as a user types them, against S3Proxy and Apache; bad input is a usage error. */
class SyncCommandsTest {

  static ServersAccess servers;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    servers = ServersAccess.shared();
  }

  String run(SyncCommands c, String function, String... args) throws Exception {
    PrintStream before = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      switch (function) {
        case "remote" -> c.remote(args);
        case "push" -> c.push(args);
        case "pull" -> c.pull(args);
        case "sync" -> c.sync(args);
        default -> throw new IllegalArgumentException(function);
      }
    } finally {
      System.setOut(before);
    }
    String s = out.toString(StandardCharsets.UTF_8);
    before.print(s);
    return s;
  }

  @Test
  void addPushPullStatusAndSmoke() throws Exception {
    SyncCommands c = new SyncCommands(dir.resolve("home"));
    run(c, "remote", "add", "studio", "s3://cmd/band", "--endpoint", servers.s3Endpoint(),
        "-o", "accessKey=" + S3ProxyServer.IDENTITY, "-o", "secretKey=" + S3ProxyServer.CREDENTIAL,
        "-o", "createBucket=true");
    run(c, "remote", "add", "nas", servers.apacheUrl("cmd/"));
    String list = run(c, "remote", "list");
    assertTrue(list.contains("studio") && list.contains("s3") && list.contains("nas") && list.contains("webdav"), list);

    Path song = Files.createDirectories(dir.resolve("a").resolve("cmd-song"));
    Files.writeString(song.resolve("project.json"), "{\"formatVersion\": 2, \"name\": \"Cmd\", \"tempo\": 120}\n");
    assertTrue(run(c, "push", song.toString(), "studio").contains("studio: pushed, remote revision 1"));
    assertTrue(run(c, "push", song.toString(), "nas").contains("nas: pushed"));
    Path copy = Files.createDirectories(dir.resolve("b").resolve("cmd-song"));
    assertTrue(run(c, "pull", copy.toString(), "studio").contains("studio: pulled"));
    assertEquals(Files.readString(song.resolve("project.json")), Files.readString(copy.resolve("project.json")));
    // sync with no name: every remote this folder was synced with.
    String sync = run(c, "sync", song.toString());
    assertTrue(sync.contains("studio: up to date") && sync.contains("nas: up to date"), sync);

    String status = run(c, "remote", "status");
    assertTrue(status.contains("conditional writes enforced") && status.contains("queue: empty"), status);
    String smoke = run(c, "remote", "smoke", "studio", "--rounds", "5");
    assertTrue(smoke.contains("save") && smoke.contains("P99 ms") && smoke.contains("delete"), smoke);
  }

  @Test
  void unreachableRemoteQueuesThePush() throws Exception {
    SyncCommands c = new SyncCommands(dir.resolve("home"));
    run(c, "remote", "add", "gone", "http://127.0.0.1:9/nothing/");
    Path song = Files.createDirectories(dir.resolve("queued-song"));
    Files.writeString(song.resolve("project.json"), "{\"formatVersion\": 2, \"name\": \"Q\"}\n");
    assertTrue(run(c, "push", song.toString()).contains("queued"));
    String status = run(c, "remote", "status");
    assertTrue(status.contains("unreachable") && status.contains("1 push(es) waiting"), status);
    assertThrows(java.io.IOException.class, () -> run(c, "push", song.toString(), "--no-queue"));
  }

  @Test
  void badInputIsAUsageError() throws Exception {
    SyncCommands c = new SyncCommands(dir.resolve("home"));
    assertTrue(assertThrows(UsageException.class, () -> run(c, "remote", "frobnicate")).getMessage()
        .contains("unknown subcommand"));
    assertTrue(assertThrows(UsageException.class, () -> run(c, "remote", "add", "x", "ftp://h/p")).getMessage()
        .contains("scheme"));
    assertTrue(assertThrows(UsageException.class, () -> run(c, "remote", "add", "x", "s3://b", "-o", "secret=1"))
        .getMessage().contains("unknown S3 option"));
    assertTrue(assertThrows(UsageException.class, () -> run(c, "push", dir.resolve("nope").toString())).getMessage()
        .contains("no such project folder"));
    assertTrue(assertThrows(UsageException.class, () -> run(c, "push", dir.toString())).getMessage()
        .contains("no project.json"));
    Files.createDirectories(dir.resolve("home"));
    Files.writeString(dir.resolve("home").resolve("remotes.json"),
        "{\"formatVersion\": 1, \"remotes\": {\"a\": {\"url\": \"s3://bucket\", \"color\": 1}}}");
    UsageException bad = assertThrows(UsageException.class, () -> run(c, "remote", "list"));
    assertTrue(bad.getMessage().contains("$.remotes.a.color: unknown field"), bad.getMessage());
  }
}
