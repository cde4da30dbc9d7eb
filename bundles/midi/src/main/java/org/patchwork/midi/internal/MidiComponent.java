package org.patchwork.midi.internal;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.patchwork.midi.MidiListener;
import org.patchwork.midi.MidiPort;
import org.patchwork.midi.MidiService;
import org.patchwork.midi.PortListener;

/** The {@link MidiService} of the host; configuration PID {@code org.patchwork.midi}. */
@Component(service = MidiService.class, configurationPid = "org.patchwork.midi")
@Designate(ocd = MidiComponent.Config.class)
public final class MidiComponent implements MidiService {

  @ObjectClassDefinition(name = "Patchwork MIDI", description = "MIDI devices and JACK MIDI ports")
  public @interface Config {
    @AttributeDefinition(description = "How often javax.sound.midi devices are listed again (hot-plug), ms")
    int rescanMillis() default 2000;

    // Off unless configured (PID org.patchwork.midi, jack=auto|on): a JACK client opened at every
    // host start would make libjack print connection errors on every command where no server
    // runs, and would race the audio driver for the JACK server's attention at start-up.
    @AttributeDefinition(description = "JACK MIDI ports: auto, on or off")
    String jack() default "off";

    // The audio driver's client is there only while audio plays through JACK, so this costs
    // nothing otherwise and never races the audio client for its name.
    @AttributeDefinition(description = "Put midi_in/midi_out on the audio driver's JACK client (patchwork:midi_in) "
        + "whenever audio plays through JACK")
    boolean jackAudioClient() default true;

    @AttributeDefinition(description = "The separate JACK client's name; ports are NAME:midi_in and NAME:midi_out")
    String jackClientName() default "patchwork-midi";

    @AttributeDefinition(description = "The JACK server name; empty for JACK's default")
    String jackServer() default "";
  }

  private final Midi midi;

  @Activate
  public MidiComponent(Config config,
      @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL) Logger log) {
    this.midi = new Midi(new Midi.Settings(config.rescanMillis(), config.jack(), config.jackClientName(),
        config.jackServer(), config.jackAudioClient()), message -> {
          if (log != null) {
            log.warn(message);
          } else {
            System.err.println("patchwork midi: " + message);
          }
        });
  }

  @Deactivate
  void deactivate() {
    midi.close();
  }

  @Override
  public List<MidiPort> ports() {
    return midi.ports();
  }

  @Override
  public void addListener(MidiListener listener) {
    midi.addListener(listener);
  }

  @Override
  public void removeListener(MidiListener listener) {
    midi.removeListener(listener);
  }

  @Override
  public void addPortListener(PortListener listener) {
    midi.addPortListener(listener);
  }

  @Override
  public void removePortListener(PortListener listener) {
    midi.removePortListener(listener);
  }

  @Override
  public boolean send(String portId, byte[] message) {
    return midi.send(portId, message);
  }

  @Override
  public Stats stats() {
    return midi.stats();
  }
}
