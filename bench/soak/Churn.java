import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Garbage churn for the soak test: allocates and drops objects at a steady rate, and keeps a
 * window of them alive for a while, so that the collector has both young and older garbage to
 * deal with. Runs as a Java agent inside the player's JVM (-javaagent:churn.jar=MB_PER_S) or
 * as a JVM of its own (java -jar churn.jar MB_PER_S).
 *
 * <p>Each millisecond it allocates its share of the rate (byte arrays of 16..1024 bytes, small
 * objects, strings), stores about one object in 16 into a 65,536-slot window at a random
 * index (dropping what was there), then sleeps to the next millisecond. At exit it prints what
 * it did on stderr; with a file after the rate ({@code RATE,FILE}) it also writes that line to
 * the file once a second, for JVMs that end with {@code Runtime.halt} (no shutdown hooks run),
 * such as bin/patchwork.
 */
public final class Churn implements Runnable {

  private static final int WINDOW = 1 << 16;
  private final double bytesPerMs;
  private final Object[] window = new Object[WINDOW];
  private volatile long allocated;
  private final long startNanos = System.nanoTime();
  private final double rate;
  private final java.nio.file.Path report;
  static volatile Object sink;

  private Churn(double megabytesPerSecond, java.nio.file.Path report) {
    rate = megabytesPerSecond;
    bytesPerMs = megabytesPerSecond * 1024 * 1024 / 1000;
    this.report = report;
  }

  private String summary() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double mb = allocated / 1024.0 / 1024.0;
    return String.format("churn: allocated %.0f MB in %.1f s (%.0f MB/s, asked %.0f)", mb, seconds,
        mb / seconds, rate);
  }

  public static void premain(String args) {
    start(args, true);
  }

  public static void main(String[] args) throws InterruptedException {
    start(args.length > 0 ? args[0] : "", false).join();
  }

  private static Thread start(String args, boolean daemon) {
    String[] parts = (args == null ? "" : args.strip()).split(",", 2);
    double rate = parts[0].isEmpty() ? 256 : Double.parseDouble(parts[0]);
    Churn churn = new Churn(rate, parts.length > 1 ? java.nio.file.Path.of(parts[1]) : null);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println(churn.summary())));
    return Thread.ofPlatform().name("soak-garbage-churn").daemon(daemon).start(churn);
  }

  @Override
  public void run() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long tick = System.nanoTime();
    long total = 0;
    long ticks = 0;
    double owed = 0;
    while (true) {
      owed += bytesPerMs;
      while (owed > 0) {
        Object o;
        int bytes;
        switch (random.nextInt(4)) {
          case 0, 1 -> {
            int n = 16 + random.nextInt(1009);
            o = new byte[n];
            bytes = n + 16;
          }
          case 2 -> {
            o = new long[] {random.nextLong(), random.nextLong(), total};
            bytes = 40;
          }
          default -> {
            o = "note-" + random.nextInt() + "-" + total;
            bytes = 80;
          }
        }
        if ((random.nextInt() & 15) == 0) {
          window[random.nextInt(WINDOW)] = o;
        } else {
          sink = o;
        }
        owed -= bytes;
        total += bytes;
      }
      allocated = total;
      if (report != null && ++ticks % 1000 == 0) {
        try {
          java.nio.file.Files.writeString(report, summary() + "\n");
        } catch (java.io.IOException e) {
          // the report is a courtesy; the churn goes on
        }
      }
      tick += 1_000_000;
      long wait = tick - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      } else if (wait < -100_000_000) {
        tick = System.nanoTime(); // fell far behind (suspended): do not burst to catch up
      }
    }
  }
}
