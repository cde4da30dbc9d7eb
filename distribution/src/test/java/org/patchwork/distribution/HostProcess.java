package org.patchwork.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The real {@code bin/patchwork} of the assembled distribution, run as a child process with its
 * own {@code PATCHWORK_HOME}; standard output and error are collected as they arrive.
 */
final class HostProcess implements AutoCloseable {

  static final Path DIST = Path.of("target/patchwork").toAbsolutePath();
  static final Path LAUNCHER = DIST.resolve("bin/patchwork");

  private final Process process;
  private final StringBuffer out = new StringBuffer();
  private final StringBuffer err = new StringBuffer();
  private final Writer in;
  private final List<Thread> pumps = new ArrayList<>();

  private HostProcess(Process process) {
    this.process = process;
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    pumps.add(pump(process.getInputStream(), out));
    pumps.add(pump(process.getErrorStream(), err));
  }

  /** Starts {@code bin/patchwork ARGS} with standard input kept open for {@link #send}. */
  static HostProcess start(Path home, String... args) throws IOException {
    return start(home, java.util.Map.of(), args);
  }

  /** As {@link #start(Path, String...)} with extra environment variables. */
  static HostProcess start(Path home, java.util.Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("PATCHWORK_HOME", home.toString());
    pb.environment().putAll(env);
    return new HostProcess(pb.start());
  }

  /** Runs {@code bin/patchwork ARGS} to the end with empty input. */
  static Result run(Path home, String... args) throws IOException, InterruptedException {
    return run(home, java.util.Map.of(), args);
  }

  /** As {@link #run(Path, String...)} with extra environment variables. */
  static Result run(Path home, java.util.Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    try (HostProcess p = start(home, env, args)) {
      p.in.close();
      int status = p.waitFor(Duration.ofSeconds(60));
      return new Result(status, p.out(), p.err());
    }
  }

  record Result(int status, String out, String err) {
  }

  private static Thread pump(InputStream stream, StringBuffer sink) {
    return Thread.ofPlatform().daemon().start(() -> {
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = stream.read(buffer)) > 0; ) {
          sink.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        // The process ended; what was read is kept.
      }
    });
  }

  void send(String line) throws IOException {
    in.write(line + "\n");
    in.flush();
  }

  void closeInput() throws IOException {
    in.close();
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** Waits until standard output (from offset {@code from}) satisfies {@code test}. */
  boolean awaitOut(int from, Predicate<String> test, Duration timeout) throws InterruptedException {
    return await(() -> out.substring(Math.min(from, out.length())), test, timeout);
  }

  /** Waits until standard error satisfies {@code test}. */
  boolean awaitErr(Predicate<String> test, Duration timeout) throws InterruptedException {
    return await(err::toString, test, timeout);
  }

  private static boolean await(java.util.function.Supplier<String> text, Predicate<String> test, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (test.test(text.get())) {
        return true;
      }
      Thread.sleep(50);
    }
    return test.test(text.get());
  }

  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("patchwork did not exit within " + timeout + "\nstdout:\n" + out + "\nstderr:\n" + err);
    }
    for (Thread t : pumps) {
      t.join(5_000);
    }
    return process.exitValue();
  }

  /** Sends SIGTERM, as a user's {@code kill} or a desktop session ending would. */
  void terminate() {
    process.destroy();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  static Path exampleJar(String name) throws IOException {
    try (var list = Files.list(DIST.resolve("examples"))) {
      return list.filter(p -> p.getFileName().toString().startsWith("example-" + name + "-")).findFirst()
          .orElseThrow(() -> new AssertionError("no example-" + name + " jar in " + DIST.resolve("examples")));
    }
  }
}
