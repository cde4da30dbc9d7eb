package org.patchwork.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.patchwork.project.internal.Json;
import org.patchwork.project.internal.ProjectFiles;

/**
 * Random valid projects from a seed, touching every part of the model: ids with odd characters,
 * extreme but legal numbers, optional parts present and absent, packed-size automation, samples
 * whose audio is really stored.
 */
public final class RandomProjects {

  private final Random r;

  public RandomProjects(long seed) {
    this.r = new Random(seed);
  }

  /** A project; its samples' audio is written into {@code dir/assets} when {@code files} is given. */
  public ProjectModel next(ProjectFiles files, Path dir) throws IOException {
    List<Node> nodes = new ArrayList<>();
    int nodeCount = 1 + r.nextInt(6);
    for (int i = 0; i < nodeCount; i++) {
      Map<String, Double> params = new LinkedHashMap<>();
      for (int p = r.nextInt(4); p > 0; p--) {
        params.put(word() + p, number());
      }
      nodes.add(new Node("n" + i + word(), "org.patchwork.dsp." + word(), params,
          r.nextBoolean() ? null : java.util.Base64.getEncoder().encodeToString(bytes(r.nextInt(20)))));
    }
    List<String> ids = nodes.stream().map(Node::id).toList();
    List<Bus> buses = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      buses.add(new Bus("bus" + i, pick(ids, r.nextInt(3)), number()));
    }
    List<Track> tracks = new ArrayList<>();
    for (int i = r.nextInt(4); i >= 0; i--) {
      List<Send> sends = new ArrayList<>();
      for (Bus b : buses) {
        if (r.nextBoolean()) {
          sends.add(new Send(b.id(), number()));
        }
      }
      tracks.add(new Track("t" + i + word(), pick(ids, 1 + r.nextInt(2)), number(), r.nextDouble() * 2 - 1,
          r.nextBoolean(), r.nextBoolean(), sends));
    }
    List<Connection> connections = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      List<Integer> channels = new ArrayList<>();
      for (int c = r.nextInt(3); c > 0; c--) {
        channels.add(r.nextInt(65) - 1);
      }
      connections.add(new Connection(ids.get(r.nextInt(ids.size())) + ".out",
          r.nextBoolean() ? "master" : ids.get(r.nextInt(ids.size())) + ".in", channels,
          r.nextBoolean() ? null : 1 + r.nextInt(1 << 24)));
    }
    List<Note> notes = new ArrayList<>();
    for (int i = r.nextInt(30); i > 0; i--) {
      notes.add(new Note(tracks.get(r.nextInt(tracks.size())).id(), r.nextInt(128), Math.max(Double.MIN_VALUE, r.nextDouble()),
          r.nextDouble() * 1000, 1e-6 + r.nextDouble() * 16, r.nextDouble() * 4800 - 2400));
    }
    List<Sample> samples = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      byte[] wav = AudioFixtures.wav(1 + r.nextInt(2), 8000 + r.nextInt(40000), 16, 10 + r.nextInt(200), r.nextLong());
      String sha = files == null ? org.patchwork.project.internal.Hashes.sha256(wav) : files.putAsset(dir, wav);
      AudioData a = AudioFiles.read("x.wav", wav);
      int start = r.nextInt(5);
      Loop loop = r.nextBoolean() ? null
          : new Loop(start, start + 1 + r.nextInt(a.frames() - start), LoopMode.values()[r.nextInt(2)]);
      samples.add(new Sample("s" + i, sha, word() + " take " + i + ".wav", "wav", a.channels(), (int) a.sampleRate(),
          a.frames(), r.nextInt(128), number(), loop));
    }
    List<AutomationLane> lanes = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      float[] values = new float[r.nextInt(300)];
      for (int v = 0; v < values.length; v++) {
        values[v] = r.nextInt(10) == 0 ? Float.MIN_VALUE * r.nextInt(100) : (float) (r.nextGaussian() * 1e3);
      }
      lanes.add(new AutomationLane(ids.get(r.nextInt(ids.size())), "p" + i, r.nextDouble() * 64,
          1.0 / (1 + r.nextInt(96)), values));
    }
    List<LockEntry> lock = new ArrayList<>();
    for (Node n : nodes) {
      if (r.nextBoolean() && lock.stream().noneMatch(e -> e.module().equals(n.module()))) {
        lock.add(new LockEntry(n.module(), "org.patchwork." + word(), "1." + r.nextInt(9) + ".0",
            org.patchwork.project.internal.Hashes.sha256(bytes(8)), LockEntry.HashSource.values()[r.nextInt(2)]));
      }
    }
    // the engine plays a song or notes, never both
    JsonNode song = !notes.isEmpty() && r.nextInt(3) > 0 ? null
        : Json.read("song", ("{\"patterns\": [{\"rows\": " + r.nextInt(256) + ", \"cells\": [1, 2.5, \"C-4\", null, true]}],"
            + " \"order\": [0, 0, 1], \"speed\": " + r.nextDouble() + "}").getBytes());
    Master master = r.nextBoolean() ? null : new Master(pick(ids, r.nextInt(2)), number());
    return new ProjectModel(word() + " \u00e9t\u00e9 \"" + r.nextInt(100) + "\"", 8000 + r.nextInt(376001),
        1 + r.nextDouble() * 998, nodes, connections, tracks, buses, master, song == null ? notes : List.of(), song,
        samples, lanes, lock);
  }

  private List<String> pick(List<String> ids, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(ids.get(r.nextInt(ids.size())));
    }
    return out;
  }

  private double number() {
    return switch (r.nextInt(5)) {
      case 0 -> 0;
      case 1 -> r.nextGaussian() * 1e-300;
      case 2 -> r.nextGaussian() * 1e300;
      case 3 -> r.nextInt(200) - 100;
      default -> r.nextGaussian() * 10;
    };
  }

  private String word() {
    String letters = "abcdefghijklmnopqrstuvwxyz_-.\u00fc\u4e2d";
    StringBuilder s = new StringBuilder();
    for (int i = 1 + r.nextInt(8); i > 0; i--) {
      s.append(letters.charAt(r.nextInt(letters.length())));
    }
    return s.toString();
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }
}
