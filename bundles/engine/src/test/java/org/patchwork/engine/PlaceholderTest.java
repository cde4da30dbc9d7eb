package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.examples.gain.GainFactory;
import org.patchwork.examples.sine.SineFactory;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.testkit.Signals;

/**
 * A module's bundle goes away while a session renders: after the grace time its nodes fade to
 * placeholders (an effect passes its input through, an instrument goes silent) that keep their
 * parameters; when the bundle comes back, new instances fade in with them.
 */
class PlaceholderTest {

  private static final int RATE = LiveFixtures.RATE;
  private static final int BLOCK = 256;
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** What to do before the first block at or after a frame. */
  interface Script {
    void act(int frame) throws Exception;
  }

  /** Renders the session in blocks; {@code at[k]} runs before the first block from frame {@code frame[k]} on. */
  private static float[][] render(Session s, int frames, int[] frame, Script... at) throws Exception {
    float[][] out = new float[2][frames];
    int next = 0;
    for (int done = 0; done < frames; ) {
      if (next < frame.length && done >= frame[next]) {
        at[next++].act(done);
      }
      int n = s.next();
      System.arraycopy(s.buffer()[0], 0, out[0], done, n);
      System.arraycopy(s.buffer()[1], 0, out[1], done, n);
      done += n;
    }
    return out;
  }

  @Test
  void aRemovedEffectPassesAudioThroughThenRebindsWithItsParameters() throws Exception {
    ModuleFactory gain = new GainFactory();
    LiveModuleRegistry registry = new LiveModuleRegistry(new SineFactory(), gain);
    Project p = HotSwapTest.sineThroughGain(TestModules.GAIN, Map.of("gain", -6.0));
    // The gain moves to -12 dB while playing: the placeholder must keep that, not the project's -6.
    Timeline t = Timeline.builder(RATE).noteOn(0, "lead", 1, 69, 1.0).parameter(RATE / 10, "fx", "gain", -12)
        .length(4 * RATE).build();
    int frames = 3 * RATE;
    Graph dry = Graph.of(List.of(new Node("osc", TestModules.SINE, Map.of("gain", 0.5))), List.of(),
        List.of(Track.of("lead", "osc")));
    float[] input;
    try (Session s = new Session(new Project("dry", RATE, 120, dry, List.of()),
        Timeline.builder(RATE).noteOn(0, "lead", 1, 69, 1.0).length(4 * RATE).build(),
        new LiveModuleRegistry(new SineFactory()), RATE, BLOCK, 3.0, null, 1)) {
      input = render(s, frames, new int[0])[0];
    }
    boolean[] placeholder = new boolean[1];
    float[] out;
    try (Session s = new Session(p, t, registry, RATE, BLOCK, 3.0, null, 1)) {
      s.lifecycle().grace(Duration.ofMillis(50));
      out = render(s, frames, new int[] {RATE / 2, 3 * RATE / 2}, f -> {
        registry.remove(gain);
        assertTrue(s.lifecycle().awaitIdle(WAIT));
      }, f -> {
        assertTrue(s.lifecycle().awaitIdle(WAIT));
        placeholder[0] = s.plan().isPlaceholder("fx");
        registry.add(gain);
        assertTrue(s.lifecycle().awaitIdle(WAIT));
      })[0];
      assertTrue(s.lifecycle().awaitIdle(WAIT));
      assertFalse(s.plan().isPlaceholder("fx"), "rebound");
      List<ModuleSwap> swaps = s.lifecycle().swaps();
      assertEquals(List.of(ModuleSwap.Kind.PLACEHOLDER, ModuleSwap.Kind.REBIND),
          swaps.stream().map(ModuleSwap::kind).toList());
      assertEquals("placeholder", swaps.get(0).to());
      assertEquals("1.0.0", swaps.get(1).to());
    }
    assertTrue(placeholder[0], "a placeholder while the bundle was gone");
    double level = Signals.rms(out, RATE / 4, RATE / 2) / Signals.rms(input, RATE / 4, RATE / 2);
    double rebound = Signals.rms(out, 2 * RATE, 3 * RATE) / Signals.rms(input, 2 * RATE, 3 * RATE);
    System.out.printf("placeholder: level before removal %.2f dB, after rebind %.2f dB%n",
        20 * Math.log10(level), 20 * Math.log10(rebound));
    assertEquals(-12, 20 * Math.log10(level), 0.05, "the gain at -12 dB before removal");
    assertEquals(-12, 20 * Math.log10(rebound), 0.05, "rebound with the same -12 dB");
    // The fade to the placeholder starts at the first block after the removal and lasts 10 ms.
    for (int f = RATE / 2 + BLOCK + RATE / 100; f < 3 * RATE / 2; f++) {
      assertEquals(input[f], out[f], "the placeholder passes the effect's input through, frame " + f);
    }
  }

  @Test
  void aRemovedInstrumentGoesSilentThenRebindsAndPlaysItsHeldNoteAgain() throws Exception {
    ModuleFactory sine = new SineFactory();
    LiveModuleRegistry registry = new LiveModuleRegistry(sine, new GainFactory());
    Project p = HotSwapTest.sineThroughGain(TestModules.GAIN, Map.of("gain", -6.0));
    int frames = 3 * RATE;
    float[] out;
    try (Session s = new Session(p, registry, RATE, BLOCK, 3.0)) {
      s.lifecycle().grace(Duration.ofMillis(50));
      out = render(s, frames, new int[] {RATE / 2, 3 * RATE / 2}, f -> {
        registry.remove(sine);
        assertTrue(s.lifecycle().awaitIdle(WAIT));
      }, f -> {
        assertTrue(s.lifecycle().awaitIdle(WAIT));
        assertTrue(s.plan().isPlaceholder("osc"));
        registry.add(sine);
        assertTrue(s.lifecycle().awaitIdle(WAIT));
      })[0];
      assertTrue(s.lifecycle().awaitIdle(WAIT));
      assertEquals(2, s.lifecycle().swaps().size());
    }
    double before = Signals.rms(out, RATE / 4, RATE / 2);
    double after = Signals.rms(out, 2 * RATE, 3 * RATE);
    double silent = Signals.peak(java.util.Arrays.copyOfRange(out, RATE, 3 * RATE / 2));
    System.out.printf("placeholder instrument: rms before %.4f, while removed peak %.6f, after rebind %.4f%n",
        before, silent, after);
    assertEquals(0.0, silent, "an instrument's placeholder is silent");
    assertEquals(before, after, before * 0.01, "rebound: the held note plays again at the same level");
    assertEquals(440, Signals.peakFrequency(java.util.Arrays.copyOfRange(out, 2 * RATE, 3 * RATE), RATE), 1.0);
  }
}
