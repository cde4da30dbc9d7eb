package org.patchwork.sync.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.patchwork.sdk.project.ProjectRepository;

/**
 * {@code patchwork remote smoke}: save, load, list and delete against a remote, timing each
 * call, and prints latency percentiles, for operators checking a deployment. Each round creates,
 * reads, lists and deletes one project named {@code smoke-<random>} (created again each round
 * after its deletion, so the listing does not grow with the rounds).
 */
public final class Smoke {

  /** Latencies in milliseconds by operation, in the order they were measured. */
  public record Figures(Map<String, double[]> millis, int manifestBytes) {
  }

  private Smoke() {
  }

  public static Figures run(ProjectRepository repo, int rounds, int manifestBytes) throws IOException {
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (String op : List.of("save", "load", "list", "delete")) {
      times.put(op, new ArrayList<>());
    }
    byte[] manifest = manifest(manifestBytes);
    String id = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      String rev = repo.save(id, manifest, null);
      long t1 = System.nanoTime();
      repo.load(id);
      long t2 = System.nanoTime();
      repo.list();
      long t3 = System.nanoTime();
      repo.delete(id, rev);
      long t4 = System.nanoTime();
      times.get("save").add((t1 - t0) / 1e6);
      times.get("load").add((t2 - t1) / 1e6);
      times.get("list").add((t3 - t2) / 1e6);
      times.get("delete").add((t4 - t3) / 1e6);
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    times.forEach((op, list) -> out.put(op, list.stream().mapToDouble(Double::doubleValue).sorted().toArray()));
    return new Figures(out, manifest.length);
  }

  /** The value below which {@code q} of the sorted values lie (nearest rank). */
  public static double percentile(double[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public static void print(Figures f, int rounds, PrintStream out) {
    out.printf("%-8s %6s %9s %9s %9s %9s%n", "OP", "N", "P50 ms", "P90 ms", "P99 ms", "MAX ms");
    f.millis().forEach((op, v) -> out.printf("%-8s %6d %9.1f %9.1f %9.1f %9.1f%n", op, v.length,
        percentile(v, 0.5), percentile(v, 0.9), percentile(v, 0.99), v.length == 0 ? 0 : v[v.length - 1]));
    out.printf("(%d rounds, manifest %d bytes before compression)%n", rounds, f.manifestBytes());
  }

  private static byte[] manifest(int size) {
    StringBuilder b = new StringBuilder("{\"formatVersion\": 2, \"name\": \"smoke\", \"sampleRate\": 48000, "
        + "\"tempo\": 120, \"nodes\": [");
    int i = 0;
    while (b.length() < size - 80) {
      b.append(i == 0 ? "" : ",").append("{\"id\": \"n").append(i).append("\", \"module\": \"org.patchwork.dsp.gain\", "
          + "\"params\": {\"gain\": ").append(i % 7).append("}}");
      i++;
    }
    b.append("]}\n");
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(bytes, bytes.length);
  }
}
