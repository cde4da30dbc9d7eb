package org.patchwork.controllers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.patchwork.controllers.ControlListener;
import org.patchwork.controllers.ControlState;
import org.patchwork.controllers.ControlTarget;
import org.patchwork.controllers.ControllerService;
import org.patchwork.controllers.ParameterRange;
import org.patchwork.midi.MidiClockFollower;
import org.patchwork.midi.MidiEvent;
import org.patchwork.midi.MidiListener;
import org.patchwork.midi.MidiPort;
import org.patchwork.midi.MidiService;
import org.patchwork.midi.PortListener;
import org.patchwork.sdk.control.ControlEvent;
import org.patchwork.sdk.control.Mapping;
import org.patchwork.sdk.control.ParameterTarget;
import org.patchwork.sdk.control.RateLimitedLog;

/**
 * The controllers without OSGi: routes every MIDI input (clock to the transport, profile
 * controls to their actions, learned controls to their parameters, the rest of the notes to the
 * selected track), sets up devices that match a profile (init messages, identity request, LED
 * feedback) and keeps the learned mappings, saved as user defaults after every change.
 */
public final class Controllers implements ControllerService, MidiListener, PortListener, ControlListener, AutoCloseable {

  /**
   * @param clockInput a regex of port names whose MIDI clock the transport follows; empty: none
   * @param notesByChannel true: MIDI channel n plays track n; false: every note plays the selected track
   * @param userDefaults where learned mappings are saved and read at start, or null
   */
  public record Settings(String clockInput, boolean notesByChannel, Path userDefaults) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ControlTarget target;
  private final MidiService midi;
  private final Supplier<List<Profile>> profiles;
  private final Settings settings;
  private final Pattern clockPorts;
  private final RateLimitedLog log;
  private final Mapper mapper;
  private final Map<String, Surface> surfaces = new ConcurrentHashMap<>();
  private final Map<String, MidiClockFollower> clocks = new ConcurrentHashMap<>();
  /** Profile choices: profile id by input port id (the project's or the user's). */
  private volatile Map<String, String> chosen = Map.of();

  /** With the profiles this bundle ships, read from the class path (tools and tests without OSGi). */
  public static Controllers withBuiltInProfiles(ControlTarget target, MidiService midi, Settings settings,
      Consumer<String> warn) {
    List<Profile> builtIn = ProfilePacks.builtIn();
    return new Controllers(target, midi, () -> builtIn, settings, warn);
  }

  Controllers(ControlTarget target, MidiService midi, Supplier<List<Profile>> profiles, Settings settings,
      Consumer<String> warn) {
    this.target = target;
    this.midi = midi;
    this.profiles = profiles;
    this.settings = settings;
    this.clockPorts = settings.clockInput() == null || settings.clockInput().isBlank() ? null
        : Pattern.compile(settings.clockInput());
    this.log = new RateLimitedLog(warn, 5_000);
    this.mapper = new Mapper(new Output());
    loadDefaults();
    mapper.onChange(this::saveDefaults);
    target.addListener(this);
    if (midi != null) {
      midi.addPortListener(this);
      midi.addListener(this);
      portsChanged(midi.ports(), List.of());
    }
  }

  // ---- ControllerService ----

  @Override
  public void learn(ParameterTarget t) {
    mapper.learn(t);
  }

  @Override
  public void learn(ParameterTarget t, Mapping.Mode mode, Mapping.Takeover takeover) {
    mapper.learn(t, mode, takeover);
  }

  @Override
  public Optional<ParameterTarget> learning() {
    return mapper.learning();
  }

  @Override
  public void cancelLearn() {
    mapper.cancelLearn();
  }

  @Override
  public boolean unlearn(ParameterTarget t) {
    return mapper.unlearn(t);
  }

  @Override
  public boolean apply(ControlEvent event) {
    return mapper.apply(event);
  }

  @Override
  public List<Mapping> mappings() {
    return mapper.mappings();
  }

  @Override
  public void replaceMappings(List<Mapping> mappings) {
    mapper.replace(List.copyOf(mappings));
  }

  @Override
  public JsonNode projectSection() {
    return MappingsJson.write(new MappingsJson.Section(mapper.mappings(), chosen));
  }

  @Override
  public void loadProjectSection(JsonNode section) {
    load(MappingsJson.section("the project's controllers section", section));
  }

  private void load(MappingsJson.Section section) {
    for (Map.Entry<String, String> c : section.profiles().entrySet()) {
      if (profiles.get().stream().noneMatch(p -> p.id().equals(c.getValue()))) {
        log.warn("profile '" + c.getValue() + "' chosen for " + c.getKey() + " is not installed; its name match is used");
      }
    }
    Map<String, String> before = chosen;
    chosen = Map.copyOf(section.profiles());
    mapper.replace(section.mappings());
    for (Surface s : surfaces.values()) {
      if (!java.util.Objects.equals(before.get(s.input), chosen.get(s.input))) {
        choose(s);
      }
    }
  }

  @Override
  public void chooseProfile(String port, String profileId) {
    if (profileId != null && !profileId.isEmpty()
        && profiles.get().stream().noneMatch(p -> p.id().equals(profileId))) {
      throw new IllegalArgumentException("no controller profile '" + profileId + "' is installed (see patchwork controllers)");
    }
    Map<String, String> next = new java.util.LinkedHashMap<>(chosen);
    if (profileId == null || profileId.isEmpty()) {
      next.remove(port);
    } else {
      next.put(port, profileId);
    }
    chosen = Map.copyOf(next);
    Surface s = surfaces.get(port);
    if (s != null) {
      choose(s);
    }
    saveDefaults();
  }

  /**
   * Gives a device the profile chosen for its port, set up at once; without a choice, the one
   * its name matches (and its identity reply, asked for again, may pick another).
   */
  private void choose(Surface s) {
    String id = chosen.get(s.input);
    Profile p = id != null
        ? profiles.get().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null)
        : matching(s.name);
    if (s.profile() != p) {
      s.profile(p);
      setUp(s);
      if (id == null && !s.output.isEmpty() && midi != null
          && profiles.get().stream().anyMatch(pr -> pr.match().identity() != null)) {
        midi.send(s.output, Identity.REQUEST);
      }
    }
  }

  /** The first profile one of whose port-name patterns is found in {@code name}, or null. */
  private Profile matching(String name) {
    return profiles.get().stream()
        .filter(pr -> pr.match().portNames().stream().anyMatch(r -> r.matcher(name).find()))
        .findFirst().orElse(null);
  }

  @Override
  public List<ProfileInfo> profiles() {
    // Without OSGi there are no packs: the profiles given, as shipped with this bundle.
    List<ProfileInfo> out = new ArrayList<>();
    for (Profile p : profiles.get()) {
      out.add(new ProfileInfo(p.id(), p.name(), p.vendor(), "org.patchwork.controllers"));
    }
    return out;
  }

  @Override
  public List<Device> devices() {
    List<Device> out = new ArrayList<>();
    surfaces.values().stream().sorted((a, b) -> a.input.compareTo(b.input)).forEach(s -> {
      Profile p = s.profile();
      out.add(new Device(s.input, s.name, s.output, p == null ? "" : p.id(), p == null ? "" : p.name(),
          s.describeBindings()));
    });
    return out;
  }

  // ---- devices ----

  @Override
  public void portsChanged(List<MidiPort> added, List<MidiPort> removed) {
    for (MidiPort p : removed) {
      if (p.input()) {
        surfaces.remove(p.id());
        clocks.remove(p.id());
      }
    }
    List<MidiPort> all = midi == null ? added : midi.ports();
    for (MidiPort p : added) {
      if (!p.input() || surfaces.containsKey(p.id())) {
        continue;
      }
      String output = outputFor(p, all);
      Profile profile = matching(p.name());
      String choice = chosen.get(p.id());
      Profile picked = choice == null ? null
          : profiles.get().stream().filter(x -> x.id().equals(choice)).findFirst().orElse(null);
      Surface s = new Surface(p.id(), p.name(), output, picked != null ? picked : profile);
      surfaces.put(p.id(), s);
      if (!output.isEmpty() && profiles.get().stream().anyMatch(pr -> pr.match().identity() != null)) {
        midi.send(output, Identity.REQUEST);
      }
      setUp(s);
    }
  }

  /** The output of the same device: the same name (javax.sound.midi), or the JACK pair. */
  private static String outputFor(MidiPort in, List<MidiPort> ports) {
    for (MidiPort o : ports) {
      if (!o.input() && o.backend().equals(in.backend())
          && (o.name().equals(in.name()) || (in.backend().equals(MidiPort.JACK) && o.id().equals("jack:midi_out")))) {
        return o.id();
      }
    }
    return "";
  }

  private void setUp(Surface s) {
    Profile p = s.profile();
    if (p == null || s.output.isEmpty() || midi == null) {
      return;
    }
    for (byte[] m : p.init()) {
      midi.send(s.output, m);
    }
    for (byte[] m : s.feedback(target.state())) {
      midi.send(s.output, m);
    }
  }

  // ---- MIDI input ----

  @Override
  public void onMidi(MidiEvent e) {
    Surface s = surfaces.get(e.port());
    if (e.status() == 0xF0) {
      Identity id = Identity.parse(e);
      if (id != null && s != null && !chosen.containsKey(e.port())) {
        profiles.get().stream().filter(p -> id.matches(p.match().identity())).findFirst().ifPresent(p -> {
          if (s.profile() != p) {
            s.profile(p);
            setUp(s);
          }
        });
      }
      return;
    }
    if (e.isRealTime() || e.status() == 0xF2) {
      if (clockPorts != null && s != null && clockPorts.matcher(s.name).find()) {
        clocks.computeIfAbsent(e.port(), k -> new MidiClockFollower(new ClockToTransport())).accept(e);
      }
      return;
    }
    if (s != null && s.act(e, target)) {
      return;
    }
    ControlEvent c = controlEvent(e);
    if (c != null && mapper.apply(c, e.nanos())) {
      return;
    }
    if (e.isNoteOn() || e.isNoteOff()) {
      int track = settings.notesByChannel() ? e.channel() : target.state().selectedTrack();
      try {
        if (e.isNoteOn()) {
          target.noteOn(e.nanos(), track, e.data1(), e.data2() / 127.0);
        } else {
          target.noteOff(e.nanos(), track, e.data1());
        }
      } catch (IllegalArgumentException ex) {
        log.warn("note from " + e.port() + " refused: " + ex.getMessage());
      }
    }
  }

  static ControlEvent controlEvent(MidiEvent e) {
    return switch (e.command()) {
      case 0xB0 -> new ControlEvent(e.port(), ControlEvent.Kind.CONTROL_CHANGE, e.channel(), e.data1(), e.data2(), 0);
      case 0x80, 0x90 -> new ControlEvent(e.port(), ControlEvent.Kind.NOTE, e.channel(), e.data1(),
          e.isNoteOn() ? e.data2() : 0, 0);
      case 0xE0 -> new ControlEvent(e.port(), ControlEvent.Kind.PITCH_BEND, e.channel(), 0, e.pitchBend(), 0);
      case 0xC0 -> new ControlEvent(e.port(), ControlEvent.Kind.PROGRAM_CHANGE, e.channel(), e.data1(), 0, 0);
      default -> null;
    };
  }

  private final class ClockToTransport implements MidiClockFollower.Listener {
    @Override
    public void start(long nanos) {
      target.play(nanos);
    }

    @Override
    public void resume(long nanos) {
      target.resume(nanos);
    }

    @Override
    public void stop(long nanos) {
      target.stop(nanos);
    }

    @Override
    public void position(int sixteenths, long nanos) {
      target.locate(nanos, sixteenths / 4.0);
    }

    @Override
    public void tempo(double bpm, long nanos) {
      target.tempo(nanos, Math.max(1, Math.min(999, Math.round(bpm * 100) / 100.0)));
    }
  }

  // ---- feedback ----

  @Override
  public void parameterChanged(String node, String parameter, double value) {
    ParameterRange r = target.range(node, parameter);
    mapper.parameterChanged(new ParameterTarget(node, parameter), (r == null ? ParameterRange.UNIT : r).fraction(value));
  }

  @Override
  public void stateChanged(ControlState state) {
    if (midi == null) {
      return;
    }
    for (Surface s : surfaces.values()) {
      for (byte[] m : s.feedback(state)) {
        midi.send(s.output, m);
      }
    }
  }

  private final class Output implements Mapper.Output {
    @Override
    public void set(ParameterTarget t, double x, long nanos) {
      try {
        target.parameter(nanos, t.instanceId(), t.parameterId(), Mapper.value(target.range(t.instanceId(), t.parameterId()), x));
      } catch (IllegalArgumentException e) {
        log.warn("mapping to " + t + " refused: " + e.getMessage());
      }
    }

    @Override
    public double current(ParameterTarget t) {
      Double v = target.state().parameters().get(t.instanceId() + "/" + t.parameterId());
      if (v == null) {
        return Double.NaN;
      }
      ParameterRange r = target.range(t.instanceId(), t.parameterId());
      return (r == null ? ParameterRange.UNIT : r).fraction(v);
    }

    @Override
    public void feedback(String source, byte[] message) {
      Surface s = surfaces.get(source);
      if (midi != null && s != null && !s.output.isEmpty()) {
        midi.send(s.output, message);
      }
    }
  }

  // ---- user defaults ----

  private void loadDefaults() {
    Path file = settings.userDefaults();
    if (file == null || !Files.isRegularFile(file)) {
      return;
    }
    try {
      load(MappingsJson.section(file.toString(), JSON.readTree(file.toFile())));
    } catch (IOException | IllegalArgumentException e) {
      log.warn("controller mappings in " + file + " not loaded: " + e.getMessage());
    }
  }

  private void saveDefaults() {
    Path file = settings.userDefaults();
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".mappings", ".tmp");
      Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(projectSection()) + "\n");
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      log.warn("controller mappings not saved to " + file + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    target.removeListener(this);
    if (midi != null) {
      midi.removeListener(this);
      midi.removePortListener(this);
    }
  }
}
