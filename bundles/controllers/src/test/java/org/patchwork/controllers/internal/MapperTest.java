package org.patchwork.controllers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.control.ControlEvent;
import org.patchwork.sdk.control.Mapping;
import org.patchwork.sdk.control.ParameterTarget;

class MapperTest {

  private static final ParameterTarget CUTOFF = new ParameterTarget("filter", "cutoff");

  /** Records what the mapper set and sent. */
  private static final class Recorder implements Mapper.Output {
    final Map<ParameterTarget, Double> values = new HashMap<>();
    final List<String> sent = new ArrayList<>();

    @Override
    public void set(ParameterTarget target, double x, long nanos) {
      values.put(target, x);
    }

    @Override
    public double current(ParameterTarget target) {
      return values.getOrDefault(target, Double.NaN);
    }

    @Override
    public void feedback(String source, byte[] message) {
      sent.add(source + " " + java.util.HexFormat.of().formatHex(message));
    }
  }

  private static ControlEvent cc(int number, int value) {
    return new ControlEvent("pad", ControlEvent.Kind.CONTROL_CHANGE, 0, number, value, 0);
  }

  @Test
  void learnBindsTheNextControlMovedAndUnlearnRemovesIt() {
    Recorder out = new Recorder();
    Mapper m = new Mapper(out);
    assertFalse(m.apply(cc(21, 10)), "nothing listens yet");
    m.learn(CUTOFF);
    assertTrue(m.apply(cc(21, 64)), "the learn completes");
    assertEquals(1, m.mappings().size());
    Mapping b = m.mappings().getFirst();
    assertEquals(21, b.number());
    assertEquals("pad", b.source());
    assertTrue(m.apply(cc(21, 127)));
    assertEquals(1.0, out.values.get(CUTOFF), 1e-9, "jumps: the parameter had no known value");
    assertTrue(m.unlearn(CUTOFF));
    assertFalse(m.apply(cc(21, 0)));
    m.learn(CUTOFF);
    m.cancelLearn();
    assertFalse(m.apply(cc(22, 5)));
  }

  @Test
  void relativeEncodersMoveByTheirConvention() {
    assertEquals(1, Encoders.steps(Mapping.Mode.RELATIVE_TWOS_COMPLEMENT, 1));
    assertEquals(-1, Encoders.steps(Mapping.Mode.RELATIVE_TWOS_COMPLEMENT, 127));
    assertEquals(-3, Encoders.steps(Mapping.Mode.RELATIVE_TWOS_COMPLEMENT, 125));
    assertEquals(1, Encoders.steps(Mapping.Mode.RELATIVE_BINARY_OFFSET, 65));
    assertEquals(-1, Encoders.steps(Mapping.Mode.RELATIVE_BINARY_OFFSET, 63));
    assertEquals(0, Encoders.steps(Mapping.Mode.RELATIVE_BINARY_OFFSET, 64));
    assertEquals(1, Encoders.steps(Mapping.Mode.RELATIVE_SIGNED_BIT, 1));
    assertEquals(-1, Encoders.steps(Mapping.Mode.RELATIVE_SIGNED_BIT, 65));
    assertEquals(-5, Encoders.steps(Mapping.Mode.RELATIVE_SIGNED_BIT, 69));

    Recorder out = new Recorder();
    out.values.put(CUTOFF, 0.5);
    Mapper m = new Mapper(out);
    m.replace(List.of(new Mapping("pad", ControlEvent.Kind.CONTROL_CHANGE, 0, 16, CUTOFF,
        Mapping.Mode.RELATIVE_TWOS_COMPLEMENT, Mapping.Takeover.JUMP)));
    m.apply(cc(16, 3));
    assertEquals(0.5 + 3 * Mapper.STEP, out.values.get(CUTOFF), 1e-9);
    m.apply(cc(16, 126));
    assertEquals(0.5 + 1 * Mapper.STEP, out.values.get(CUTOFF), 1e-9);
    for (int i = 0; i < 200; i++) {
      m.apply(cc(16, 127));
    }
    assertEquals(0, out.values.get(CUTOFF), 1e-9, "clamped at the bottom");
  }

  @Test
  void pickupWaitsUntilTheControlCrossesTheParameter() {
    Recorder out = new Recorder();
    Mapper m = new Mapper(out);
    m.replace(List.of(new Mapping("pad", ControlEvent.Kind.CONTROL_CHANGE, 0, 7, CUTOFF, Mapping.Mode.ABSOLUTE,
        Mapping.Takeover.PICKUP)));
    m.parameterChanged(CUTOFF, 0.5);
    out.values.put(CUTOFF, 0.5);
    m.apply(cc(7, 10));
    m.apply(cc(7, 40));
    assertEquals(0.5, out.values.get(CUTOFF), 1e-9, "below the parameter: nothing moves");
    m.apply(cc(7, 70));
    assertEquals(70 / 127.0, out.values.get(CUTOFF), 1e-9, "crossed 0.5: picked up");
    m.apply(cc(7, 20));
    assertEquals(20 / 127.0, out.values.get(CUTOFF), 1e-9, "then they move together");
  }

  @Test
  void scaleMovesProportionallyUntilBothMeet() {
    Recorder out = new Recorder();
    Mapper m = new Mapper(out);
    m.replace(List.of(new Mapping("pad", ControlEvent.Kind.CONTROL_CHANGE, 0, 7, CUTOFF, Mapping.Mode.ABSOLUTE,
        Mapping.Takeover.SCALE)));
    m.parameterChanged(CUTOFF, 0.8);
    m.apply(cc(7, 0)); // control at the bottom, parameter at 0.8
    m.apply(cc(7, 127 / 2));
    double c = (127 / 2) / 127.0;
    // moving up from 0 to c covers c of the control's remaining travel (1): the parameter covers
    // the same share of its own remaining travel (1 - 0.8)
    assertEquals(0.8 + c * 0.2, out.values.get(CUTOFF), 1e-9);
    m.apply(cc(7, 127));
    assertEquals(1.0, out.values.get(CUTOFF), 1e-9, "both arrive at the top together");
    m.apply(cc(7, 64));
    assertEquals(64 / 127.0, out.values.get(CUTOFF), 1e-9, "met: they move together");
  }

  @Test
  void aChangeFromElsewhereIsSentBackToTheControl() {
    Recorder out = new Recorder();
    Mapper m = new Mapper(out);
    m.replace(List.of(new Mapping("pad", ControlEvent.Kind.CONTROL_CHANGE, 2, 21, CUTOFF, Mapping.Mode.ABSOLUTE,
        Mapping.Takeover.PICKUP)));
    m.parameterChanged(CUTOFF, 0.5);
    assertEquals(List.of("pad b21540"), out.sent, "CC 21 on channel 3 to 64");
    m.parameterChanged(CUTOFF, 0.5);
    assertEquals(1, out.sent.size(), "an unchanged value is not sent again");
    assertArrayEquals(new byte[] {(byte) 0xE0, 0x7F, 0x7F}, Mapper.feedback(new Mapping("p",
        ControlEvent.Kind.PITCH_BEND, 0, 0, CUTOFF, Mapping.Mode.ABSOLUTE, Mapping.Takeover.JUMP), 1.0));
  }
}
