package org.patchwork.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Automation envelopes become parameter events at exact frames (every 64 frames while moving,
 * and at each point's own frame), and the engine plays them at those frames. The probe's
 * parameters have no smoothing, so the rendered ramp shows each value from its frame on.
 */
class AutomationTest {

  private static final float C = Rig.CENTRE;

  private static Envelope.Point point(String line, double value, Envelope.Curve curve, double k) {
    return new Envelope.Point(new BigDecimal(line), value, curve, k);
  }

  private static Song song(Envelope e, int lines) {
    return SongBuilder.simple(lines).envelope(e).song();
  }

  @Test
  void aLinearRampThenAStepLandOnTheirFrames() {
    Envelope e = new Envelope("probe", "cutoff", List.of(
        point("0", 0, Envelope.Curve.LINEAR, 0),
        point("4", 8000, Envelope.Curve.STEP, 0),
        point("6", 2000, Envelope.Curve.LINEAR, 0)));
    CompiledSong c = SongCompiler.compile(song(e, 8), PlayOptions.at(Rig.RATE));
    List<SongEvent> params = c.events(SongEvent.Kind.PARAMETER);
    for (SongEvent p : params) {
      assertEquals("probe.cutoff", p.target());
      if (p.frame() < 24_000) {
        assertEquals(0, p.frame() % 64, "on the grid");
        assertEquals(p.frame() / 3.0, p.value(), 1e-9, "at frame " + p.frame());
      }
    }
    // 24 000 / 64 = 375 grid values (the first, 0, at frame 0), the point at 24 000, the step at 36 000.
    assertEquals(377, params.size());
    assertEquals("24000=8000.0", params.get(375).frame() + "=" + params.get(375).value());
    assertEquals("36000=2000.0", params.get(376).frame() + "=" + params.get(376).value());
    float[][] audio = Rig.render(Rig.probeProject(1), song(e, 8), 256, 40_000);
    assertEquals(0, audio[0][63]);
    assertEquals(64 / 3.0 / 10_000 * C, audio[0][64], 1e-6);
    assertEquals(64 / 3.0 / 10_000 * C, audio[0][127], 1e-6);
    assertEquals(23_936 / 3.0 / 10_000 * C, audio[0][23_999], 1e-6);
    assertEquals(0.8 * C, audio[0][24_000], 1e-6);
    assertEquals(0.8 * C, audio[0][35_999], 1e-6);
    assertEquals(0.2 * C, audio[0][36_000], 1e-6);
  }

  @Test
  void exponentialAndCurvedSegmentsFollowTheirFormulas() {
    Envelope exp = new Envelope("probe", "cutoff", List.of(
        point("0", 100, Envelope.Curve.EXPONENTIAL, 0), point("6", 6400, Envelope.Curve.LINEAR, 0)));
    for (SongEvent p : SongCompiler.compile(song(exp, 8), PlayOptions.at(Rig.RATE)).events(SongEvent.Kind.PARAMETER)) {
      double t = Math.min(1, p.frame() / 36_000.0);
      assertEquals(100 * Math.pow(64, t), p.value(), 1e-9 * p.value(), "at frame " + p.frame());
    }
    Envelope curved = new Envelope("probe", "cutoff", List.of(
        point("0", 0, Envelope.Curve.CURVED, 3), point("2", 1000, Envelope.Curve.LINEAR, 0)));
    List<SongEvent> events = SongCompiler.compile(song(curved, 4), PlayOptions.at(Rig.RATE))
        .events(SongEvent.Kind.PARAMETER);
    SongEvent middle = events.stream().filter(p -> p.frame() == 6016).findFirst().orElseThrow();
    double t = 6016 / 12_000.0;
    assertEquals(1000 * Math.expm1(3 * t) / Math.expm1(3), middle.value(), 1e-9);
    assertTrue(middle.value() < 500, "k > 0 starts slow");
  }

  @Test
  void theIntervalIsAnOption() {
    Envelope e = new Envelope("probe", "cutoff", List.of(Envelope.Point.linear(0, 0), Envelope.Point.linear(1, 6000)));
    List<Long> frames = SongCompiler.compile(song(e, 2), PlayOptions.at(Rig.RATE).withAutomationInterval(1000))
        .events(SongEvent.Kind.PARAMETER).stream().map(SongEvent::frame).toList();
    assertEquals(List.of(0L, 1000L, 2000L, 3000L, 4000L, 5000L, 6000L), frames);
  }

  @Test
  void loopsReplayTheEnvelopeOfTheLinesTheyPlay() {
    Envelope e = new Envelope("probe", "cutoff", List.of(
        point("0", 0, Envelope.Curve.STEP, 0), point("1", 10, Envelope.Curve.STEP, 0),
        point("2", 20, Envelope.Curve.STEP, 0), point("3", 30, Envelope.Curve.STEP, 0)));
    Song s = SongBuilder.simple(4).fx(1, "L00").fx(2, "L01").envelope(e).song();
    // Lines 0 1 2 1 2 3: values 0 10 20 10 20 30 at the start of each line.
    assertEquals(List.of("0=0.0", "6000=10.0", "12000=20.0", "18000=10.0", "24000=20.0", "30000=30.0"),
        SongCompiler.compile(s, PlayOptions.at(Rig.RATE)).events(SongEvent.Kind.PARAMETER).stream()
            .map(p -> p.frame() + "=" + p.value()).toList());
  }

  @Test
  void playingFromALineSendsTheEnvelopeValueThereFirst() {
    Envelope e = new Envelope("probe", "cutoff", List.of(Envelope.Point.linear(0, 0), Envelope.Point.linear(8, 800)));
    List<SongEvent> p = SongCompiler.compile(song(e, 8), PlayOptions.at(Rig.RATE).from(new SongPosition(0, 4)))
        .events(SongEvent.Kind.PARAMETER);
    assertEquals(0, p.getFirst().frame());
    assertEquals(400, p.getFirst().value(), 1e-9);
  }
}
