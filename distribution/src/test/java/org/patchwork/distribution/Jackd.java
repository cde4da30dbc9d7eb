package org.patchwork.distribution;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code jackd} with the dummy backend (no sound card, no real-time rights), under a
 * server name of its own so a developer's server is left alone. Clients find it through
 * {@code JACK_DEFAULT_SERVER}. Missing JACK tools fail the test with the install command.
 */
final class Jackd implements AutoCloseable {

  static final String NAME = "patchwork-it";
  private final Process process;
  private final Path log;

  private Jackd(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static Jackd start(int rate, int period, Path log) throws Exception {
    // -R: real-time scheduling, as a musician's jackd runs (jackd falls back to normal
    // scheduling where the user may not use it); its clients' process threads inherit it.
    ProcessBuilder pb = new ProcessBuilder(tool("jackd"), "-n", NAME, "-R", "-P", "70", "-d", "dummy",
        "-r", Integer.toString(rate), "-p", Integer.toString(period))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("JACK_NO_AUDIO_RESERVATION", "1");
    Jackd jackd = new Jackd(pb.start(), log);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < end) {
      if (!jackd.process.isAlive()) {
        throw new AssertionError("jackd exited: " + java.nio.file.Files.readString(log));
      }
      if (run(tool("jack_wait"), "-c", "-s", NAME).strip().equals("running")) {
        return jackd;
      }
      Thread.sleep(100);
    }
    jackd.close();
    throw new AssertionError("jackd did not answer within 15 s: " + java.nio.file.Files.readString(log));
  }

  /** What jackd has printed so far (its xrun reports among it). */
  String log() throws java.io.IOException {
    return java.nio.file.Files.readString(log);
  }

  /** The ports {@code jack_lsp} lists on this server. */
  static String ports() throws Exception {
    return run(tool("jack_lsp"), "-s", NAME);
  }

  static String tool(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      File f = new File(dir, name);
      if (f.canExecute()) {
        return f.getAbsolutePath();
      }
    }
    throw new AssertionError(name + " not found: install the Debian package jackd2 (./test.sh does as root)");
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    p.waitFor(15, TimeUnit.SECONDS);
    return new String(out, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
