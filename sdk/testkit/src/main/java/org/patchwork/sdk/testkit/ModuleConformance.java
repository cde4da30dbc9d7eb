package org.patchwork.sdk.testkit;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.testkit.internal.AllocationCheck;
import org.patchwork.sdk.testkit.internal.ClassIndex;
import org.patchwork.sdk.testkit.internal.DescriptorRules;
import org.patchwork.sdk.testkit.internal.ServiceComponents;
import org.patchwork.sdk.testkit.internal.SignalChecks;
import org.patchwork.sdk.testkit.internal.Snapshot;
import org.patchwork.sdk.testkit.internal.Subject;

/**
 * The rules every module must keep, as JUnit dynamic tests: one container per module id, one
 * named test per rule. A module bundle adds sdk-testkit and junit-jupiter as test dependencies
 * and this class:
 *
 * <pre>{@code
 * class ConformanceTest {
 *   @TestFactory
 *   Stream<DynamicNode> conformance() {
 *     return ModuleConformance.scan("com.example.mymodules").tests();  // every factory there
 *     // or ModuleConformance.of(new SineFactory()).tests();
 *   }
 * }
 * }</pre>
 *
 * <p>The rules, each its own test named {@code <module id>: <rule>}:
 * <ol>
 * <li><b>descriptor rules</b>: the id is unique among the factories tested; {@code descriptor()}
 *     returns equal descriptors on every call and {@code create()} a new instance; stepped
 *     parameters have whole-number ranges and no smoothing; kind and ports agree (an
 *     instrument has an events input, an effect an audio input); at least one tag and one
 *     output. What the SDK's constructors already enforce is not repeated;
 * <li><b>service property</b>: the Declarative Services XML bnd wrote into {@code OSGI-INF}
 *     beside the factory declares it as a {@code ModuleFactory} with {@code patchwork.module.id}
 *     equal to the descriptor's id. Skipped, and named so, when the factory's class-path root
 *     has no {@code OSGI-INF};
 * <li><b>descriptor snapshot</b>: against {@code src/test/resources/module-descriptors/<id>.json}
 *     (relative to the working directory, which is the Maven module under Surefire; system
 *     property {@value #SNAPSHOT_DIRECTORY} or {@link #snapshotDirectory} moves it), nothing a
 *     saved project refers to may break: every port and parameter id stays (a retired parameter
 *     stays flagged {@code REMOVED} and is never reused), a parameter keeps its range type
 *     (stepped or continuous), unit and choice names, a port its type and direction, the module
 *     its kind. Additions are fine. A missing snapshot is written and the test fails so that it
 *     gets reviewed; with {@code -D}{@value #WRITE_SNAPSHOTS}{@code =true} snapshots are written
 *     (or refreshed after compatible changes) and the test passes;
 * <li><b>no allocation in process after activation</b>, counted with the thread's allocated
 *     bytes over one second of notes, noise inputs, CV and parameters ramping inside blocks
 *     (see {@code AllocationCheck} for why the warm-up is one pass on another instance);
 * <li><b>no NaN, Inf or denormal output</b> for every parameter at its min and at its max (others
 *     at default), all at min, all at max; with inputs unconnected, silent, full-scale white noise,
 *     ±1 DC, one impulse, and CV at ±10; instruments also play keys 0 and 127 at velocity 1 and
 *     1e-6. Half a second each; every sample must be finite and 0 or at least
 *     {@link Float#MIN_NORMAL} in size;
 * <li><b>parameter ranges honoured</b>: each parameter forced ten spans past either end, then all
 *     of them, gives finite output (hosts clamp, but a module must not trust them);
 * <li><b>reset reproducibility</b>: after {@code reset()} the same input and notes render the
 *     same bytes;
 * <li>for {@link ModuleKind#EFFECT}: after 1 s of noise then silence the output stays finite and
 *     its peak over the last 0.5 s of 20 s is below 1e-4; for {@link ModuleKind#INSTRUMENT}:
 *     exactly 0.0 for 2 s with no notes and no inputs.
 * </ol>
 *
 * <p>Everything renders at 48 kHz in blocks of at most 64 frames through {@link ModuleHarness}.
 */
public final class ModuleConformance {

  /** System property: {@code true} writes missing or outdated snapshots and passes. */
  public static final String WRITE_SNAPSHOTS = "patchwork.snapshots.write";
  /** System property: the folder of the descriptor snapshots. */
  public static final String SNAPSHOT_DIRECTORY = "patchwork.snapshots.dir";
  /** Where snapshots live by default, relative to the working directory. */
  public static final String DEFAULT_SNAPSHOT_DIRECTORY = "src/test/resources/module-descriptors";

  private static final String MODULE_FACTORY = ModuleFactory.class.getName().replace('.', '/');

  private final List<String> prefixes;
  private final List<ModuleFactory> factories;
  private Path snapshots;

  private ModuleConformance(List<String> prefixes, List<ModuleFactory> factories) {
    this.prefixes = prefixes;
    this.factories = factories;
  }

  /**
   * Tests every concrete {@link ModuleFactory} on the class path in these packages or below
   * them (main and test classes alike), created through its no-argument constructor.
   */
  public static ModuleConformance scan(String... packagePrefixes) {
    List<String> list = new ArrayList<>();
    for (String p : packagePrefixes) {
      if (p == null || p.isBlank() || p.contains("/")) {
        throw new IllegalArgumentException("a package prefix is a dotted package name such as com.example.synth: '"
            + p + "'");
      }
      list.add(p.replace('.', '/'));
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException("scan() needs at least one package");
    }
    return new ModuleConformance(list, null);
  }

  /** Tests exactly these factories. */
  public static ModuleConformance of(ModuleFactory... factories) {
    if (factories.length == 0) {
      throw new IllegalArgumentException("of() needs at least one factory");
    }
    return new ModuleConformance(null, List.of(factories));
  }

  /** Reads and writes descriptor snapshots in {@code directory} instead of the default. */
  public ModuleConformance snapshotDirectory(Path directory) {
    this.snapshots = directory;
    return this;
  }

  /** One {@link DynamicContainer} per module, sorted by id, each holding one test per rule. */
  public Stream<DynamicNode> tests() {
    List<DynamicNode> broken = new ArrayList<>();
    List<Subject> subjects = new ArrayList<>();
    Map<Subject, ModuleFactory> factoryOf = new HashMap<>();
    List<Object> candidates = new ArrayList<>(factories != null ? factories : discover());
    for (Object candidate : candidates) {
      String name = candidate instanceof ModuleFactory f ? f.getClass().getName() : (String) candidate;
      try {
        ModuleFactory factory = candidate instanceof ModuleFactory f ? f : create(name);
        Subject s = new Subject(factory, factory.descriptor());
        subjects.add(s);
        factoryOf.put(s, factory);
      } catch (RuntimeException | LinkageError e) {
        broken.add(DynamicContainer.dynamicContainer(name, Stream.of(DynamicTest.dynamicTest(
            name + ": creates its descriptor", () -> {
              throw new AssertionError(name + ": cannot be created or fails in descriptor(): " + e, e);
            }))));
      }
    }
    Map<String, List<String>> byId = new HashMap<>();
    for (Subject s : subjects) {
      byId.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(factoryOf.get(s).getClass().getName());
    }
    subjects.sort(Comparator.comparing(Subject::id));
    List<DynamicNode> nodes = new ArrayList<>(broken);
    for (Subject s : subjects) {
      nodes.add(container(s, factoryOf.get(s), byId.get(s.id())));
    }
    return nodes.stream();
  }

  private DynamicContainer container(Subject s, ModuleFactory factory, List<String> sameId) {
    String id = s.id();
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(test(id, "descriptor rules", () -> {
      List<String> problems = new ArrayList<>(DescriptorRules.problems(factory, s.descriptor()));
      if (sameId.size() > 1) {
        problems.add(0, "the id is not unique: " + sameId + " all use it");
      }
      s.failIfAny(problems, "breaks descriptor rules");
    }));
    tests.add(serviceProperty(s, factory));
    tests.add(test(id, "descriptor compatible with its snapshot " + snapshotFile(id), () -> snapshot(s)));
    tests.add(test(id, "no allocation in process after activation", () -> AllocationCheck.noAllocation(s)));
    tests.add(test(id, "no NaN, Inf or denormal output at extreme parameters and inputs",
        () -> SignalChecks.noBadSamples(s)));
    tests.add(test(id, "parameter values beyond their ranges give finite output",
        () -> SignalChecks.rangesHonoured(s)));
    tests.add(test(id, "reset makes the output reproducible", () -> SignalChecks.resetReproducible(s)));
    if (s.descriptor().kind() == ModuleKind.EFFECT) {
      tests.add(test(id, "output decays below 1e-4 after the input stops", () -> SignalChecks.effectDecays(s)));
    } else if (s.descriptor().kind() == ModuleKind.INSTRUMENT) {
      tests.add(test(id, "silent (exactly 0.0) until a note is played", () -> SignalChecks.instrumentSilent(s)));
    }
    return DynamicContainer.dynamicContainer(id, tests.stream());
  }

  private static DynamicTest test(String id, String rule, Executable check) {
    return DynamicTest.dynamicTest(id + ": " + rule, check);
  }

  private static DynamicTest serviceProperty(Subject s, ModuleFactory factory) {
    Class<?> type = factory.getClass();
    Path root = ServiceComponents.root(type);
    List<ServiceComponents.Component> components = ServiceComponents.declaredIn(root);
    if (components == null) {
      String why = "no OSGI-INF on the class path for " + type.getSimpleName();
      return test(s.id(), "service property " + ModuleFactory.MODULE_ID + " not checked (" + why + ")", () -> {
        throw new TestAbortedException(why + " (" + root + "): only a bundle's classes have one");
      });
    }
    return test(s.id(), "service property " + ModuleFactory.MODULE_ID + " is the descriptor's id", () -> {
      ServiceComponents.Component mine = components.stream()
          .filter(c -> c.implementation().equals(type.getName())).findFirst().orElse(null);
      String fix = "annotate " + type.getSimpleName() + " with @Component(service = ModuleFactory.class, property ="
          + " ModuleFactory.MODULE_ID + \"=" + s.id() + "\")";
      if (mine == null) {
        throw new AssertionError(s.id() + ": no component in " + root.resolve("OSGI-INF") + " is implemented by "
            + type.getName() + ": " + fix);
      }
      if (!mine.provides().contains(ModuleFactory.class.getName())) {
        throw new AssertionError(s.id() + ": " + mine.file() + " provides " + mine.provides() + ", not "
            + ModuleFactory.class.getName() + ": " + fix);
      }
      List<String> values = mine.properties().get(ModuleFactory.MODULE_ID);
      if (values == null || !values.equals(List.of(s.id()))) {
        throw new AssertionError(s.id() + ": " + mine.file() + " sets " + ModuleFactory.MODULE_ID + " to "
            + (values == null ? "nothing" : String.join(",", values)) + ", but the descriptor's id is "
            + s.id() + ": hosts look the factory up by this property");
      }
    });
  }

  private Path snapshotDirectory() {
    if (snapshots != null) {
      return snapshots;
    }
    String property = System.getProperty(SNAPSHOT_DIRECTORY);
    return Path.of(property != null && !property.isBlank() ? property : DEFAULT_SNAPSHOT_DIRECTORY);
  }

  private Path snapshotFile(String id) {
    return snapshotDirectory().resolve(id + ".json");
  }

  private void snapshot(Subject s) throws IOException {
    Path file = snapshotFile(s.id());
    String now = Snapshot.write(s.descriptor());
    boolean write = Boolean.getBoolean(WRITE_SNAPSHOTS);
    if (!Files.exists(file)) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, now);
      if (!write) {
        throw new AssertionError(s.id() + ": snapshot written to " + file.toAbsolutePath()
            + ": review and commit it (or run with -D" + WRITE_SNAPSHOTS + "=true)");
      }
      return;
    }
    String old = Files.readString(file).replace("\r\n", "\n");
    List<String> breaks;
    try {
      breaks = Snapshot.breaks(old, s.descriptor());
    } catch (IllegalArgumentException e) {
      throw new AssertionError(s.id() + ": cannot read the snapshot " + file.toAbsolutePath() + ": " + e.getMessage());
    }
    if (!breaks.isEmpty()) {
      s.failIfAny(breaks, "breaks what its snapshot " + file + " records, which saved projects rely on"
          + " (a module never released may delete the snapshot and write it again with -D" + WRITE_SNAPSHOTS
          + "=true)");
    }
    if (write && !old.equals(now)) {
      Files.writeString(file, now);
    }
  }

  private List<String> discover() {
    ClassIndex index = new ClassIndex(prefixes, List.of());
    List<String> found = new ArrayList<>();
    for (String name : index.scopeClasses()) {
      if (index.isConcrete(name) && index.isSubtype(name, MODULE_FACTORY)) {
        found.add(name.replace('/', '.'));
      }
    }
    found.removeIf(n -> !creatable(n));
    if (found.isEmpty()) {
      throw new IllegalArgumentException("no ModuleFactory implementation found on the class path under "
          + prefixes.stream().map(p -> p.replace('/', '.')).toList());
    }
    return found;
  }

  /** Anonymous, local and inner classes cannot be DS components, so they are not modules to test. */
  private static boolean creatable(String name) {
    try {
      Class<?> c = Class.forName(name, false, loader());
      return !c.isAnonymousClass() && !c.isLocalClass()
          && !(c.isMemberClass() && !Modifier.isStatic(c.getModifiers()));
    } catch (ClassNotFoundException | LinkageError e) {
      return true; // kept, so the failure to load it is reported
    }
  }

  private static ModuleFactory create(String name) {
    try {
      Class<?> c = Class.forName(name, true, loader());
      var constructor = c.getDeclaredConstructor();
      constructor.setAccessible(true);
      return (ModuleFactory) constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("needs a no-argument constructor to be scanned (or pass an instance to"
          + " ModuleConformance.of): " + e, e);
    }
  }

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : ModuleConformance.class.getClassLoader();
  }
}
