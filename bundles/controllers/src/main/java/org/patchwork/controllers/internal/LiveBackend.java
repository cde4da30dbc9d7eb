package org.patchwork.controllers.internal;

import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.patchwork.controllers.ControlBackend;
import org.patchwork.controllers.FrameClock;
import org.patchwork.controllers.ParameterRange;
import org.patchwork.playback.LivePlayback;
import org.patchwork.playback.LiveRun;
import org.patchwork.sdk.control.RateLimitedLog;
import org.patchwork.sdk.module.ParameterDescriptor;

/**
 * The host's live backend (ranking 10, above the sequencer fallback): inputs act on the live run
 * of the playback bundle's player, at {@code frameOf(nanos)} of a {@link FrameClock} the run's
 * audio thread drives, with a constant latency of twice the run's render-ahead (1024 frames at
 * 48 kHz for blocks up to 256).
 *
 * <p>With no live run, a start ({@code /transport/play}, a controller's play button, MIDI start
 * or continue) starts one of the project the player holds ({@code pw:play --hold}, else the last
 * one played; a fixed {@code pw:play} run is replaced by a live run of its project) and plays it
 * from the song position; the first start takes as long as priming the project (seconds for a
 * long song), later ones are immediate since the run stays up while the transport stops. With
 * nothing held, the start is refused and reported. A stop with only a fixed run playing ends
 * that run. Notes, parameters and the mixer need a live run; without one they are reported
 * (rate limited) and change nothing but the control state.
 */
@Component(service = ControlBackend.class, property = "service.ranking:Integer=10")
public final class LiveBackend implements ControlBackend, LivePlayback.Listener {

  private final LivePlayback playback;
  private final RateLimitedLog log;
  private volatile LiveRun run;
  private volatile FrameClock clock;
  // model thread
  private double position;
  private double tempo = Double.NaN;
  private long transportFrame = Long.MIN_VALUE;
  private boolean transportPlays;

  @Activate
  public LiveBackend(@Reference LivePlayback playback,
      @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL) Logger log) {
    this(playback, m -> {
      if (log != null) {
        log.warn(m);
      } else {
        System.err.println("patchwork controllers: " + m);
      }
    });
  }

  /** Without OSGi (tests). */
  public LiveBackend(LivePlayback playback, Consumer<String> warn) {
    this.playback = playback;
    this.log = new RateLimitedLog(warn, 5_000);
    playback.addListener(this);
    LiveRun now = playback.live();
    if (now != null && now.alive()) {
      started(now);
    }
  }

  @Deactivate
  void deactivate() {
    playback.removeListener(this);
    LiveRun r = run;
    if (r != null) {
      r.blockClock(null);
    }
  }

  // ---- live runs come and go ----

  @Override
  public void started(LiveRun r) {
    FrameClock c = new FrameClock(r.sampleRate(), 2 * r.renderAhead());
    clock = c;
    run = r;
    r.blockClock(c::blockStarted);
  }

  @Override
  public void ended(LiveRun r) {
    if (run == r) {
      run = null;
      clock = null;
    }
  }

  /** The live run, if one plays. */
  private LiveRun live() {
    LiveRun r = run;
    return r != null && r.alive() ? r : null;
  }

  /** The clock's latency in frames, or -1 without a live run. */
  long latency() {
    FrameClock c = clock;
    return live() == null || c == null ? -1 : c.latencyFrames();
  }

  // ---- ControlBackend: the model thread ----

  @Override
  public long frameOf(long nanos) {
    LiveRun r = live();
    FrameClock c = clock;
    if (r == null || c == null) {
      return -1;
    }
    long now = r.frame();
    return c.running() ? Math.max(now, c.frameOf(nanos)) : now + c.latencyFrames();
  }

  /** A frame for an input: its own, or (for one that started the run) the run's now plus the latency. */
  private long at(LiveRun r, long frame) {
    return frame >= 0 ? frame : r.frame() + clock.latencyFrames();
  }

  /** The live run, started if need be (a start). Null when there is nothing to play. */
  private LiveRun started() {
    LiveRun r = live();
    if (r != null) {
      return r;
    }
    try {
      r = playback.startLive();
    } catch (IllegalStateException e) {
      log.warn("start refused: " + e.getMessage());
      return null;
    } catch (Exception e) {
      log.warn("start failed: " + e.getMessage());
      return null;
    }
    if (!Double.isNaN(tempo)) {
      r.tempo(r.frame(), tempo);
    }
    return r;
  }

  private void transport(long frame, boolean plays) {
    transportFrame = frame;
    transportPlays = plays;
  }

  @Override
  public void play(long frame) {
    LiveRun r = started();
    if (r != null) {
      long f = at(r, frame);
      r.locate(f, position);
      r.play(f);
      transport(f, true);
    }
  }

  @Override
  public void stop(long frame) {
    LiveRun r = live();
    if (r != null) {
      long f = at(r, frame);
      r.stop(f);
      transport(f, false);
    } else if (playback.fixedRunPlaying()) {
      playback.stopRun();
    }
  }

  @Override
  public void resume(long frame) {
    LiveRun r = live();
    if (r == null) {
      play(frame);
      return;
    }
    long f = at(r, frame);
    r.resume(f);
    transport(f, true);
  }

  @Override
  public void locate(long frame, double beats) {
    position = beats;
    LiveRun r = live();
    if (r != null) {
      r.locate(at(r, frame), beats);
    }
  }

  @Override
  public void tempo(long frame, double bpm) {
    tempo = bpm;
    LiveRun r = live();
    if (r != null) {
      r.tempo(at(r, frame), bpm);
    }
  }

  private LiveRun needed(String what) {
    LiveRun r = live();
    if (r == null) {
      log.warn(what + " needs a live run: play with pw:play PROJECT --live, or hold one with pw:play PROJECT --hold "
          + "and start it with /transport/play or a controller's play button");
    }
    return r;
  }

  @Override
  public void noteOn(long frame, int track, int key, double velocity) {
    LiveRun r = needed("a note");
    if (r != null && !r.noteOn(at(r, frame), track, key, velocity)) {
      log.warn("a note for track " + track + ": the project has no such track");
    }
  }

  /**
   * {@code transport.record}: a controller's record button (argument 1) turns recording on or
   * off in turn; OSC {@code /transport/record} sends {@code transport.record.set} with 1 or 0.
   */
  @Override
  public void command(long frame, String name, int argument) {
    if (!name.equals("transport.record") && !name.equals("transport.record.set")) {
      return;
    }
    LiveRun r = needed("record");
    if (r == null) {
      return;
    }
    boolean on = name.equals("transport.record") ? !r.recording() : argument != 0;
    if (!r.record(on)) {
      log.warn("record: " + r.name() + " plays a list of notes, not a tracker song: nothing to record into");
    }
  }

  @Override
  public void noteOff(long frame, int track, int key) {
    LiveRun r = live();
    if (r != null) {
      r.noteOff(at(r, frame), track, key);
    }
  }

  @Override
  public void parameter(long frame, String node, String parameter, double value) {
    LiveRun r = needed("a parameter change");
    if (r != null && !r.parameter(at(r, frame), node, parameter, value)) {
      log.warn("parameter " + node + "/" + parameter + ": the project has no such module instance or parameter");
    }
  }

  @Override
  public void trackVolume(long frame, int track, double volume) {
    LiveRun r = needed("the mixer");
    if (r != null && !r.trackVolume(track, volume)) {
      log.warn("the mixer: the project has no track " + track);
    }
  }

  @Override
  public void trackPan(long frame, int track, double pan) {
    LiveRun r = needed("the mixer");
    if (r != null && !r.trackPan(track, pan)) {
      log.warn("the mixer: the project has no track " + track);
    }
  }

  @Override
  public void trackMute(long frame, int track, boolean muted) {
    LiveRun r = needed("the mixer");
    if (r != null && !r.trackMute(track, muted)) {
      log.warn("the mixer: the project has no track " + track);
    }
  }

  @Override
  public ParameterRange range(String node, String parameter) {
    LiveRun r = live();
    ParameterDescriptor d = r == null ? null : r.parameterDescriptor(node, parameter);
    return d == null || !(d.max() > d.min()) ? null : new ParameterRange(d.min(), d.max());
  }

  @Override
  public double beats() {
    LiveRun r = live();
    return r == null ? Double.NaN : r.beats();
  }

  @Override
  public Boolean playing() {
    LiveRun r = live();
    if (r == null) {
      return playback.fixedRunPlaying();
    }
    // a start or stop still ahead of the engine decides until the run has applied it
    return transportFrame > r.frame() ? transportPlays : r.playing();
  }
}
