package org.patchwork.midi.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real jackd with the dummy backend for the tests (no sound card), named after
 * {@code JACK_DEFAULT_SERVER} as set by the pom, so the code under test finds it and a
 * developer's own server is left alone. A missing jackd fails the test with the install
 * command; it never skips. (The same approach as bundles/drivers' JackServer.)
 */
public final class JackTestServer implements AutoCloseable {

  public static final String INSTALL_HINT = "install the Debian packages jackd2 and libjack-jackd2-0 "
      + "(apt-get install jackd2 libjack-jackd2-0)";

  public final String name;
  private final Process process;
  private final Path log;

  private JackTestServer(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  public static String serverName() {
    String env = System.getenv("JACK_DEFAULT_SERVER");
    return env == null || env.isBlank() ? "default" : env;
  }

  /** Starts jackd -d dummy at this rate and period and waits until it answers. */
  public static JackTestServer start(int sampleRate, int period, Path logDir) throws Exception {
    String name = serverName();
    if (isRunning(name)) {
      fail("a JACK server named '" + name + "' is already running; stop it first (the tests start their own)");
    }
    Files.createDirectories(logDir);
    Path log = logDir.resolve("jackd-" + name + ".log");
    ProcessBuilder pb = new ProcessBuilder(tool("jackd"), "-n", name, "-R", "-P", "70", "-d", "dummy",
        "-r", Integer.toString(sampleRate), "-p", Integer.toString(period))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("JACK_NO_AUDIO_RESERVATION", "1");
    JackTestServer server = new JackTestServer(name, pb.start(), log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!server.process.isAlive()) {
        fail("jackd exited with " + server.process.exitValue() + " before answering:\n" + server.log());
      }
      if (isRunning(name)) {
        return server;
      }
      Thread.sleep(100);
    }
    server.close();
    fail("jackd did not answer within 15 s:\n" + server.log());
    return null;
  }

  private static boolean isRunning(String name) throws Exception {
    return run(15, tool("jack_wait"), "-c", "-s", name).strip().equals("running");
  }

  /** The absolute path of a tool on PATH, or a failed test naming the package. */
  public static String tool(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      File f = new File(dir, command);
      if (f.canExecute()) {
        return f.getAbsolutePath();
      }
    }
    fail(command + " not found on PATH: " + INSTALL_HINT);
    return null;
  }

  /** Runs a command to its end and returns its output (stdout and stderr). */
  public static String run(int timeoutSeconds, String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(output lost: " + e + ")";
      }
    });
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not end within " + timeoutSeconds + " s");
    }
    return output.get(5, TimeUnit.SECONDS);
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
