package org.patchwork.project;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at random moments: a child JVM saves a changing project in a loop; the parent kills it
 * (SIGKILL through {@link ProcessHandle#destroyForcibly}) after a random delay, 220 times in all (two
 * children at a time, one per core). After each kill the project must load and be the last save
 * the child reported or the one it was making (whose rename may have happened before it could
 * report it) - never anything else, never torn. Set -Dpatchwork.kills=N for a longer run.
 */
class KillTest {

  private static final int KILLS = Integer.getInteger("patchwork.kills", 220);
  private static final int LANES = 2;

  @TempDir
  Path tmp;

  /** Project number {@code i}: different content and size each time (about 5 to 120 KB). */
  static ProjectModel model(long i) {
    try {
      ProjectModel p = new RandomProjects(i).next(null, null).withSamples(List.of());
      Random r = new Random(i);
      float[] curve = new float[r.nextInt(8000)];
      for (int k = 0; k < curve.length; k++) {
        curve[k] = r.nextFloat();
      }
      List<AutomationLane> lanes = new ArrayList<>(p.automation());
      lanes.add(new AutomationLane(p.nodes().getFirst().id(), "kill-test-" + i, 0, 0.25, curve));
      return new ProjectModel("save " + i, p.sampleRate(), p.tempo(), p.nodes(), p.connections(), p.tracks(),
          p.buses(), p.master(), p.notes(), p.song(), List.of(), lanes, p.lockfile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aProjectSurvivesSigkillAtAnyMomentOfASave() throws Exception {
    Path archive = tmp.resolve("kill-test.jsa");
    classPath = jarredClassPath(tmp);
    child(tmp.resolve("warm"), 0, archive, true).waitFor(60, TimeUnit.SECONDS);
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(LANES);
    List<Future<int[]>> lanes = new ArrayList<>();
    for (int lane = 0; lane < LANES; lane++) {
      Path dir = tmp.resolve("lane" + lane);
      int kills = KILLS / LANES + (lane < KILLS % LANES ? 1 : 0);
      long seed = lane;
      lanes.add(pool.submit((Callable<int[]>) () -> lane(dir, kills, seed, archive)));
    }
    int[] total = new int[3];
    for (Future<int[]> f : lanes) {
      int[] r = f.get(10, TimeUnit.MINUTES);
      for (int k = 0; k < 3; k++) {
        total[k] += r[k];
      }
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("kill test: %d kills in %.1f s; found the last reported save %d times, the one in flight %d "
        + "times, no save yet %d times%n", KILLS, seconds, total[0], total[1], total[2]);
    assertTrue(total[0] + total[1] + total[2] == KILLS);
    assertTrue(total[0] > 0 && total[1] + total[0] > KILLS / 2, "the kills should mostly land after saves began");
  }

  /** Kills {@code kills} children saving into {@code dir}; counts [last reported, in flight, none yet]. */
  private static int[] lane(Path dir, int kills, long seed, Path archive) throws Exception {
    Random random = new Random(seed);
    int[] seen = new int[3];
    long last = -1; // the newest save known to be complete
    long next = 0;
    for (int k = 0; k < kills; k++) {
      Process p = child(dir, next, archive, false);
      long reported;
      try {
        reported = killAtRandom(p, dir, random.nextInt(60));
      } finally {
        p.toHandle().destroyForcibly(); // never leave a child saving after a failure
      }
      long inFlight = reported >= 0 ? reported + 1 : next;
      last = Math.max(last, reported);
      next = inFlight + 1;
      ProjectModel found;
      try {
        found = new ProjectStore().load(dir);
      } catch (java.nio.file.NoSuchFileException e) {
        assertTrue(last < 0, "kill " + k + ": the project is gone after save " + last);
        seen[2]++;
        continue;
      } catch (ProjectFormatException e) {
        throw new AssertionError("kill " + k + ": the project is torn: " + e.getMessage(), e);
      }
      if (last >= 0 && found.equals(model(last))) {
        seen[0]++;
      } else if (found.equals(model(inFlight))) {
        seen[1]++;
        last = inFlight;
      } else {
        fail("kill " + k + ": the project is '" + found.name() + "', neither save " + last + " nor save " + inFlight);
      }
      try (Stream<Path> files = Files.list(dir)) {
        assertTrue(files.count() <= 4, "temporary files pile up in " + dir);
      }
    }
    return seen;
  }

  /**
   * Waits for the child to be ready, lets it save for {@code millis}, kills it with SIGKILL and
   * returns the last save it reported (-1 for none). SIGKILL goes through the process handle:
   * Process.destroyForcibly would also close our end of the child's stdout, losing the last
   * "saved N" lines still in the pipe.
   */
  private static long killAtRandom(Process p, Path dir, int millis) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    Path err = dir.resolveSibling(dir.getFileName() + ".err");
    if (!"ready".equals(out.readLine())) {
      p.waitFor(10, TimeUnit.SECONDS);
      fail("the child did not start: " + Files.readString(err));
    }
    Thread.sleep(millis);
    if (!p.isAlive()) {
      fail("the child died before it was killed: " + Files.readString(err));
    }
    p.toHandle().destroyForcibly();
    p.waitFor(30, TimeUnit.SECONDS);
    long reported = -1;
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("saved ")) {
        reported = Long.parseLong(line.substring(6));
      }
    }
    return reported;
  }

  private static String classPath;

  /**
   * The test class path with its folders (target/classes, target/test-classes) made into jars:
   * the JVM's class-data archive only covers jars, and with it a child starts in a third of the
   * time, which is what lets 220 kills fit in a minute.
   */
  private static String jarredClassPath(Path tmp) throws IOException {
    List<String> out = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry);
      if (!Files.isDirectory(p)) {
        out.add(entry);
        continue;
      }
      Path jar = tmp.resolve("classpath-" + n++ + ".jar");
      try (java.util.jar.JarOutputStream j = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
          Stream<Path> files = Files.walk(p)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          j.putNextEntry(new java.util.jar.JarEntry(p.relativize(f).toString().replace('\\', '/')));
          j.write(Files.readAllBytes(f));
          j.closeEntry();
        }
      }
      out.add(jar.toString());
    }
    return String.join(java.io.File.pathSeparator, out);
  }

  private static Process child(Path dir, long first, Path archive, boolean warmUp) throws IOException {
    String java = ProcessHandle.current().info().command().orElse(
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cmd = new ArrayList<>(List.of(java,
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:+AutoCreateSharedArchive",
        "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-cp", classPath, KillTestChild.class.getName(), dir.toString(), Long.toString(first)));
    if (warmUp) {
      cmd.add("--warm-up");
    }
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.to(dir.resolveSibling(dir.getFileName() + ".err").toFile())).start();
  }
}
