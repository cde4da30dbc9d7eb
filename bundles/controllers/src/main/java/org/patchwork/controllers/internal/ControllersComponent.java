package org.patchwork.controllers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
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
import org.patchwork.controllers.ControlListener;
import org.patchwork.controllers.ControlState;
import org.patchwork.controllers.ControlTarget;
import org.patchwork.controllers.ControllerService;
import org.patchwork.midi.MidiClockSender;
import org.patchwork.midi.MidiService;
import org.patchwork.sdk.control.ControlEvent;
import org.patchwork.sdk.control.ControllerMapper;
import org.patchwork.sdk.control.Mapping;
import org.patchwork.sdk.control.ParameterTarget;

/**
 * The host's {@link ControllerService} (also registered as the SDK's {@link ControllerMapper});
 * configuration PID {@code org.patchwork.controllers}. Sends MIDI clock to the configured output
 * following the transport, when one is configured.
 */
@Component(service = {ControllerService.class, ControllerMapper.class}, configurationPid = "org.patchwork.controllers")
@Designate(ocd = ControllersComponent.Config.class)
public final class ControllersComponent implements ControllerService {

  @ObjectClassDefinition(name = "Patchwork controllers")
  public @interface Config {
    @AttributeDefinition(description = "Regex of MIDI input port names whose clock the transport follows; empty for none")
    String clockInput() default "";

    @AttributeDefinition(description = "MIDI output port id that receives Patchwork's clock; empty for none")
    String clockOutput() default "";

    @AttributeDefinition(description = "true: MIDI channel n plays track n; false: notes play the selected track")
    boolean notesByChannel() default false;
  }

  private final ProfilePacks packs;
  private final Controllers controllers;
  private final ClockOut clockOut;

  @Activate
  public ControllersComponent(BundleContext context, Config config, @Reference ControlTarget target,
      @Reference(cardinality = ReferenceCardinality.OPTIONAL) MidiService midi,
      @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL) Logger log) {
    Consumer<String> warn = m -> {
      if (log != null) {
        log.warn(m);
      } else {
        System.err.println("patchwork controllers: " + m);
      }
    };
    String home = context.getProperty("patchwork.home");
    Path root = Path.of(home == null ? System.getProperty("user.home") + "/.patchwork" : home);
    this.packs = new ProfilePacks(context, warn);
    packs.open();
    this.controllers = new Controllers(target, midi, packs::profiles,
        new Controllers.Settings(config.clockInput(), config.notesByChannel(),
            root.resolve("controllers").resolve("mappings.json")), warn);
    this.clockOut = midi != null && !config.clockOutput().isBlank() ? new ClockOut(target, midi, config.clockOutput()) : null;
  }

  @Deactivate
  void deactivate() {
    if (clockOut != null) {
      clockOut.close();
    }
    controllers.close();
    packs.close();
  }

  /** MIDI clock out, following the control state's tempo and transport. */
  private static final class ClockOut implements ControlListener, AutoCloseable {
    private final ControlTarget target;
    private final MidiClockSender sender;
    private double tempo = Double.NaN;
    private boolean playing;

    ClockOut(ControlTarget target, MidiService midi, String port) {
      this.target = target;
      this.sender = new MidiClockSender(bytes -> midi.send(port, bytes));
      target.addListener(this);
    }

    @Override
    public void stateChanged(ControlState s) {
      if (s.tempo() != tempo) {
        tempo = s.tempo();
        sender.tempo(tempo);
      }
      if (s.playing() != playing) {
        playing = s.playing();
        if (playing) {
          sender.position((int) Math.min(16383, Math.round(s.beats() * 4)));
          sender.start();
        } else {
          sender.stop();
        }
      }
    }

    @Override
    public void close() {
      target.removeListener(this);
      sender.close();
    }
  }

  @Override
  public void learn(ParameterTarget target) {
    controllers.learn(target);
  }

  @Override
  public void learn(ParameterTarget target, Mapping.Mode mode, Mapping.Takeover takeover) {
    controllers.learn(target, mode, takeover);
  }

  @Override
  public Optional<ParameterTarget> learning() {
    return controllers.learning();
  }

  @Override
  public void cancelLearn() {
    controllers.cancelLearn();
  }

  @Override
  public boolean unlearn(ParameterTarget target) {
    return controllers.unlearn(target);
  }

  @Override
  public boolean apply(ControlEvent event) {
    return controllers.apply(event);
  }

  @Override
  public List<Mapping> mappings() {
    return controllers.mappings();
  }

  @Override
  public void replaceMappings(List<Mapping> mappings) {
    controllers.replaceMappings(mappings);
  }

  @Override
  public JsonNode projectSection() {
    return controllers.projectSection();
  }

  @Override
  public void loadProjectSection(JsonNode section) {
    controllers.loadProjectSection(section);
  }

  @Override
  public void chooseProfile(String port, String profileId) {
    controllers.chooseProfile(port, profileId);
  }

  @Override
  public List<Device> devices() {
    return controllers.devices();
  }

  @Override
  public List<ProfileInfo> profiles() {
    return packs.infos();
  }
}
