package org.patchwork.controllers.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.patchwork.controllers.ControlBackend;
import org.patchwork.controllers.ControlListener;
import org.patchwork.controllers.ControlState;
import org.patchwork.controllers.ControlTarget;
import org.patchwork.controllers.ParameterRange;

/**
 * The host's {@link ControlTarget}: a {@link ControlBus} applying inputs to the best-ranked
 * {@link ControlBackend} service (swapped while running when a better one comes).
 */
@Component(service = ControlTarget.class)
public final class ControlBusComponent implements ControlTarget {

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile ControlBackend backend;

  private final ControlBus bus;

  @Activate
  public ControlBusComponent(
      @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL) Logger log) {
    this.bus = new ControlBus(() -> backend, m -> {
      if (log != null) {
        log.warn(m);
      } else {
        System.err.println("patchwork control: " + m);
      }
    });
  }

  @Deactivate
  void deactivate() {
    bus.close();
  }

  @Override
  public boolean play(long nanos) {
    return bus.play(nanos);
  }

  @Override
  public boolean stop(long nanos) {
    return bus.stop(nanos);
  }

  @Override
  public boolean resume(long nanos) {
    return bus.resume(nanos);
  }

  @Override
  public boolean locate(long nanos, double beats) {
    return bus.locate(nanos, beats);
  }

  @Override
  public boolean tempo(long nanos, double bpm) {
    return bus.tempo(nanos, bpm);
  }

  @Override
  public boolean noteOn(long nanos, int track, int key, double velocity) {
    return bus.noteOn(nanos, track, key, velocity);
  }

  @Override
  public boolean noteOff(long nanos, int track, int key) {
    return bus.noteOff(nanos, track, key);
  }

  @Override
  public boolean parameter(long nanos, String node, String parameter, double value) {
    return bus.parameter(nanos, node, parameter, value);
  }

  @Override
  public boolean trackVolume(long nanos, int track, double volume) {
    return bus.trackVolume(nanos, track, volume);
  }

  @Override
  public boolean trackPan(long nanos, int track, double pan) {
    return bus.trackPan(nanos, track, pan);
  }

  @Override
  public boolean trackMute(long nanos, int track, boolean muted) {
    return bus.trackMute(nanos, track, muted);
  }

  @Override
  public boolean command(long nanos, String name, int argument) {
    return bus.command(nanos, name, argument);
  }

  @Override
  public ControlState state() {
    return bus.state();
  }

  @Override
  public ParameterRange range(String node, String parameter) {
    return bus.range(node, parameter);
  }

  @Override
  public void addListener(ControlListener listener) {
    bus.addListener(listener);
  }

  @Override
  public void removeListener(ControlListener listener) {
    bus.removeListener(listener);
  }
}
