package org.patchwork.controllers.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.patchwork.controllers.ControlBackend;
import org.patchwork.sdk.sequencer.SequencerEvent;
import org.patchwork.sdk.sequencer.SequencerService;

/**
 * The fallback backend (ranking -100): what the SDK's {@link SequencerService} can take, at
 * {@value #LATENCY_FRAMES} frames after the sequencer's current frame: notes, parameters, track
 * volume and pan (as the sequencer's {@code track.volume}/{@code track.pan} parameters), tempo
 * and stop. Starting, continuing and locating the transport, and muting, need the live player's
 * backend (a {@link ControlBackend} of higher ranking); until one is there they are counted and
 * reported once.
 */
@Component(service = ControlBackend.class, property = "service.ranking:Integer=-100")
public final class SequencerBackend implements ControlBackend {

  /** About 10 ms at 48 kHz: beyond the sequencer's render-ahead. */
  static final long LATENCY_FRAMES = 512;

  private final SequencerService sequencer;
  private final Logger log;
  private final AtomicLong unsupported = new AtomicLong();

  @Activate
  public SequencerBackend(@Reference SequencerService sequencer,
      @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL) Logger log) {
    this.sequencer = sequencer;
    this.log = log;
  }

  @Override
  public long frameOf(long nanos) {
    return sequencer.snapshot().frame() + LATENCY_FRAMES;
  }

  private void unsupported(String what) {
    if (unsupported.getAndIncrement() == 0 && log != null) {
      log.warn(what + " needs the live player's control backend, which is not installed; "
          + "the sequencer service alone cannot do it (see docs/osc.md)");
    }
  }

  @Override
  public void play(long frame) {
    unsupported("starting the transport");
  }

  @Override
  public void stop(long frame) {
    sequencer.schedule(new SequencerEvent(frame, SequencerEvent.Kind.STOP, 0, -1, 0, "", 0));
  }

  @Override
  public void resume(long frame) {
    unsupported("continuing the transport");
  }

  @Override
  public void locate(long frame, double beats) {
    unsupported("moving the song position");
  }

  @Override
  public void tempo(long frame, double bpm) {
    sequencer.schedule(new SequencerEvent(frame, SequencerEvent.Kind.TEMPO, 0, -1, 0, "", bpm));
  }

  @Override
  public void noteOn(long frame, int track, int key, double velocity) {
    sequencer.schedule(SequencerEvent.noteOn(frame, track, key, (float) velocity));
  }

  @Override
  public void noteOff(long frame, int track, int key) {
    sequencer.schedule(SequencerEvent.noteOff(frame, track, key));
  }

  @Override
  public void parameter(long frame, String node, String parameter, double value) {
    sequencer.schedule(new SequencerEvent(frame, SequencerEvent.Kind.PARAMETER, 0, -1, 0, node + "." + parameter, value));
  }

  @Override
  public void trackVolume(long frame, int track, double volume) {
    sequencer.schedule(new SequencerEvent(frame, SequencerEvent.Kind.PARAMETER, track, -1, 0, "track.volume", volume));
  }

  @Override
  public void trackPan(long frame, int track, double pan) {
    sequencer.schedule(new SequencerEvent(frame, SequencerEvent.Kind.PARAMETER, track, -1, 0, "track.pan", pan));
  }

  @Override
  public void trackMute(long frame, int track, boolean muted) {
    unsupported("muting a track");
  }

  /** Inputs the sequencer service could not take. */
  long unsupported() {
    return unsupported.get();
  }
}
