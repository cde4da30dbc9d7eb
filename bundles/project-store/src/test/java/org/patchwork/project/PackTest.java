package org.patchwork.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.project.internal.Hashes;

/** Packs round-trip; hostile packs are refused with a reason and leave nothing behind. */
class PackTest {

  @TempDir
  Path tmp;

  private final ProjectStore store = new ProjectStore();
  private Path project;
  private ProjectModel model;
  private byte[] json;
  private byte[] audio;

  @BeforeEach
  void project() throws Exception {
    project = tmp.resolve("song");
    Path wav = tmp.resolve("kick 1.wav");
    audio = AudioFixtures.wav(2, 48000, 24, 4800, 9);
    Files.write(wav, audio);
    Sample kick = store.importSample(project, wav, "kick");
    Sample again = store.importSample(project, wav, "kick-copy");
    assertEquals(kick.sha256(), again.sha256(), "the same audio is stored once");
    model = ProjectModel.empty("Packed").withSamples(List.of(kick, again.withLoop(new Loop(0, 100, LoopMode.FORWARD))));
    store.save(project, model);
    json = Files.readAllBytes(project.resolve("project.json"));
  }

  @Test
  void packThenUnpackGivesTheSameProjectAndAssets() throws Exception {
    Path pack = tmp.resolve("song.pwpack");
    double[] last = {-1};
    Packs.pack(project, pack, p -> last[0] = p);
    assertEquals(1.0, last[0]);
    Path into = tmp.resolve("inbox").resolve("song");
    Files.createDirectories(into.getParent());
    Packs.unpack(pack, into, PackLimits.DEFAULT, p -> { });
    assertEquals(model, store.load(into));
    assertArrayEquals(audio, Files.readAllBytes(into.resolve("assets").resolve(model.samples().get(0).sha256())));
    Path second = tmp.resolve("again.pwpack");
    Packs.pack(project, second, p -> { });
    assertArrayEquals(Files.readAllBytes(pack), Files.readAllBytes(second), "packing is deterministic");
  }

  @Test
  void hostilePacksAreRefusedAndLeaveNothingBehind() throws Exception {
    String sha = model.samples().get(0).sha256();
    refuse("escapes the target folder ('..')", z -> z.add("../evil.txt", "x".getBytes()));
    refuse("is an absolute path", z -> z.add("/etc/cron.d/evil", "x".getBytes()));
    refuse("starts with a drive letter", z -> z.add("C:/evil.txt", "x".getBytes()));
    refuse("contains a backslash", z -> z.add("assets\\..\\..\\evil", "x".getBytes()));
    refuse("appears twice", z -> z.add("project.json", json));
    refuse("appears twice", z -> z.add("PROJECT.JSON", json));
    refuse("is a symbolic link", z -> {
      RawZip.Entry link = z.add("assets/" + "0".repeat(64), "/etc/passwd".getBytes());
      link.madeBy = 3 << 8 | 20;
      link.externalAttrs = 0120777 << 16;
    });
    refuse("unexpected entry 'evil.sh'", z -> z.add("evil.sh", "x".getBytes()));
    refuse("is not listed in manifest.json", z -> z.add("assets/" + "1".repeat(64), "x".getBytes()));
    refuse("would inflate 104857600 bytes from", z -> z.add("assets/" + "2".repeat(64), new byte[100 << 20]));
    refuse("inflates to more than the " + audio.length + " bytes it declares", z -> {
      RawZip.Entry bomb = z.entries.get(2); // declares the listed size, inflates 8 MiB
      bomb.data = new byte[8 << 20];
      bomb.declaredSize = audio.length;
    });
    refuse("fails its CRC-32 check", z -> z.entries.get(1).crc = 12345);
    refuse("fails its SHA-256 check", z -> z.entries.get(1).data = json("\"Packed\"", "\"Pecked\""));
    refuse("overlaps another entry's bytes", z -> z.entries.get(2).offsetOverride = 0);
    refuse("is encrypted", z -> z.entries.get(2).flags |= 1);
    refuse("manifest.json lists 'assets/" + sha + "' but the pack does not hold it", z -> z.entries.remove(2));
    refuse("$.formatVersion: format version 7 is newer than this Patchwork reads (up to 1)",
        z -> z.entries.get(0).data = manifest().replace("\"formatVersion\": 1", "\"formatVersion\": 7").getBytes());
    refuse("project.json: $.tempo: must have a maximum value of 999 (found 5000)", z -> {
      byte[] bad = json("\"tempo\": 120.0", "\"tempo\": 5000");
      z.entries.get(1).data = bad;
      z.entries.get(0).data = manifest().replace(Hashes.sha256(json), Hashes.sha256(bad))
          .replace("\"size\": " + json.length, "\"size\": " + bad.length).getBytes();
    });
  }

  @Test
  void limitsCountEntriesAndBytes() throws Exception {
    Path pack = tmp.resolve("ok.pwpack");
    Packs.pack(project, pack, p -> { });
    assertRefused(pack, new PackLimits(2, 1 << 30, 200), "too many entries: 3 (at most 2)");
    assertRefused(pack, new PackLimits(10, 1000, 200), "the entries add up to more than 1000 bytes");
    Path junk = tmp.resolve("junk.pwpack");
    Files.write(junk, "this is not a zip file at all, just some text".getBytes());
    assertRefused(junk, PackLimits.DEFAULT, "not a zip archive: no end-of-central-directory record");
  }

  @Test
  void aTargetThatExistsIsNotTouched() throws Exception {
    Path pack = tmp.resolve("ok.pwpack");
    Packs.pack(project, pack, p -> { });
    ProjectFormatException e = assertThrows(ProjectFormatException.class,
        () -> Packs.unpack(pack, project, PackLimits.DEFAULT, p -> { }));
    assertEquals(project + ": already exists and is not an empty folder", e.getMessage());
  }

  /** A correct pack of the project, changed by {@code hostile}, must be refused with {@code reason}. */
  private void refuse(String reason, Consumer<RawZip> hostile) throws Exception {
    RawZip z = new RawZip();
    z.add("manifest.json", manifest().getBytes(StandardCharsets.UTF_8));
    z.add("project.json", json);
    z.add("assets/" + model.samples().get(0).sha256(), audio);
    hostile.accept(z);
    Path pack = tmp.resolve("hostile.pwpack");
    Files.write(pack, z.bytes());
    assertRefused(pack, PackLimits.DEFAULT, reason);
  }

  private void assertRefused(Path pack, PackLimits limits, String reason) throws Exception {
    Path parent = tmp.resolve("landing");
    Files.createDirectories(parent);
    String before = TreeHash.of(parent);
    ProjectFormatException e = assertThrows(ProjectFormatException.class,
        () -> Packs.unpack(pack, parent.resolve("song"), limits, p -> { }));
    assertTrue(e.getMessage().startsWith(pack.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage() + "\n does not say: " + reason);
    assertFalse(e.getMessage().contains("\n"));
    assertEquals(before, TreeHash.of(parent), "a refused pack left something behind");
  }

  private String manifest() {
    String sha = model.samples().get(0).sha256();
    return "{\n  \"formatVersion\": 1,\n  \"kind\": \"project\",\n  \"entries\": [\n"
        + "    {\"path\": \"project.json\", \"size\": " + json.length + ", \"sha256\": \"" + Hashes.sha256(json) + "\"},\n"
        + "    {\"path\": \"assets/" + sha + "\", \"size\": " + audio.length + ", \"sha256\": \"" + sha + "\"}\n  ]\n}\n";
  }

  private byte[] json(String from, String to) {
    String s = new String(json, StandardCharsets.UTF_8);
    assertTrue(s.contains(from), from);
    return s.replace(from, to).getBytes(StandardCharsets.UTF_8);
  }
}
