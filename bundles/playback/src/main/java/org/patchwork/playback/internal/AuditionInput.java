package org.patchwork.playback.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * The audition's signal source: a module that plays an {@link AuditionSignal} from frame 0,
 * so the auditioned module takes its input through an ordinary cable of the real engine.
 * It exists only in the registry of one audition (see {@link #registry}), never as a service,
 * so it is not listed by {@code patchwork modules}.
 */
final class AuditionInput implements AudioModule {

  /** Its module id; {@code audition} is not a namespace real modules use. */
  static final String ID = "org.patchwork.audition.input";

  private final AuditionSignal signal;
  private final int channels;
  private double sampleRate;
  private float[][] block;
  private long frame;

  private AuditionInput(AuditionSignal signal) {
    this.signal = signal;
    this.channels = signal.channels();
  }

  /** The descriptor of a source of {@code channels} channels. */
  static ModuleDescriptor descriptor(int channels) {
    return new ModuleDescriptor(ID, "Audition input", "Patchwork", "1.0.0", ModuleKind.UTILITY,
        Set.of("utility"), List.of(PortDescriptor.audioOut("out", channels)), List.of(), 0);
  }

  /** {@code base}'s modules plus a source playing {@code signal}. */
  static ModuleRegistry registry(ModuleRegistry base, AuditionSignal signal) {
    ModuleDescriptor descriptor = descriptor(signal.channels());
    ModuleFactory factory = new ModuleFactory() {
      @Override
      public ModuleDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public AudioModule create() {
        return new AuditionInput(signal);
      }
    };
    return new ModuleRegistry() {
      @Override
      public Optional<ModuleFactory> find(String moduleId) {
        return ID.equals(moduleId) ? Optional.of(factory) : base.find(moduleId);
      }

      @Override
      public List<ModuleDescriptor> descriptors() {
        return base.descriptors();
      }
    };
  }

  @Override
  public void activate(double rate, int maxFrames) {
    sampleRate = rate;
    block = new float[channels][];
  }

  @Override
  public ProcessStatus process(ProcessContext context) {
    float[][] out = block;
    for (int ch = 0; ch < channels; ch++) {
      out[ch] = context.output(0, ch);
    }
    signal.render(frame, out, context.frames(), sampleRate);
    frame += context.frames();
    return ProcessStatus.CONTINUE;
  }

  @Override
  public void reset() {
    frame = 0;
  }

  @Override
  public void deactivate() {
    block = null;
  }
}
