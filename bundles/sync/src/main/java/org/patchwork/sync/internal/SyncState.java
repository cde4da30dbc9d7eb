package org.patchwork.sync.internal;

import org.patchwork.sdk.project.Assets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Per project and remote, in {@code .patchwork-sync/<remote>/}: the common ancestor (the
 * manifest both sides last agreed on, {@code base-<sha256>.json}) and the remote revision it
 * was at ({@code state.json}, written last, so a crash leaves the old pair or the new one).
 */
public final class SyncState {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The ancestor's bytes (null: never synced) and the remote revision (null: none). */
  public record Base(byte[] manifest, String revision) {
  }

  private final Path dir;

  public SyncState(Path dir) {
    this.dir = dir;
  }

  public Base read() throws IOException {
    JsonNode state;
    try {
      state = JSON.readTree(Files.readAllBytes(dir.resolve("state.json")));
    } catch (NoSuchFileException e) {
      return new Base(null, null);
    }
    JsonNode sha = state.get("base");
    JsonNode rev = state.get("remoteRevision");
    byte[] base = null;
    if (sha != null && sha.isTextual()) {
      base = Files.readAllBytes(dir.resolve("base-" + sha.asText() + ".json"));
      if (!Assets.sha256Hex(base).equals(sha.asText())) {
        throw new IOException(dir + ": the kept ancestor base-" + sha.asText() + ".json was changed");
      }
    }
    return new Base(base, rev == null || rev.isNull() ? null : rev.asText());
  }

  public void write(byte[] base, String revision) throws IOException {
    Files.createDirectories(dir);
    String sha = Assets.sha256Hex(base);
    Path file = dir.resolve("base-" + sha + ".json");
    if (!Files.exists(file)) {
      LocalProject.writeAtomically(file, base);
    }
    ObjectNode state = JSON.createObjectNode();
    state.put("formatVersion", 1);
    state.put("base", sha);
    state.put("remoteRevision", revision);
    LocalProject.writeAtomically(dir.resolve("state.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String n = p.getFileName().toString();
        if (n.startsWith("base-") && n.endsWith(".json") && !p.equals(file)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
