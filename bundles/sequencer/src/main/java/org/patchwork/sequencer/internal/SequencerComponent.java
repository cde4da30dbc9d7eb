package org.patchwork.sequencer.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.sequencer.SequencerEvent;
import org.patchwork.sdk.sequencer.SequencerService;
import org.patchwork.sdk.sequencer.SequencerSnapshot;
import org.patchwork.sequencer.Sequencer;

/**
 * The sequencer as a DS service: one live {@link Sequencer} of an empty song at the configured
 * {@code sampleRate} (component property, default 48000 Hz).
 */
@Component(service = SequencerService.class, property = "sampleRate:Double=48000")
public final class SequencerComponent implements SequencerService {

  private final Sequencer sequencer;

  /** Starts a stopped sequencer. */
  @Activate
  public SequencerComponent(Map<String, Object> properties) {
    Object rate = properties.get("sampleRate");
    this.sequencer = new Sequencer(rate instanceof Number n ? n.doubleValue() : 48_000);
  }

  @Override
  public boolean schedule(SequencerEvent event) {
    return sequencer.schedule(event);
  }

  @Override
  public long renderTicks(int ticks, SequencerEvent.Sink sink) {
    return sequencer.renderTicks(ticks, sink);
  }

  @Override
  public SequencerSnapshot snapshot() {
    return sequencer.snapshot();
  }
}
