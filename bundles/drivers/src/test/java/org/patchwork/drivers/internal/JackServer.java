package org.patchwork.drivers.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real jackd with the dummy backend, for the tests: no sound card, no real-time rights
 * ({@code -r}), named after {@code JACK_DEFAULT_SERVER} (set by the pom) so that the driver
 * under test, jack_lsp and jack_rec all find it and a developer's own server is left alone.
 * Missing tools fail the test with the install command; they never skip it. Public for the
 * Felix test, which plays through JACK from inside the framework.
 */
public final class JackServer implements AutoCloseable {

  static final String INSTALL_HINT = "install the Debian package jackd2 (apt-get install jackd2); "
      + "bundles/drivers/TEST-PACKAGES.txt lists every package these tests need";

  public final String name;
  private final Process process;
  private final Path log;

  private JackServer(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static String serverName() {
    String env = System.getenv("JACK_DEFAULT_SERVER");
    return env == null || env.isBlank() ? "default" : env;
  }

  public static JackServer start(int sampleRate, int period, Path logDir) throws Exception {
    return start(serverName(), sampleRate, period, logDir);
  }

  /** A server under a name of its own, for a test that stops it while a client is connected. */
  static JackServer start(String name, int sampleRate, int period, Path logDir) throws Exception {
    String jackd = tool("jackd");
    if (isRunning(name)) {
      fail("a JACK server named '" + name + "' is already running; stop it first (the tests start their own)");
    }
    Files.createDirectories(logDir);
    Path log = logDir.resolve("jackd-" + name + ".log");
    // -R: real-time scheduling, as a musician runs jackd (it falls back where not permitted)
    ProcessBuilder pb = new ProcessBuilder(jackd, "-n", name, "-R", "-P", "70", "-d", "dummy",
        "-r", Integer.toString(sampleRate), "-p", Integer.toString(period))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("JACK_NO_AUDIO_RESERVATION", "1"); // no D-Bus device reservation as root
    Process p = pb.start();
    JackServer server = new JackServer(name, p, log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        fail("jackd exited with " + p.exitValue() + " before answering:\n" + server.log());
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

  /** The absolute path of a JACK tool on PATH, or a failed test saying how to install it. */
  static String tool(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      File f = new File(dir, command);
      if (f.canExecute()) {
        return f.getAbsolutePath();
      }
    }
    fail(command + " not found on PATH: " + INSTALL_HINT);
    return null;
  }

  /** Runs a command to its end and returns what it printed (stdout and stderr). */
  static String run(int timeoutSeconds, String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    // read while it runs, so that a chatty tool never blocks on a full pipe
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

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy(); // SIGTERM: jackd removes its sockets and shared memory
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
