package org.patchwork.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.engine.Graph;
import org.patchwork.engine.LiveModuleRegistry;
import org.patchwork.engine.ModuleSwap;
import org.patchwork.engine.Node;
import org.patchwork.engine.Note;
import org.patchwork.engine.Project;
import org.patchwork.engine.Session;
import org.patchwork.engine.Track;
import org.patchwork.examples.gain.GainFactory;
import org.patchwork.examples.sine.SineFactory;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/**
 * The audio thread allocates nothing while it takes swaps from the ring and crossfades: twenty
 * hot-swaps of an effect and ten placeholder round trips of an instrument holding an
 * eight-note chord (replayed to each new instance), with the session's thread measured only
 * while it renders (the waits for the lifecycle thread in between are not the audio thread's).
 */
class SwapAllocationTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final int RATE = 48_000;
  private static final int BLOCK = 256;

  private static ModuleFactory version(ModuleFactory f, String version) {
    ModuleDescriptor d = f.descriptor();
    ModuleDescriptor v = new ModuleDescriptor(d.id(), d.name(), d.vendor(), version, d.kind(), d.tags(), d.ports(),
        d.parameters(), d.latencySamples());
    return new ModuleFactory() {
      @Override
      public ModuleDescriptor descriptor() {
        return v;
      }

      @Override
      public org.patchwork.sdk.module.AudioModule create() {
        return f.create();
      }
    };
  }

  @Test
  void swapsAndCrossfadesAllocateNothingOnTheAudioThread() throws Exception {
    ModuleFactory[] gains = {new GainFactory(), version(new GainFactory(), "1.0.1")};
    ModuleFactory sine = new SineFactory();
    LiveModuleRegistry registry = new LiveModuleRegistry(sine, gains[0]);
    List<Note> chord = new java.util.ArrayList<>();
    for (int v = 0; v < 8; v++) {
      chord.add(new Note("lead", 48 + 3 * v, 0.8, 0, 400));
    }
    Graph g = Graph.of(List.of(new Node("osc", "org.patchwork.examples.sine", Map.of("gain", 0.05)),
        new Node("fx", "org.patchwork.examples.gain", Map.of("gain", -3.0))), List.of(),
        List.of(Track.of("lead", "osc", "fx")));
    Project p = new Project("swaps", RATE, 120, g, chord);
    long id = Thread.currentThread().threadId();
    THREADS.getThreadAllocatedBytes(id);
    try (Session s = new Session(p, registry, RATE, BLOCK, 0)) {
      s.lifecycle().settle(Duration.ZERO).grace(Duration.ZERO);
      long measuredBytes = 0;
      long frames = 0;
      int rounds = 0;
      int current = 0;
      for (int swap = 0; swap < 40; swap++) {
        long bytes = 0;
        if (swap % 4 == 3) {
          registry.remove(sine);                       // to the placeholder ...
          await(s);
          long before = THREADS.getThreadAllocatedBytes(id);
          frames += blocks(s, 8);
          bytes += THREADS.getThreadAllocatedBytes(id) - before;
          await(s);
          registry.add(sine);                          // ... and back, the chord replayed
        } else {
          registry.replace(gains[current], gains[1 - current]);
          current = 1 - current;
        }
        await(s);
        long before = THREADS.getThreadAllocatedBytes(id);
        frames += blocks(s, 8); // the 10 ms crossfade is 2 blocks
        bytes += THREADS.getThreadAllocatedBytes(id) - before;
        if (swap >= 8) {        // after a warm-up: class loading and first compilations
          measuredBytes += bytes;
          rounds++;
        }
        await(s);
      }
      List<ModuleSwap> swaps = s.lifecycle().swaps();
      assertEquals(50, swaps.size(), "30 updates, 10 placeholders and 10 rebinds: " + swaps);
      assertEquals(0, s.faults());
      assertTrue(rounds >= 30);
      System.out.printf("swaps: %d rounds measured, %d bytes on the audio thread, %d frames%n", rounds,
          measuredBytes, frames);
      assertEquals(0, measuredBytes, "bytes allocated by the audio thread over " + rounds + " swaps");
    }
  }

  private static void await(Session s) throws InterruptedException {
    assertTrue(s.lifecycle().awaitIdle(Duration.ofSeconds(20)));
  }

  private static long blocks(Session s, int n) {
    long f = 0;
    for (int i = 0; i < n; i++) {
      f += s.next();
    }
    return f;
  }
}
