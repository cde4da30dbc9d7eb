package org.patchwork.engine;

import org.patchwork.bus.EngineRing;
import org.patchwork.bus.TelemetryRing;

/** Drives an {@link Engine} directly for tests: compile, submit, publish, render, collect. */
final class Rendering implements AutoCloseable {

  static final int RATE = 48_000;

  final EngineRing ring = new EngineRing(4096);
  final TelemetryRing telemetry = new TelemetryRing(1024);
  final Engine engine;
  final Plan plan;
  private final int block;

  Rendering(Graph graph, int block) {
    this.block = block;
    plan = Plan.compile(graph, TestModules.registry(), RATE, block);
    engine = new Engine(RATE, block, ring, telemetry);
    engine.submit(plan);
  }

  /** Renders {@code frames} frames in blocks; returns {@code [2][frames]}. */
  float[][] render(int frames) {
    float[][] out = new float[2][frames];
    float[][] buffer = new float[2][block];
    for (int done = 0; done < frames; ) {
      int n = Math.min(block, frames - done);
      engine.processBlock(buffer, n);
      System.arraycopy(buffer[0], 0, out[0], done, n);
      System.arraycopy(buffer[1], 0, out[1], done, n);
      done += n;
    }
    return out;
  }

  @Override
  public void close() {
    plan.close();
  }
}
