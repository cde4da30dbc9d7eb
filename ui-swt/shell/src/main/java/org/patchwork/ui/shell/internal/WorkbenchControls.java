package org.patchwork.ui.shell.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.patchwork.controllers.ControlBackend;
import org.patchwork.controllers.FrameClock;
import org.patchwork.controllers.ParameterRange;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.ui.shell.Edit;
import org.patchwork.ui.shell.Edits;
import org.patchwork.ui.shell.WorkbenchState;
import org.patchwork.ui.shell.widgets.ValueScale;

/**
 * MIDI and OSC controllers acting on the open workbench: what the controllers bundle's mappings
 * and profiles send (transport, notes, faders, knobs) reaches the window's project and its live
 * session while the window is open ({@link ControllersBridge} registers this backend then,
 * above the headless host's).
 *
 * <ul>
 *   <li>Notes play on the live session at their frames ({@link LiveSession#noteOn}), mapped from
 *       input time through a {@link FrameClock} with a constant latency. With the transport
 *       stopped, the first note starts a session that plays only live input
 *       ({@link WorkbenchService#monitor}), so a keyboard is always heard; play replaces it by
 *       the song, stop ends it.</li>
 *   <li>Faders, pans, mutes, knobs and tempo become edits, exactly as if moved on screen: the
 *       mixer and the module panels follow, the journal takes them (a fader's moves merge into
 *       one step), undo takes them back, and the playing session follows them.</li>
 *   <li>Play and stop start and stop the workbench's playback (which plays from the start);
 *       locating is not available in the window.</li>
 *   <li>Record ({@code transport.record}: a controller's record button, OSC
 *       {@code /transport/record}) arms recording: notes played while the song plays are
 *       written into it at their lines ({@link WindowRecorder}).</li>
 * </ul>
 *
 * <p>Thread: the controllers' model thread calls every {@link ControlBackend} method.
 */
final class WorkbenchControls implements ControlBackend, AutoCloseable {

  /** How long a first note waits for the audio to start (the driver opens, the project compiles). */
  private static final long START_MILLIS = 5_000;

  /** The hardware fader follows the on-screen fader's law (position 0..1 → dB). */
  private static final ValueScale FADER = ValueScale.decibels(6);

  private final WorkbenchService workbench;
  private final Consumer<String> warn;
  private final Set<String> warned = new HashSet<>();
  // The session the clock was installed on, and the clock.
  private LiveSession clocked;
  private FrameClock clock;
  // Live track ids of the project last asked about, derived once per project (a song's mean
  // parsing it); notes, faders, pans and mutes all name tracks through it.
  private Project tracksOf;
  private List<String> tracks = List.of();
  // Made at the first record command (it needs the sequencer, an optional import).
  private WindowRecorder recorder;

  WorkbenchControls(WorkbenchService workbench, Consumer<String> warn) {
    this.workbench = workbench;
    this.warn = warn;
  }

  /** The playing session, with this backend's clock installed on it; null when stopped. */
  private LiveSession session() {
    LiveSession s = workbench.live();
    if (s != null && s != clocked) {
      FrameClock c = new FrameClock(s.sampleRate(), latencyFrames(s.blockSize()));
      clock = c;
      clocked = s;
      s.blockClock(c::blockStarted);
    }
    return s;
  }

  /** Two blocks of the audio thread's draining plus room for the input thread's jitter. */
  static long latencyFrames(int blockSize) {
    return 2L * Math.max(512, 2L * blockSize);
  }

  @Override
  public long frameOf(long nanos) {
    LiveSession s = session();
    if (s == null) {
      return -1;
    }
    FrameClock c = clock;
    long now = s.frame();
    return c.running() ? Math.max(now, c.frameOf(nanos)) : now + c.latencyFrames();
  }

  // ---- transport ----

  @Override
  public void play(long frame) {
    workbench.play();
  }

  @Override
  public void resume(long frame) {
    if (!workbench.state().playing()) {
      workbench.play();
    }
  }

  // (A session that only monitors live input is not "playing": play replaces it by the song.)

  @Override
  public void stop(long frame) {
    workbench.stop();
  }

  @Override
  public void locate(long frame, double beats) {
    warnOnce("the workbench plays from the start: locating from a controller is not available in the window");
  }

  @Override
  public void tempo(long frame, double bpm) {
    edit(new Edits.SetTempo(bpm));
  }

  @Override
  public Boolean playing() {
    return workbench.state().playing();
  }

  // ---- notes ----

  @Override
  public void noteOn(long frame, int track, int key, double velocity) {
    String id = track(track);
    if (id == null) {
      return;
    }
    LiveSession s = session();
    long at = frame;
    if (s == null) {
      // Stopped: a session that plays only live input starts (once), and this note is its first.
      s = monitoring();
      if (s == null) {
        return;
      }
      at = frameOf(System.nanoTime());
    }
    if (!s.noteOn(at, id, key, velocity)) {
      warnOnce("a note for track " + (track + 1) + ", which the playing project does not have");
    } else if (recorder != null) {
      recorder.noteOn(s, at, track, key, velocity);
    }
  }

  /** Starts monitoring live input and waits for it (at most {@value #START_MILLIS} ms); null if it did not start. */
  private LiveSession monitoring() {
    try {
      workbench.monitor().toCompletableFuture().get(START_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      warnOnce("cannot start the audio for live input: "
          + (e.getCause() != null ? e.getCause().getMessage() : "it took more than " + START_MILLIS + " ms"));
      return null;
    }
    return session();
  }

  @Override
  public void noteOff(long frame, int track, int key) {
    String id = track(track);
    LiveSession s = session();
    if (id != null && s != null) {
      s.noteOff(frame, id, key);
      if (recorder != null) {
        recorder.noteOff(s, frame, track, key);
      }
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
    if (recorder == null) {
      try {
        recorder = new WindowRecorder(workbench, warn);
      } catch (NoClassDefFoundError e) {
        warnOnce("recording into a tracker song needs the sequencer bundle (org.patchwork.sequencer),"
            + " which is not installed");
        return;
      }
    }
    recorder.arm(name.equals("transport.record") ? !recorder.armed() : argument != 0);
  }

  /** Whether recording is armed. */
  boolean recording() {
    return recorder != null && recorder.armed();
  }

  // ---- the mixer and parameters, as edits ----

  @Override
  public void trackVolume(long frame, int track, double volume) {
    String id = track(track);
    if (id != null) {
      edit(new Edits.SetTrackGain(id, FADER.value(Math.clamp(volume, 0, 1))));
    }
  }

  @Override
  public void trackPan(long frame, int track, double pan) {
    String id = track(track);
    if (id != null) {
      edit(new Edits.SetTrackPan(id, Math.clamp(pan, -1, 1)));
    }
  }

  @Override
  public void trackMute(long frame, int track, boolean muted) {
    String id = track(track);
    if (id != null) {
      edit(new Edits.SetTrackMute(id, muted));
    }
  }

  @Override
  public void parameter(long frame, String node, String parameter, double value) {
    ParameterDescriptor d = descriptor(node, parameter);
    if (d == null) {
      warnOnce("no parameter " + node + "." + parameter + " in the open project");
      return;
    }
    edit(new Edits.SetParameter(node, parameter, Math.clamp(value, d.min(), d.max())));
  }

  @Override
  public ParameterRange range(String node, String parameter) {
    ParameterDescriptor d = descriptor(node, parameter);
    return d == null || !(d.max() > d.min()) ? null : new ParameterRange(d.min(), d.max());
  }

  /** The descriptor of a module instance's parameter in the open project, or null. Thread: any. */
  private ParameterDescriptor descriptor(String nodeId, String parameter) {
    Node n = workbench.state().project().graph().node(nodeId).orElse(null);
    if (n == null) {
      return null;
    }
    return workbench.module(n.module())
        .flatMap(m -> m.parameters().stream().filter(p -> p.id().equals(parameter)).findFirst())
        .orElse(null);
  }

  /** The mixer track id of live track number {@code track}, or null (warned). */
  private String track(int track) {
    WorkbenchState state = workbench.state();
    if (state.project() != tracksOf) {
      tracksOf = state.project();
      try {
        tracks = liveTracks(tracksOf);
      } catch (IllegalArgumentException e) {
        tracks = List.of();
        warnOnce(e.getMessage());
      }
    }
    if (track < 0 || track >= tracks.size()) {
      warnOnce("a control for track " + (track + 1) + ", which the project does not have");
      return null;
    }
    return tracks.get(track);
  }

  /**
   * The mixer track ids that live track numbers name, in order: a tracker song's tracks'
   * outputs (a note plays that track's instrument), else the mixer's tracks.
   */
  static List<String> liveTracks(Project project) {
    if (project.hasSong()) {
      return SongTimelines.outputs(project);
    }
    return project.graph().tracks().stream().map(org.patchwork.engine.Track::id).toList();
  }

  private void edit(Edit edit) {
    workbench.submit(edit).exceptionally(e -> {
      warnOnce(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
      return null;
    });
  }

  /** Says each kind of problem once: a controller repeats what it sends many times a second. */
  private void warnOnce(String message) {
    synchronized (warned) {
      if (warned.size() < 256 && warned.add(message)) {
        warn.accept("controllers: " + message);
      }
    }
  }

  /** Takes the clock off the session. */
  @Override
  public void close() {
    LiveSession s = clocked;
    if (s != null) {
      s.blockClock(null);
    }
    if (recorder != null) {
      recorder.close();
    }
  }
}
