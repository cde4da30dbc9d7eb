package org.patchwork.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.testkit.fixture.conformance.AllocatingFilter;
import org.patchwork.sdk.testkit.fixture.conformance.Denormals;
import org.patchwork.sdk.testkit.fixture.conformance.EndlessEcho;
import org.patchwork.sdk.testkit.fixture.conformance.Fixtures;
import org.patchwork.sdk.testkit.fixture.conformance.HummingSynth;
import org.patchwork.sdk.testkit.fixture.conformance.MislabelledFactory;
import org.patchwork.sdk.testkit.fixture.conformance.NanAtMax;
import org.patchwork.sdk.testkit.fixture.conformance.PassThrough;
import org.patchwork.sdk.testkit.fixture.conformance.TrustingGain;
import org.patchwork.sdk.testkit.fixture.conformance.UnresettableBurst;
import org.patchwork.sdk.testkit.fixture.conformance.clean.CleanFilter;
import org.patchwork.sdk.testkit.fixture.conformance.clean.CleanFilterFactory;
import org.patchwork.sdk.testkit.fixture.conformance.clean.CleanSynth;

/**
 * Each fixture breaks one rule: the kit must fail exactly that rule's test with a message that
 * names the module, the setting or input and the offending value, and pass the clean fixtures.
 * Snapshot and descriptor rules are in {@link ModuleConformanceSnapshotTest}.
 */
class ModuleConformanceTest {

  static final String CLEAN = "org.patchwork.sdk.testkit.fixture.conformance.clean";
  static final String ALLOCATION = "no allocation in process after activation";
  static final String BAD_SAMPLES = "no NaN, Inf or denormal output at extreme parameters and inputs";
  static final String RANGES = "parameter values beyond their ranges give finite output";
  static final String RESET = "reset makes the output reproducible";
  static final String DECAY = "output decays below 1e-4 after the input stops";
  static final String SILENT = "silent (exactly 0.0) until a note is played";

  /** Runs every test; display name to null (passed), the failure, or the abort. */
  static Map<String, Throwable> run(Stream<DynamicNode> nodes) {
    Map<String, Throwable> results = new LinkedHashMap<>();
    nodes.forEach(n -> collect(n, results));
    return results;
  }

  private static void collect(DynamicNode node, Map<String, Throwable> results) {
    if (node instanceof DynamicContainer c) {
      c.getChildren().forEach(n -> collect(n, results));
      return;
    }
    Throwable outcome = null;
    try {
      ((DynamicTest) node).getExecutable().execute();
    } catch (Throwable t) {
      outcome = t;
    }
    results.put(node.getDisplayName(), outcome);
  }

  static String failure(Map<String, Throwable> results, String name) {
    assertTrue(results.containsKey(name), name + " not among " + results.keySet());
    Throwable t = results.get(name);
    assertInstanceOf(AssertionError.class, t, name + " should fail");
    return t.getMessage();
  }

  static void passed(Map<String, Throwable> results, String name) {
    assertTrue(results.containsKey(name), name + " not among " + results.keySet());
    assertNull(results.get(name), () -> name + " failed: " + results.get(name));
  }

  /** Where the fixtures' snapshots go: only the clean ones have committed snapshots. */
  @TempDir
  Path snapshots;

  private Map<String, Throwable> only(ModuleDescriptor d, Supplier<AudioModule> create) {
    return of(Fixtures.factory(d, create));
  }

  private Map<String, Throwable> of(ModuleFactory... factories) {
    return run(ModuleConformance.of(factories).snapshotDirectory(snapshots).tests());
  }

  @Test
  void cleanModulesPassEveryRuleUnderReadableNames() {
    Map<String, Throwable> results = run(ModuleConformance.scan(CLEAN).tests());

    List<String> expected = new ArrayList<>();
    for (String id : List.of(CleanFilter.DESCRIPTOR.id(), CleanSynth.DESCRIPTOR.id())) {
      expected.add(id + ": descriptor rules");
      expected.add(id + ": service property patchwork.module.id is the descriptor's id");
      expected.add(id + ": descriptor compatible with its snapshot src/test/resources/module-descriptors/"
          + id + ".json");
      expected.add(id + ": " + ALLOCATION);
      expected.add(id + ": " + BAD_SAMPLES);
      expected.add(id + ": " + RANGES);
      expected.add(id + ": " + RESET);
      expected.add(id + (id.endsWith("filter") ? ": " + DECAY : ": " + SILENT));
    }
    assertEquals(expected, List.copyOf(results.keySet()));
    results.keySet().forEach(name -> passed(results, name));
  }

  @Test
  void allocationInProcessIsFoundWithTheBlockItHappenedIn() {
    Map<String, Throwable> results = only(AllocatingFilter.DESCRIPTOR, AllocatingFilter::new);
    String id = AllocatingFilter.DESCRIPTOR.id();

    String message = failure(results, id + ": " + ALLOCATION);
    // 64 floats and the array header: at least 256 bytes in the first block.
    assertTrue(message.matches("(?s)" + id.replace(".", "\\.") + ": process allocated \\d{3,} bytes in the block at"
        + " frame 0 \\(64 frames\\) after activation, with audio inputs white noise, CV inputs unconnected,"
        + " parameters steady: allocate in activate\\(\\), never in process\\(\\)"), message);
    passed(results, id + ": " + BAD_SAMPLES);
    passed(results, id + ": " + RESET);
  }

  @Test
  void nanAtAParametersMaxIsFoundWithTheParameterAndTheInput() {
    Map<String, Throwable> results = only(NanAtMax.DESCRIPTOR, NanAtMax::new);
    String id = NanAtMax.DESCRIPTOR.id();

    String message = failure(results, id + ": " + BAD_SAMPLES);
    assertTrue(message.startsWith(id + ": every output sample must be finite and 0 or at least Float.MIN_NORMAL"
        + " in size (6 cases):"), message);
    assertTrue(message.contains("\n  out[0] frame 0 = NaN (NaN) with 'drive' at max 1.0 (others default),"
        + " inputs silent"), message);
    assertTrue(message.contains("\n  out[0] frame 0 = Infinity (infinite) with 'drive' at max 1.0 (others default),"
        + " inputs at +1 DC"), message);
    passed(results, id + ": " + RANGES);
    passed(results, id + ": " + ALLOCATION);
  }

  @Test
  void denormalsAreFoundAtTheFrameTheyAppear() {
    Map<String, Throwable> results = only(Denormals.DESCRIPTOR, Denormals::new);
    String id = Denormals.DESCRIPTOR.id();

    String message = failure(results, id + ": " + BAD_SAMPLES);
    // 0.5^127 is the first power of two below Float.MIN_NORMAL (2^-126).
    assertTrue(message.contains("out[0] frame 127 = " + (float) Math.scalb(1.0, -127)
        + " (denormal) with parameters at defaults, inputs a single impulse at frame 0"), message);
    passed(results, id + ": " + RESET);
  }

  @Test
  void aResetThatKeepsRandomStateIsFound() {
    Map<String, Throwable> results = only(UnresettableBurst.DESCRIPTOR, UnresettableBurst::new);
    String id = UnresettableBurst.DESCRIPTOR.id();

    String message = failure(results, id + ": " + RESET);
    assertTrue(message.startsWith(id + ": after reset(), out[0] frame 100 = "), message);
    assertTrue(message.endsWith("(default parameters, inputs white noise, notes: a C major chord, released,"
        + " then a second one): reset() must clear all audio state and re-seed random generators"), message);
    passed(results, id + ": " + SILENT);
    passed(results, id + ": " + BAD_SAMPLES);
  }

  @Test
  void anEffectThatNeverDecaysIsFound() {
    Map<String, Throwable> results = only(EndlessEcho.DESCRIPTOR, EndlessEcho::new);
    String id = EndlessEcho.DESCRIPTOR.id();

    String message = failure(results, id + ": " + DECAY);
    assertTrue(message.startsWith(id + ": out[0] still peaks at "), message);
    assertTrue(message.contains(" in the last 0.5 s of a 20 s render (default parameters, 1 s of white noise"
        + " then silence on the audio inputs; last at or above 1.0E-4 at frame 959"), message);
    passed(results, id + ": " + BAD_SAMPLES);
  }

  @Test
  void anInstrumentThatHumsWithoutNotesIsFound() {
    Map<String, Throwable> results = only(HummingSynth.DESCRIPTOR, HummingSynth::new);
    String id = HummingSynth.DESCRIPTOR.id();

    // The hum's first sample is sin(0) = 0: the second is the first that is heard.
    assertEquals(id + ": out[0] frame 1 = " + (float) (1e-3 * Math.sin(2 * Math.PI * 50 / 48_000))
            + " with no note played and no input connected (default parameters): an instrument must output"
            + " exactly 0.0 until a note is played",
        failure(results, id + ": " + SILENT));
    passed(results, id + ": " + RESET);
  }

  @Test
  void aModuleThatTrustsTheHostsClampIsFound() {
    Map<String, Throwable> results = only(TrustingGain.DESCRIPTOR, TrustingGain::new);
    String id = TrustingGain.DESCRIPTOR.id();

    String message = failure(results, id + ": " + RANGES);
    // The first noise sample happens to be negative.
    assertTrue(message.contains("\n  out[0] frame 0 = -Infinity (infinite) with 'gain' forced to 1864.0 (above max"
        + " 24.0, others default), inputs white noise"), message);
    passed(results, id + ": " + BAD_SAMPLES);
  }

  @Test
  void theServicePropertyMustBeTheDescriptorsId() {
    Map<String, Throwable> results = of(new MislabelledFactory());

    String message = failure(results, "org.patchwork.test.mislabelled: service property patchwork.module.id is the"
        + " descriptor's id");
    assertEquals("org.patchwork.test.mislabelled: OSGI-INF/org.patchwork.sdk.testkit.fixture.conformance"
        + ".MislabelledFactory.xml sets patchwork.module.id to org.patchwork.test.wrong_id, but the descriptor's id"
        + " is org.patchwork.test.mislabelled: hosts look the factory up by this property", message);
  }

  @Test
  void aFactoryWithoutAComponentIsFoundAndOneWithoutOsgiInfIsSkippedSayingSo() {
    String id = CleanFilter.DESCRIPTOR.id();
    Map<String, Throwable> anonymous = only(CleanFilter.DESCRIPTOR, CleanFilter::new);
    String message = failure(anonymous, id + ": service property patchwork.module.id is the descriptor's id");
    assertTrue(message.contains("/OSGI-INF is implemented by " + Fixtures.class.getName() + "$1: annotate "),
        message);

    // A proxy class has no class-path root, so no OSGI-INF to read.
    ModuleFactory proxy = (ModuleFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ModuleFactory.class},
        (self, method, args) -> switch (method.getName()) {
          case "descriptor" -> CleanFilter.DESCRIPTOR;
          case "create" -> new CleanFilter();
          default -> throw new UnsupportedOperationException(method.getName());
        });
    Map<String, Throwable> results = of(proxy);
    String skipped = results.keySet().stream().filter(n -> n.contains("not checked")).findFirst().orElseThrow();
    assertEquals(id + ": service property patchwork.module.id not checked (no OSGI-INF on the class path for "
        + proxy.getClass().getSimpleName() + ")", skipped);
    assertInstanceOf(TestAbortedException.class, results.get(skipped));
  }

  @Test
  void aScanThatFindsNoFactoryFailsAtOnce() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModuleConformance.scan("org.patchwork.sdk.testkit.fixture.deep").tests());
    assertEquals("no ModuleFactory implementation found on the class path under"
        + " [org.patchwork.sdk.testkit.fixture.deep]", e.getMessage());
  }

  @Test
  void descriptorRulesReportEveryBreach() {
    int[] calls = {0};
    ModuleFactory unstable = new ModuleFactory() {
      @Override
      public ModuleDescriptor descriptor() {
        return new ModuleDescriptor("org.patchwork.test.unstable", "Unstable " + calls[0]++, "Patchwork", "1.0.0",
            ModuleKind.INSTRUMENT, Set.of(), List.of(PortDescriptor.audioOut("out", 1)),
            List.of(new ParameterDescriptor("mode", "Mode", 0, 2.5, 0, "", Set.of(ParameterFlag.STEPPED), 5,
                List.of())), 0);
      }

      private final AudioModule only = new PassThrough();

      @Override
      public AudioModule create() {
        return only;
      }
    };
    String message = failure(of(unstable), "org.patchwork.test.unstable: descriptor rules");
    assertTrue(message.startsWith("org.patchwork.test.unstable: breaks descriptor rules (6 cases):\n"
        + "  descriptor() returned unequal descriptors on two calls (name 'Unstable 0' then 'Unstable 1'): it"
        + " must return the same data every time\n"
        + "  create() must return a new instance on every call, got "), message);
    assertTrue(message.contains("\n  no tags: name the module's family"), message);
    assertTrue(message.contains("\n  kind INSTRUMENT but no events input: an instrument makes sound from note events"),
        message);
    assertTrue(message.contains("\n  parameter 'mode' is STEPPED but its range [0.0, 2.5] or default 0.0 is not"
        + " whole numbers"), message);
    assertTrue(message.endsWith("\n  parameter 'mode' is STEPPED but smoothed over 5.0 ms: stepped values jump,"
        + " they are never smoothed"), message);
  }

  @Test
  void twoFactoriesWithOneIdAreBothReported() {
    Map<String, Throwable> results = of(new CleanFilterFactory(),
        Fixtures.factory(CleanFilter.DESCRIPTOR, CleanFilter::new));
    String message = failure(results, CleanFilter.DESCRIPTOR.id() + ": descriptor rules");
    assertTrue(message.contains("the id is not unique: [" + CleanFilterFactory.class.getName() + ", "
        + Fixtures.class.getName() + "$1] all use it"), message);
  }
}
