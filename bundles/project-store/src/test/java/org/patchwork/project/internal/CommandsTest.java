package org.patchwork.project.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.project.AudioFixtures;
import org.patchwork.project.ProjectModel;
import org.patchwork.project.ProjectStore;
import org.patchwork.project.TreeHash;
import org.patchwork.sdk.cli.UsageException;

/**
 * Every bad input to pw:migrate, pw:import, pw:pack and pw:unpack is a usage error (exit status
 * 2 from bin/patchwork) whose one line names the file and the problem, and changes nothing on
 * disk; good input does what it says.
 */
class CommandsTest {

  @TempDir
  Path tmp;

  private Path project(String name, String json) throws Exception {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("project.json"), json);
    return dir;
  }

  private void refused(Runnable command, String expected) throws Exception {
    String before = TreeHash.of(tmp);
    UsageException e = assertThrows(UsageException.class, command::run);
    assertEquals(expected, e.getMessage());
    assertEquals(before, TreeHash.of(tmp), "a refused command changed something");
  }

  @Test
  void badProjectsAreUsageErrorsThatChangeNothing() throws Exception {
    Path json = project("json", "{\"formatVersion\": 1, \"name\": \"x\",");
    refused(() -> new MigrateCommand().migrate(json.toString()),
        json.resolve("project.json") + ": not valid JSON at line 1, column 34: Unexpected end-of-input within/between Object entries");
    Path types = project("types", "{\"formatVersion\": 1, \"name\": \"x\", \"sampleRate\": \"fast\", \"tempo\": 120, \"nodes\": []}");
    refused(() -> new MigrateCommand().migrate(types.toString()),
        types.resolve("project.json") + ": $.sampleRate: string found, integer expected (found \"fast\")");
    Path future = project("future", "{\"formatVersion\": 42, \"name\": \"x\"}");
    refused(() -> new MigrateCommand().migrate(future.toString()),
        future.resolve("project.json") + ": $.formatVersion: format version 42 is newer than this Patchwork reads "
            + "(up to 2): update Patchwork to open it");
    refused(() -> new PackCommand().pack(types.toString(), "--out", tmp.resolve("x.pwpack").toString()),
        types.resolve("project.json") + ": $.sampleRate: string found, integer expected (found \"fast\")");
    refused(() -> new MigrateCommand().migrate(tmp.resolve("nothing").toString()),
        "no such project: " + tmp.resolve("nothing") + " (a folder with a project.json)");
    refused(() -> new MigrateCommand().migrate("--frobnicate"),
        "migrate: missing required parameter: 'PROJECT' (see 'patchwork migrate --help')");
  }

  @Test
  void aTruncatedWavIsAUsageErrorThatChangesNothing() throws Exception {
    Path dir = tmp.resolve("song");
    new ProjectStore().save(dir, ProjectModel.empty("song"));
    byte[] wav = AudioFixtures.wav(2, 48000, 16, 1000, 1);
    Path cut = tmp.resolve("cut.wav");
    Files.write(cut, Arrays.copyOf(wav, 3000));
    refused(() -> new ImportCommand(org.patchwork.project.ModuleLocks.NONE)._main("add-sample", dir.toString(), cut.toString()),
        cut + ": truncated: the RIFF header says 4044 bytes but the file has 3000");
  }

  @Test
  void aHostilePackIsAUsageErrorThatLeavesNothingBehind() throws Exception {
    Path pack = tmp.resolve("evil.pwpack");
    java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(pack));
    zip.putNextEntry(new java.util.zip.ZipEntry("../../escape.txt"));
    zip.write("gotcha".getBytes());
    zip.close();
    refused(() -> new UnpackCommand().unpack(pack.toString(), "--into", tmp.resolve("out").toString()),
        pack + ": entry '../../escape.txt' escapes the target folder ('..')");
  }

  @Test
  void goodInputWorksEndToEnd() throws Exception {
    Path dir = project("old", "{\"formatVersion\": 0, \"title\": \"Old\", \"rate\": 44100, \"bpm\": 90, \"nodes\": []}");
    String out = capture(() -> new MigrateCommand().migrate(dir.toString()));
    assertTrue(out.contains("migrated to format version 2"), out);
    Path wav = tmp.resolve("snare.wav");
    Files.write(wav, AudioFixtures.wav(1, 44100, 24, 500, 2));
    out = capture(() -> new ImportCommand(org.patchwork.project.ModuleLocks.NONE)._main("add-sample", dir.toString(), wav.toString(), "--root-key", "38"));
    assertTrue(out.contains("imported " + wav + " as 'snare': 1 channels, 44100 Hz, 500 frames"), out);
    Path pack = tmp.resolve("old.pwpack");
    capture(() -> new PackCommand().pack(dir.toString(), "--out", pack.toString()));
    capture(() -> new UnpackCommand().unpack(pack.toString(), "--into", tmp.resolve("copy").toString()));
    ProjectModel copy = new ProjectStore().load(tmp.resolve("copy"));
    assertEquals(new ProjectStore().load(dir), copy);
    assertEquals(38, copy.samples().getFirst().rootKey());
    assertFalse(Files.exists(tmp.resolve("copy").resolve("project.json.bak")));
  }

  private static String capture(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return bytes.toString();
  }
}
