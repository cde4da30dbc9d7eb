package org.patchwork.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;
import org.patchwork.sdk.testkit.fixture.conformance.AllocatingFilter;
import org.patchwork.sdk.testkit.fixture.conformance.clean.CleanFilter;
import org.patchwork.sdk.testkit.fixture.conformance.clean.CleanSynth;

/** The harness's conformance additions: forced values, ramps, panic, all outputs, allocation counts. */
class ModuleHarnessTest {

  /** Writes what it reads of parameters x and n, frame by frame, to outputs x_out and n_out. */
  static final class Probe implements AudioModule {
    static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("org.patchwork.test.probe", "Probe",
        "Patchwork", "1.0.0", ModuleKind.MODULATOR, Set.of("utility"),
        List.of(PortDescriptor.cvOut("x_out"), PortDescriptor.cvOut("n_out")),
        List.of(ParameterDescriptor.of("x", "X", 0, 10, 1, ""),
            new ParameterDescriptor("n", "N", 0, 4, 0, "", Set.of(ParameterFlag.STEPPED), 0, List.of())), 0);

    @Override
    public void activate(double sampleRate, int maxFrames) {
    }

    @Override
    public ProcessStatus process(ProcessContext ctx) {
      for (int p = 0; p < 2; p++) {
        float[] out = ctx.output(p, 0);
        for (int i = 0; i < ctx.frames(); i++) {
          out[i] = ctx.isParameterConstant(p) ? (float) ctx.parameter(p) : ctx.parameterRamp(p)[i];
        }
      }
      return ProcessStatus.CONTINUE;
    }

    @Override
    public void reset() {
    }

    @Override
    public void deactivate() {
    }
  }

  @Test
  void rampsMoveInsideBlocksInWholeStepsForSteppedParameters() {
    ModuleHarness h = new ModuleHarness(new Probe(), Probe.DESCRIPTOR, 48_000, 64);
    h.ramp("x", 9, 80).ramp("n", 4, 80);
    float[][][] out = h.renderOutputs(100);

    for (int i = 0; i < 100; i++) {
      double x = Math.min(9, 1 + 8 * (i + 1) / 80.0);
      assertEquals(x, out[0][0][i], 1e-5, "x at frame " + i);
      float n = out[1][0][i];
      assertEquals(Math.rint(n), n, "n is whole at frame " + i);
      assertEquals(Math.min(4, 4 * (i + 1) / 80.0), n, 0.5 + 1e-6, "n at frame " + i);
    }
    assertThrows(IllegalArgumentException.class, () -> h.ramp("x", 11, 10));
  }

  @Test
  void forcedValuesArePassedUnclampedAndUnrounded() {
    ModuleHarness h = new ModuleHarness(new Probe(), Probe.DESCRIPTOR, 48_000, 64);
    h.force("x", -1e6).force("n", 2.5);
    float[][][] out = h.renderOutputs(10);
    assertEquals(-1e6f, out[0][0][9]);
    assertEquals(2.5f, out[1][0][9]);
  }

  @Test
  void allNotesOffStopsTheNoteAtItsFrame() {
    ModuleHarness h = new ModuleHarness(new CleanSynth(), CleanSynth.DESCRIPTOR, 48_000, 64);
    h.noteOn(0, 69, 1f);
    h.allNotesOff(1000);
    float[] out = h.render(2000)[0];
    assertTrue(Signals.rms(out, 500, 1000) > 0.1);
    assertEquals(0, Signals.peak(java.util.Arrays.copyOfRange(out, 1000, 2000)));
  }

  @Test
  void onlyTheModulesOwnAllocationsAreCounted() {
    ModuleHarness clean = new ModuleHarness(new CleanFilter(), CleanFilter.DESCRIPTOR, 48_000, 64)
        .trackAllocations();
    clean.renderOutputs(6400);
    assertEquals(0, clean.processAllocatedBytes(), "the harness allocates its result, the module nothing");

    ModuleHarness copying = new ModuleHarness(new AllocatingFilter(), AllocatingFilter.DESCRIPTOR, 48_000, 64)
        .trackAllocations();
    copying.renderOutputs(6400);
    // 100 blocks, each copying 64 floats: at least 256 bytes of data each.
    assertTrue(copying.processAllocatedBytes() >= 100 * 256, "counted " + copying.processAllocatedBytes());
    assertThrows(IllegalStateException.class,
        () -> new ModuleHarness(new CleanFilter(), CleanFilter.DESCRIPTOR, 48_000, 64).processAllocatedBytes());
  }
}
