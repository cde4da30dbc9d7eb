package org.patchwork.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchwork.examples.sine.SineFactory;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * Run as its own JVM by {@link CrashMarkerTest}: compiles a plan with a module whose
 * {@code activate} kills the JVM on the spot ({@code Runtime.halt}, as a native crash or the
 * OOM killer would), with crash markers kept in {@code args[0]}.
 */
public final class CrashInActivate {

  static final String CRASHY = "test.crashy";
  static final int STATUS = 37;

  private CrashInActivate() {
  }

  /** The crashing module's descriptor: an effect, in 1, out 1. */
  static ModuleDescriptor descriptor() {
    return new ModuleDescriptor(CRASHY, "Crashy", "Patchwork tests", "1.0.0", ModuleKind.EFFECT, Set.of("test"),
        List.of(PortDescriptor.audioIn("in", 1), PortDescriptor.audioOut("out", 1)), List.of(), 0);
  }

  /** A graph: a sine through the crashy effect. */
  static Graph graph() {
    return Graph.of(List.of(new Node("osc", TestModules.SINE, Map.of("gain", 0.5)), new Node("fx", CRASHY)),
        List.of(), List.of(Track.of("lead", "osc", "fx")));
  }

  public static void main(String[] args) {
    ModuleGuard guard = ModuleGuard.markers(Path.of(args[0]), System.err::println, System.err::println);
    LiveModuleRegistry registry = new LiveModuleRegistry(guard, new SineFactory(),
        LiveFixtures.factory(descriptor(), () -> new AudioModule() {
          @Override
          public void activate(double sampleRate, int maxFrames) {
            Runtime.getRuntime().halt(STATUS);
          }

          @Override
          public ProcessStatus process(ProcessContext context) {
            return ProcessStatus.SILENT;
          }

          @Override
          public void reset() {
          }

          @Override
          public void deactivate() {
          }
        }));
    Plan.compile(graph(), registry, 48_000, 256);
    System.exit(0); // not reached
  }
}
