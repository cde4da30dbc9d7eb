package org.patchwork.project.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.patchwork.project.ProjectFormat;
import org.patchwork.project.ProjectFormatException;
import org.patchwork.project.ProjectModel;
import org.patchwork.project.RandomProjects;
import org.patchwork.project.Sample;

/**
 * Cuts the power at every step of a save, losing all unforced writes or a random part of them,
 * and checks the project is then the old one or the new one, whole. A careless save (writing
 * project.json in place) run on the same simulated disk is shown to tear, so the test can tell.
 */
class PowerLossTest {

  private static final Path DIR = Path.of("/sim/song");
  private static final int RANDOM_TRIALS = 5;

  /** What was found after a crash. */
  private enum Outcome { NONE, OLD, NEW, TORN }

  private interface Save {
    void run(ProjectFiles files, ProjectModel model) throws Exception;
  }

  @Test
  void everyCrashPointLeavesTheOldOrTheNewProject() throws Exception {
    for (int seed = 0; seed < 6; seed++) {
      boolean hasOld = seed % 4 != 0;
      Case c = models(seed, hasOld);
      int[] counts = run(c.old(), c.next(), careful(c));
      System.out.printf("power loss, seed %d: %s%n", seed, java.util.Arrays.toString(counts));
      assertEquals(0, counts[Outcome.TORN.ordinal()], "seed " + seed + ": a torn project");
      assertTrue(counts[Outcome.NEW.ordinal()] > 0, "seed " + seed + ": the new project never survived");
      assertTrue(counts[hasOld ? Outcome.OLD.ordinal() : Outcome.NONE.ordinal()] > 0,
          "seed " + seed + ": the old state never survived");
    }
  }

  @Test
  void theSimulatedDiskCatchesASaveThatWritesInPlace() throws Exception {
    Case c = models(1, true);
    int[] counts = run(c.old(), c.next(), (files, model) -> {
      // the audio is written the careful way; only project.json is written in place
      for (byte[] bytes : c.audio().values()) {
        files.putAsset(DIR, bytes);
      }
      Path file = DIR.resolve(ProjectFormat.FILE);
      files.disk().delete(file);
      try (Disk.Output out = files.disk().create(file)) {
        byte[] b = ProjectFormat.write(model);
        out.write(b, 0, b.length);
        out.force();
      }
      files.disk().syncDirectory(DIR);
    });
    System.out.printf("power loss, careless save: %s%n", java.util.Arrays.toString(counts));
    assertTrue(counts[Outcome.TORN.ordinal()] + counts[Outcome.NONE.ordinal()] > 0,
        "writing in place must lose the project at some crash point");
  }

  /** Old (saved durably, or nothing) then new; crash at each step; count what is found. */
  private int[] run(ProjectModel old, ProjectModel next, Save save) throws Exception {
    int[] counts = new int[Outcome.values().length];
    SimulatedDisk probe = setUp(old);
    int start = probe.steps();
    save.run(new ProjectFiles(probe), next);
    int total = probe.steps() - start;
    for (int k = 0; k <= total; k++) {
      for (int trial = 0; trial <= RANDOM_TRIALS; trial++) {
        SimulatedDisk disk = setUp(old);
        disk.crashAt(k == total ? -1 : disk.steps() + k);
        try {
          save.run(new ProjectFiles(disk), next);
        } catch (SimulatedDisk.PowerCut expected) {
          // the machine went off here
        }
        disk.crash(trial == 0 ? null : new Random(k * 1000L + trial));
        Outcome o = look(disk, old, next);
        counts[o.ordinal()]++;
        if (k == total && o != Outcome.NEW) {
          fail("a completed save did not survive the power cut: " + o + " after " + disk.log());
        }
      }
    }
    return counts;
  }

  private static SimulatedDisk setUp(ProjectModel old) throws Exception {
    SimulatedDisk disk = new SimulatedDisk();
    if (old != null) {
      new ProjectFiles(disk).save(DIR, old);
      disk.crash(null);
    }
    return disk;
  }

  private static Outcome look(SimulatedDisk disk, ProjectModel old, ProjectModel next) throws Exception {
    ProjectModel found;
    try {
      found = new ProjectFiles(disk).load(DIR).model();
    } catch (NoSuchFileException e) {
      return Outcome.NONE;
    } catch (ProjectFormatException e) {
      return Outcome.TORN;
    }
    if (found.equals(next)) {
      // the new project's samples must be readable too
      for (var s : next.samples()) {
        new ProjectFiles(disk).readAsset(DIR, s.sha256());
      }
      return Outcome.NEW;
    }
    if (found.equals(old)) {
      return Outcome.OLD;
    }
    return Outcome.TORN;
  }

  /** An old project (or none) and a new one whose samples' audio the save must write first. */
  private record Case(ProjectModel old, ProjectModel next, Map<String, byte[]> audio) {
  }

  private static Case models(int seed, boolean hasOld) throws Exception {
    SimulatedDisk scratch = new SimulatedDisk();
    ProjectModel old = hasOld ? new RandomProjects(seed).next(null, null).withSamples(List.of()) : null;
    ProjectModel next;
    int s = seed;
    do {
      next = new RandomProjects(1000 + s++).next(new ProjectFiles(scratch), DIR);
    } while (next.samples().isEmpty());
    Map<String, byte[]> audio = new LinkedHashMap<>();
    for (Sample sample : next.samples()) {
      audio.put(sample.sha256(), scratch.read(ProjectFiles.asset(DIR, sample.sha256())));
    }
    return new Case(old, next, audio);
  }

  /** Imports the audio (as the sample import does) then saves the project. */
  private static Save careful(Case c) {
    return (files, model) -> {
      for (byte[] bytes : c.audio().values()) {
        files.putAsset(DIR, bytes);
      }
      files.save(DIR, model);
    };
  }
}
