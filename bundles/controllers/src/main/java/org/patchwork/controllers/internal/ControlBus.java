package org.patchwork.controllers.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.patchwork.bus.ControlHandler;
import org.patchwork.bus.ControlMessage;
import org.patchwork.bus.ControlRing;
import org.patchwork.controllers.ControlBackend;
import org.patchwork.controllers.ControlListener;
import org.patchwork.controllers.ControlState;
import org.patchwork.controllers.ControlTarget;
import org.patchwork.controllers.ParameterRange;
import org.patchwork.sdk.control.RateLimitedLog;

/**
 * {@link ControlTarget} over the bus's {@link ControlRing}: producers on any thread publish,
 * the ring's consumer thread (the model thread) applies each input to the current
 * {@link ControlBackend} at {@code backend.frameOf(nanos)} and keeps the {@link ControlState}.
 * Transport, tempo and notes use the ring's own message kinds; everything with names travels as
 * an immutable command record.
 *
 * <p>A backend that throws is reported (rate limited) and counted; the consumer goes on.
 */
public final class ControlBus implements ControlTarget, AutoCloseable {

  /**
   * Control ring slots: at 10,000 inputs a second, 1.6 s of backlog, enough to ride out a model
   * thread starved by a busy machine without dropping input (about 1 MB of slots).
   */
  public static final int RING_SIZE = 16_384;

  record Resume() {
  }

  record Locate(double beats) {
  }

  record SetParameter(String node, String parameter, double value) {
  }

  record TrackVolume(int track, double volume) {
  }

  record TrackPan(int track, double pan) {
  }

  record TrackMute(int track, boolean muted) {
  }

  record Named(String name, int argument) {
  }

  private static final Resume RESUME = new Resume();

  private final ControlRing ring;
  private final Supplier<ControlBackend> backend;
  private final RateLimitedLog log;
  private final List<ControlListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong accepted = new AtomicLong();
  // model thread only
  private final Map<Integer, ControlState.TrackMix> tracks = new HashMap<>();
  private final Map<String, Double> parameters = new HashMap<>();
  private boolean playing;
  private double tempo = 120;
  private double beats;
  private int selected;
  private long applied;
  private long failures;
  private long revision;
  private boolean changed;
  private volatile ControlState state;

  /**
   * Starts the consumer thread ({@code patchwork-control}).
   *
   * @param backend the backend to apply inputs to, asked for each input (it may change while
   *     running); null: inputs are only recorded in the state
   */
  public ControlBus(Supplier<ControlBackend> backend, Consumer<String> warn) {
    this.backend = backend;
    this.log = new RateLimitedLog(warn, 5_000);
    this.ring = new ControlRing(RING_SIZE, 2, TimeUnit.MILLISECONDS, new Handler());
    publishState();
    ring.start(r -> Thread.ofPlatform().name("patchwork-control").daemon().unstarted(r));
  }

  // ---- producers: any thread ----

  @Override
  public boolean play(long nanos) {
    return counted(ring.transportStart(nanos));
  }

  @Override
  public boolean stop(long nanos) {
    return counted(ring.transportStop(nanos));
  }

  @Override
  public boolean resume(long nanos) {
    return counted(ring.command(nanos, RESUME));
  }

  @Override
  public boolean locate(long nanos, double beats) {
    require(Double.isFinite(beats) && beats >= 0 && beats <= 1e7, "position must be within 0..1e7 beats: " + beats);
    return counted(ring.command(nanos, new Locate(beats)));
  }

  @Override
  public boolean tempo(long nanos, double bpm) {
    require(bpm >= 1 && bpm <= 999, "tempo must be within 1..999 bpm: " + bpm);
    return counted(ring.tempo(nanos, bpm));
  }

  @Override
  public boolean noteOn(long nanos, int track, int key, double velocity) {
    checkNote(track, key);
    require(velocity >= 0 && velocity <= 1, "velocity must be within 0..1: " + velocity);
    return counted(ring.noteOn(nanos, track, 0, key, velocity));
  }

  @Override
  public boolean noteOff(long nanos, int track, int key) {
    checkNote(track, key);
    return counted(ring.noteOff(nanos, track, 0, key));
  }

  @Override
  public boolean parameter(long nanos, String node, String parameter, double value) {
    require(node != null && !node.isBlank() && parameter != null && !parameter.isBlank(),
        "a parameter needs a module instance and a parameter id");
    require(Double.isFinite(value), "a parameter value must be finite: " + value);
    return counted(ring.command(nanos, new SetParameter(node, parameter, value)));
  }

  @Override
  public boolean trackVolume(long nanos, int track, double volume) {
    checkTrack(track);
    require(volume >= 0 && volume <= 1, "volume must be within 0..1: " + volume);
    return counted(ring.command(nanos, new TrackVolume(track, volume)));
  }

  @Override
  public boolean trackPan(long nanos, int track, double pan) {
    checkTrack(track);
    require(pan >= -1 && pan <= 1, "pan must be within -1..1: " + pan);
    return counted(ring.command(nanos, new TrackPan(track, pan)));
  }

  @Override
  public boolean trackMute(long nanos, int track, boolean muted) {
    checkTrack(track);
    return counted(ring.command(nanos, new TrackMute(track, muted)));
  }

  @Override
  public boolean command(long nanos, String name, int argument) {
    require(name != null && name.matches("[a-z][a-z0-9.-]{0,63}"), "a command name is lowercase words joined by '.' or '-': " + name);
    return counted(ring.command(nanos, new Named(name, argument)));
  }

  @Override
  public ControlState state() {
    return state;
  }

  @Override
  public ParameterRange range(String node, String parameter) {
    ControlBackend b = backend == null ? null : backend.get();
    return b == null ? null : b.range(node, parameter);
  }

  @Override
  public void addListener(ControlListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(ControlListener listener) {
    listeners.remove(listener);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  private static void checkTrack(int track) {
    require(track >= 0 && track < 10_000, "track must be within 0..9999: " + track);
  }

  private static void checkNote(int track, int key) {
    checkTrack(track);
    require(key >= 0 && key <= 127, "key must be within 0..127: " + key);
  }

  private boolean counted(boolean published) {
    if (published) {
      accepted.incrementAndGet();
    }
    return published;
  }

  /** Waits until every input accepted so far has been applied (tests, shutdown). */
  public boolean awaitApplied(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (System.nanoTime() < deadline) {
      ControlState s = state;
      if (s.applied() + s.failures() >= accepted.get()) {
        return true;
      }
      Thread.sleep(2);
    }
    return false;
  }

  @Override
  public void close() {
    ring.close();
  }

  // ---- the model thread ----

  private void apply(ControlMessage m) {
    ControlBackend b = backend == null ? null : backend.get();
    long frame = b == null ? 0 : b.frameOf(m.nanos());
    switch (m.kind()) {
      case TRANSPORT_START -> {
        playing = true;
        if (b != null) {
          b.play(frame);
        }
      }
      case TRANSPORT_STOP -> {
        playing = false;
        if (b != null) {
          b.stop(frame);
        }
      }
      case TEMPO -> {
        tempo = m.value();
        if (b != null) {
          b.tempo(frame, tempo);
        }
      }
      case NOTE_ON -> {
        if (b != null) {
          b.noteOn(frame, m.source(), m.number(), m.value());
        }
      }
      case NOTE_OFF -> {
        if (b != null) {
          b.noteOff(frame, m.source(), m.number());
        }
      }
      case COMMAND -> command(b, frame, m.command());
      default -> throw new IllegalArgumentException("the control bus does not handle " + m.kind());
    }
    changed = true;
  }

  private void command(ControlBackend b, long frame, Object command) {
    switch (command) {
      case Resume r -> {
        playing = true;
        if (b != null) {
          b.resume(frame);
        }
      }
      case Locate l -> {
        beats = l.beats();
        if (b != null) {
          b.locate(frame, l.beats());
        }
      }
      case SetParameter p -> {
        parameters.put(p.node() + "/" + p.parameter(), p.value());
        if (b != null) {
          b.parameter(frame, p.node(), p.parameter(), p.value());
        }
        for (ControlListener l : listeners) {
          try {
            l.parameterChanged(p.node(), p.parameter(), p.value());
          } catch (RuntimeException e) {
            log.warn("a control listener failed: " + e);
          }
        }
      }
      case TrackVolume v -> {
        ControlState.TrackMix t = tracks.getOrDefault(v.track(), ControlState.TrackMix.DEFAULT);
        tracks.put(v.track(), new ControlState.TrackMix(v.volume(), t.pan(), t.muted()));
        if (b != null) {
          b.trackVolume(frame, v.track(), v.volume());
        }
      }
      case TrackPan v -> {
        ControlState.TrackMix t = tracks.getOrDefault(v.track(), ControlState.TrackMix.DEFAULT);
        tracks.put(v.track(), new ControlState.TrackMix(t.volume(), v.pan(), t.muted()));
        if (b != null) {
          b.trackPan(frame, v.track(), v.pan());
        }
      }
      case TrackMute v -> {
        ControlState.TrackMix t = tracks.getOrDefault(v.track(), ControlState.TrackMix.DEFAULT);
        tracks.put(v.track(), new ControlState.TrackMix(t.volume(), t.pan(), v.muted()));
        if (b != null) {
          b.trackMute(frame, v.track(), v.muted());
        }
      }
      case Named n -> {
        if (n.name().equals("track.select")) {
          selected = Math.max(0, n.argument());
        }
        if (b != null) {
          b.command(frame, n.name(), n.argument());
        }
      }
      default -> throw new IllegalArgumentException("unknown control command " + command.getClass().getName());
    }
  }

  private void publishState() {
    ControlBackend b = backend == null ? null : backend.get();
    double at = b == null ? Double.NaN : b.beats();
    if (!Double.isNaN(at)) {
      beats = at;
    }
    Boolean known = b == null ? null : b.playing();
    if (known != null) {
      playing = known;
    }
    state = new ControlState(++revision, playing, tempo, beats, selected, tracks, parameters, accepted.get(),
        applied, ring.dropped(), failures);
  }

  private final class Handler implements ControlHandler {
    @Override
    public void onMessage(ControlMessage message, boolean endOfBatch) {
      try {
        apply(message);
        applied++;
      } catch (RuntimeException | AssertionError | LinkageError e) {
        failures++;
        log.warn("control input " + message + " failed: " + e);
      }
      if (endOfBatch) {
        endOfBatch();
      }
    }

    @Override
    public void onIdle() {
      pump();
      ControlBackend b = backend == null ? null : backend.get();
      Boolean known = b == null ? null : b.playing();
      // a song that ends by itself changes the state with no input
      if (changed || state.accepted() != accepted.get() || (known != null && known != state.playing())) {
        endOfBatch();
      }
    }

    private void endOfBatch() {
      pump();
      publishState();
      changed = false;
      ControlState s = state;
      for (ControlListener l : listeners) {
        try {
          l.stateChanged(s);
        } catch (RuntimeException e) {
          log.warn("a control listener failed: " + e);
        }
      }
    }

    private void pump() {
      ControlBackend b = backend == null ? null : backend.get();
      if (b != null) {
        try {
          b.pump();
        } catch (RuntimeException e) {
          log.warn("the control backend failed to render ahead: " + e);
        }
      }
    }

    @Override
    public void onError(Throwable error, ControlMessage message) {
      log.warn("the control ring's consumer met " + error);
    }
  }
}
