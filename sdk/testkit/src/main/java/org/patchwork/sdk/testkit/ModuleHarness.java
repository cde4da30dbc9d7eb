package org.patchwork.sdk.testkit;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;
import org.patchwork.sdk.module.Transport;

/**
 * Drives one module offline the way a host does: activates it, feeds input signals, places
 * note events at exact frames, applies parameter changes with the descriptor's smoothing, and
 * renders in blocks of a chosen size.
 *
 * <pre>{@code
 * ModuleHarness h = new ModuleHarness(new SineModule(), SineModule.DESCRIPTOR, 48_000, 64);
 * h.noteOn(0, 69, 1f);
 * float[][] out = h.render(48_000);      // out[channel][frame] of the first output port
 * double hz = Signals.peakFrequency(out[0], 48_000);
 * }</pre>
 *
 * <p>For conformance tests it can also do what a well-behaved host never does: set values
 * beyond a parameter's range ({@link #force}), sweep every parameter inside a block
 * ({@link #ramp}), and count the bytes the module allocates inside {@code process}
 * ({@link #trackAllocations()}).
 */
public final class ModuleHarness {

  private final AudioModule module;
  private final ModuleDescriptor descriptor;
  private final double sampleRate;
  private final int blockSize;
  private final Context context;
  private final List<TimedEvent> pending = new ArrayList<>();
  private final double[] current;
  private final double[] target;
  private final double[] step;
  private final float[][] ramps;
  private final boolean[] constant;
  private final boolean[] stepped;
  private final float[][][] buffers;
  private final boolean[] connected;
  private final float[][][] inputs;
  private long frame;
  private int nextNoteId;
  private com.sun.management.ThreadMXBean threads;
  private long processAllocated;

  /** Creates the harness and activates the module at {@code sampleRate} with blocks of {@code blockSize}. */
  public ModuleHarness(AudioModule module, ModuleDescriptor descriptor, double sampleRate, int blockSize) {
    if (blockSize < 1) {
      throw new IllegalArgumentException("blockSize must be >= 1");
    }
    this.module = module;
    this.descriptor = descriptor;
    this.sampleRate = sampleRate;
    this.blockSize = blockSize;
    int params = descriptor.parameters().size();
    current = new double[params];
    target = new double[params];
    step = new double[params];
    ramps = new float[params][blockSize];
    constant = new boolean[params];
    stepped = new boolean[params];
    for (int i = 0; i < params; i++) {
      current[i] = target[i] = descriptor.parameters().get(i).defaultValue();
      stepped[i] = descriptor.parameters().get(i).has(ParameterFlag.STEPPED);
    }
    List<PortDescriptor> ports = descriptor.ports();
    buffers = new float[ports.size()][][];
    connected = new boolean[ports.size()];
    inputs = new float[ports.size()][][];
    for (int p = 0; p < ports.size(); p++) {
      buffers[p] = new float[ports.get(p).channels()][blockSize];
    }
    context = new Context();
    module.activate(sampleRate, blockSize);
  }

  /** Sets a parameter by id from the next rendered frame on (smoothed as declared). */
  public ModuleHarness set(String parameterId, double value) {
    int index = parameter(parameterId);
    ParameterDescriptor p = descriptor.parameters().get(index);
    if (value < p.min() || value > p.max()) {
      throw new IllegalArgumentException(parameterId + " = " + value + " is outside [" + p.min() + ", " + p.max() + "]");
    }
    target[index] = p.clamp(value);
    int glide = (int) Math.round(p.smoothingMillis() * sampleRate / 1000.0);
    if (glide == 0 || frame == 0) {
      current[index] = target[index];
      step[index] = 0;
    } else {
      step[index] = (target[index] - current[index]) / glide;
    }
    return this;
  }

  /**
   * Sets a parameter to {@code value} from the next rendered frame on, without checking, clamping
   * or rounding it and without smoothing: what a host that trusted its input would pass. For
   * tests that a module sanitises what it reads (values beyond the range, NaN).
   */
  public ModuleHarness force(String parameterId, double value) {
    int index = parameter(parameterId);
    current[index] = value;
    target[index] = value;
    step[index] = 0;
    return this;
  }

  /**
   * Glides a parameter linearly from its current value to {@code value} over the next
   * {@code frames} frames, whatever its declared smoothing, so that the module sees
   * {@link ProcessContext#isParameterConstant} false and a moving {@link
   * ProcessContext#parameterRamp} in those blocks. A stepped parameter moves in whole steps.
   */
  public ModuleHarness ramp(String parameterId, double value, int frames) {
    int index = parameter(parameterId);
    ParameterDescriptor p = descriptor.parameters().get(index);
    if (value < p.min() || value > p.max()) {
      throw new IllegalArgumentException(parameterId + " = " + value + " is outside [" + p.min() + ", " + p.max() + "]");
    }
    if (frames < 1) {
      throw new IllegalArgumentException("a ramp lasts at least one frame: " + frames);
    }
    target[index] = p.clamp(value);
    step[index] = (target[index] - current[index]) / frames;
    if (step[index] == 0) {
      current[index] = target[index];
    }
    return this;
  }

  /**
   * Connects a signal to an audio or CV input port: {@code signal[channel][frame]} with frames
   * counted from the first render. Frames past the end read as silence.
   */
  public ModuleHarness input(String portId, float[][] signal) {
    int port = descriptor.portIndex(portId);
    if (port < 0 || descriptor.ports().get(port).direction() != PortDescriptor.Direction.INPUT) {
      throw new IllegalArgumentException("module " + descriptor.id() + " has no input port " + portId);
    }
    connected[port] = true;
    inputs[port] = signal;
    return this;
  }

  /** Plays a note at absolute frame {@code at}; returns its note id. */
  public int noteOn(long at, int key, float velocity) {
    int id = nextNoteId++;
    pending.add(new TimedEvent(at, Event.Type.NOTE_ON, key, velocity, id));
    return id;
  }

  /** Releases the note with this id at absolute frame {@code at}. */
  public void noteOff(long at, int key, int noteId) {
    pending.add(new TimedEvent(at, Event.Type.NOTE_OFF, key, 0f, noteId));
  }

  /** Sends ALL_NOTES_OFF (panic: stop every sound at once) at absolute frame {@code at}. */
  public void allNotesOff(long at) {
    pending.add(new TimedEvent(at, Event.Type.ALL_NOTES_OFF, -1, 0f, -1));
  }

  /**
   * From now on, measures the heap bytes the calling thread allocates inside each call of the
   * module's {@code process} (and nothing the harness itself allocates around it), through
   * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}.
   *
   * @throws UnsupportedOperationException if this JVM cannot measure per-thread allocation
   */
  public ModuleHarness trackAllocations() {
    if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
        || !bean.isThreadAllocatedMemorySupported()) {
      throw new UnsupportedOperationException("this JVM cannot measure the bytes a thread allocates");
    }
    if (!bean.isThreadAllocatedMemoryEnabled()) {
      bean.setThreadAllocatedMemoryEnabled(true);
    }
    if (bean.getCurrentThreadAllocatedBytes() < 0) {
      throw new UnsupportedOperationException("this JVM cannot measure the bytes this thread allocates");
    }
    threads = bean;
    return this;
  }

  /**
   * Heap bytes the module allocated inside {@code process} since {@link #trackAllocations()};
   * 0 for a module that keeps the real-time rules.
   */
  public long processAllocatedBytes() {
    if (threads == null) {
      throw new IllegalStateException("call trackAllocations() before rendering");
    }
    return processAllocated;
  }

  /** Calls the module's reset, as a host does between two renders. */
  public void reset() {
    module.reset();
    frame = 0;
    pending.clear();
    context.eventFrom = 0;
    context.eventTo = 0;
  }

  /** Renders {@code frames} frames; returns {@code [channel][frame]} of the first output port. */
  public float[][] render(int frames) {
    return renderPort(firstOutput(), frames);
  }

  /** Renders {@code frames} frames; returns {@code [channel][frame]} of the given output port. */
  public float[][] renderPort(int outputPort, int frames) {
    float[][][] into = new float[descriptor.ports().size()][][];
    into[outputPort] = new float[descriptor.ports().get(outputPort).channels()][frames];
    renderInto(into, frames);
    return into[outputPort];
  }

  /**
   * Renders {@code frames} frames; returns {@code [port][channel][frame]} of every audio and CV
   * output port, indexed as in {@link ModuleDescriptor#ports()} (no channels for input and
   * event ports).
   */
  public float[][][] renderOutputs(int frames) {
    List<PortDescriptor> ports = descriptor.ports();
    float[][][] into = new float[ports.size()][][];
    for (int p = 0; p < ports.size(); p++) {
      boolean output = ports.get(p).direction() == PortDescriptor.Direction.OUTPUT
          && ports.get(p).type() != PortDescriptor.Type.EVENTS;
      into[p] = new float[output ? ports.get(p).channels() : 0][frames];
    }
    renderInto(into, frames);
    return into;
  }

  private void renderInto(float[][][] into, int frames) {
    pending.sort(Comparator.comparingLong(TimedEvent::frame));
    int done = 0;
    while (done < frames) {
      int n = Math.min(blockSize, frames - done);
      prepareBlock(n);
      Context block = context.block(n);
      ProcessStatus status;
      if (threads == null) {
        status = module.process(block);
      } else {
        long before = threads.getCurrentThreadAllocatedBytes();
        status = module.process(block);
        processAllocated += threads.getCurrentThreadAllocatedBytes() - before;
      }
      if (status == ProcessStatus.ERROR) {
        throw new IllegalStateException("module " + descriptor.id() + " returned ERROR at frame " + frame);
      }
      for (int p = 0; p < into.length; p++) {
        float[][] result = into[p];
        for (int ch = 0; result != null && ch < result.length; ch++) {
          if (status == ProcessStatus.SILENT) {
            Arrays.fill(result[ch], done, done + n, 0f);
          } else {
            System.arraycopy(buffers[p][ch], 0, result[ch], done, n);
          }
        }
      }
      frame += n;
      done += n;
    }
  }

  private int parameter(String parameterId) {
    int index = descriptor.parameterIndex(parameterId);
    if (index < 0) {
      throw new IllegalArgumentException("module " + descriptor.id() + " has no parameter " + parameterId);
    }
    return index;
  }

  private int firstOutput() {
    List<PortDescriptor> ports = descriptor.ports();
    for (int p = 0; p < ports.size(); p++) {
      if (ports.get(p).direction() == PortDescriptor.Direction.OUTPUT
          && ports.get(p).type() != PortDescriptor.Type.EVENTS) {
        return p;
      }
    }
    throw new IllegalArgumentException("module " + descriptor.id() + " has no audio or CV output");
  }

  private void prepareBlock(int n) {
    for (int p = 0; p < buffers.length; p++) {
      if (descriptor.ports().get(p).direction() != PortDescriptor.Direction.INPUT) {
        continue;
      }
      for (int ch = 0; ch < buffers[p].length; ch++) {
        float[] buffer = buffers[p][ch];
        Arrays.fill(buffer, 0f);
        float[][] signal = inputs[p];
        if (signal != null && ch < signal.length) {
          for (int i = 0; i < n; i++) {
            long at = frame + i;
            buffer[i] = at < signal[ch].length ? signal[ch][(int) at] : 0f;
          }
        }
      }
    }
    for (int i = 0; i < current.length; i++) {
      float[] ramp = ramps[i];
      constant[i] = step[i] == 0;
      // Only a ramp rounds a stepped parameter: set() has rounded already, force() must not.
      boolean round = stepped[i] && !constant[i];
      context.blockStart[i] = round ? Math.rint(current[i]) : current[i];
      for (int f = 0; f < n; f++) {
        if (step[i] != 0) {
          current[i] += step[i];
          if ((step[i] > 0) == (current[i] >= target[i])) {
            current[i] = target[i];
            step[i] = 0;
          }
        }
        ramp[f] = (float) (round ? Math.rint(current[i]) : current[i]);
      }
    }
    context.eventFrom = context.eventTo;
    while (context.eventTo < pending.size() && pending.get(context.eventTo).frame < frame + n) {
      context.eventTo++;
    }
  }

  private record TimedEvent(long frame, Event.Type type, int key, float velocity, int noteId) {
  }

  private final class Context implements ProcessContext, Event, Transport {
    private final double[] blockStart = new double[current.length];
    private int frames;
    private int eventFrom;
    private int eventTo;
    private TimedEvent event;

    Context block(int n) {
      frames = n;
      return this;
    }

    @Override public int frames() { return frames; }
    @Override public double sampleRate() { return sampleRate; }
    @Override public float[] input(int port, int channel) { return buffers[port][channel]; }
    @Override public boolean isConnected(int port) { return connected[port]; }
    @Override public float[] output(int port, int channel) { return buffers[port][channel]; }
    @Override public int eventCount() { return eventTo - eventFrom; }

    @Override
    public Event event(int index) {
      event = pending.get(eventFrom + index);
      return this;
    }

    @Override public double parameter(int index) { return blockStart[index]; }
    @Override public float[] parameterRamp(int index) { return ramps[index]; }
    @Override public boolean isParameterConstant(int index) { return constant[index]; }
    @Override public Transport transport() { return this; }
    @Override public int frame() { return (int) (event.frame - ModuleHarness.this.frame); }
    @Override public Type type() { return event.type; }
    @Override public int key() { return event.key; }
    @Override public float velocity() { return event.velocity; }
    @Override public int noteId() { return event.noteId; }
    @Override public double value() { return 0; }
    @Override public boolean isPlaying() { return true; }
    @Override public double tempo() { return 120; }
    @Override public long songFrame() { return ModuleHarness.this.frame; }
    @Override public double songBeat() { return ModuleHarness.this.frame / sampleRate * 2; }
    @Override public int beatsPerBar() { return 4; }
  }
}
