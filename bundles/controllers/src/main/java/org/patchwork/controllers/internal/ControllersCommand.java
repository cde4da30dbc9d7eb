package org.patchwork.controllers.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.patchwork.commands.Cli;
import org.patchwork.controllers.ControllerService;
import org.patchwork.midi.MidiPort;
import org.patchwork.midi.MidiService;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sdk.control.Mapping;
import org.patchwork.sdk.control.ParameterTarget;
import picocli.CommandLine;

/** {@code pw:controllers}: devices, matched profiles and active bindings; Mixxx import. */
@Component(service = ControllersCommand.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=controllers",
    "patchwork.command.summary=List MIDI devices, matched controller profiles and active bindings"})
public final class ControllersCommand {

  @CommandLine.Command(name = "controllers",
      description = {"List MIDI devices, the controller profile each matched, and the active bindings.",
          "Actions: learn NODE/PARAM (the next control moved binds to it), unlearn NODE/PARAM, "
              + "profile PORT ID|none (a device uses that profile), save [PROJECT] (the mappings and profile choices "
              + "as the project's controllers section; default: the project held or last played)."})
  static final class Options {
    @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "ACTION",
        description = "learn, unlearn, profile or save; none lists.")
    String action;
    @CommandLine.Parameters(index = "1..*", arity = "0..*", paramLabel = "ARG")
    List<String> args = new java.util.ArrayList<>();
    @CommandLine.Option(names = "--mode", defaultValue = "absolute", paramLabel = "MODE",
        description = "learn: absolute, relative-twos-complement, relative-binary-offset or relative-signed-bit "
            + "(default: ${DEFAULT-VALUE}).")
    String mode;
    @CommandLine.Option(names = "--takeover", defaultValue = "pickup", paramLabel = "MODE",
        description = "learn: jump, pickup or scale (default: ${DEFAULT-VALUE}).")
    String takeover;
    @CommandLine.Option(names = "--json", description = "Print the listing as JSON.")
    boolean json;
    @CommandLine.Option(names = "--import-mixxx", paramLabel = "FILE.midi.xml",
        description = "Convert a Mixxx MIDI mapping into a controller profile (printed, or written with --output).")
    Path mixxx;
    @CommandLine.Option(names = "--output", paramLabel = "FILE.json", description = "Where --import-mixxx writes the profile.")
    Path output;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ControllerService controllers;
  private final MidiService midi;
  private final ProjectMappings projects;

  @Activate
  public ControllersCommand(@Reference ControllerService controllers,
      @Reference(cardinality = ReferenceCardinality.OPTIONAL) MidiService midi,
      // greedy: the command is made again when the project mappings come up after it
      @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
      ProjectMappings projects) {
    this.controllers = controllers;
    this.midi = midi;
    this.projects = projects;
  }

  /** Runs the command. Thread: the shell's. */
  public void controllers(String... args) throws Exception {
    Options o = Cli.parse(new Options(), args);
    if (o == null) {
      return;
    }
    if (o.mixxx != null) {
      importMixxx(o.mixxx, o.output);
      return;
    }
    if (o.output != null) {
      throw new UsageException("controllers: --output goes with --import-mixxx");
    }
    if (o.action != null) {
      act(o);
      return;
    }
    ObjectNode listing = listing(midi == null ? List.of() : midi.ports(), controllers);
    if (o.json) {
      System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(listing));
    } else {
      System.out.print(text(listing));
    }
    System.out.flush();
  }

  private void act(Options o) throws IOException {
    switch (o.action) {
      case "learn" -> {
        ParameterTarget t = target(o, "learn");
        Mapping.Mode mode;
        Mapping.Takeover takeover;
        try {
          mode = Mapping.Mode.valueOf(o.mode.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
          takeover = Mapping.Takeover.valueOf(o.takeover.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new UsageException("controllers: --mode is absolute, relative-twos-complement, relative-binary-offset "
              + "or relative-signed-bit; --takeover is jump, pickup or scale");
        }
        controllers.learn(t, mode, takeover);
        System.out.println("learning: the next control moved binds to " + t.instanceId() + "/" + t.parameterId());
      }
      case "unlearn" -> {
        ParameterTarget t = target(o, "unlearn");
        System.out.println(controllers.unlearn(t) ? "unlearned " + t.instanceId() + "/" + t.parameterId()
            : "no mapping to " + t.instanceId() + "/" + t.parameterId());
      }
      case "profile" -> {
        if (o.args.size() != 2) {
          throw new UsageException("controllers: profile takes a port id and a profile id (or none)");
        }
        try {
          controllers.chooseProfile(o.args.get(0), o.args.get(1).equals("none") ? null : o.args.get(1));
        } catch (IllegalArgumentException e) {
          throw new UsageException("controllers: " + e.getMessage());
        }
        System.out.println(o.args.get(0) + " uses " + (o.args.get(1).equals("none") ? "the profile its name matches"
            : "profile " + o.args.get(1)));
      }
      case "save" -> {
        if (projects == null) {
          throw new UsageException("controllers: save needs the playback bundle");
        }
        if (o.args.size() > 1) {
          throw new UsageException("controllers: save takes at most one project");
        }
        Path project = o.args.isEmpty() ? projects.heldProject() : projectFile(o.args.getFirst());
        if (project == null) {
          throw new UsageException("controllers: no project held or played: name one (save PROJECT)");
        }
        System.out.println("saved " + controllers.mappings().size() + " mappings to " + projects.save(project));
      }
      default -> throw new UsageException("controllers: unknown action '" + o.action
          + "': choose learn, unlearn, profile or save");
    }
    System.out.flush();
  }

  private static ParameterTarget target(Options o, String action) {
    String a = o.args.size() == 1 ? o.args.getFirst() : "";
    int slash = a.indexOf('/');
    if (slash <= 0 || slash == a.length() - 1) {
      throw new UsageException("controllers: " + action + " takes one NODE/PARAM, e.g. lead/cutoff");
    }
    return new ParameterTarget(a.substring(0, slash), a.substring(slash + 1));
  }

  /** A project folder or its json file. */
  private static Path projectFile(String argument) {
    Path p = Path.of(argument).toAbsolutePath().normalize();
    if (Files.isDirectory(p)) {
      p = p.resolve("project.json");
    }
    if (!Files.isRegularFile(p)) {
      throw new UsageException("controllers: no such project: " + argument);
    }
    return p;
  }

  private static void importMixxx(Path file, Path output) throws IOException {
    byte[] xml;
    try {
      xml = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UsageException("controllers: cannot read " + file + ": " + e.getMessage());
    }
    MixxxImporter.Result r;
    try {
      r = MixxxImporter.convert(file.getFileName().toString(), xml);
    } catch (IllegalArgumentException e) {
      throw new UsageException("controllers: " + e.getMessage());
    }
    if (output == null) {
      System.out.print(r.json());
    } else {
      Files.writeString(output, r.json());
    }
    System.err.printf("imported %d Mixxx controls; %d left out%n", r.imported(), r.skipped().size());
    r.skipped().forEach(s -> System.err.println("  left out: " + s));
  }

  static ObjectNode listing(List<MidiPort> ports, ControllerService controllers) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode ps = root.putArray("ports");
    for (MidiPort p : ports) {
      ObjectNode n = ps.addObject();
      n.put("id", p.id());
      n.put("name", p.name());
      n.put("direction", p.input() ? "in" : "out");
      n.put("backend", p.backend());
    }
    ArrayNode ds = root.putArray("devices");
    for (ControllerService.Device d : controllers.devices()) {
      ObjectNode n = ds.addObject();
      n.put("input", d.port());
      n.put("name", d.name());
      n.put("output", d.output());
      n.put("profile", d.profile());
      n.put("profileName", d.profileName());
      ArrayNode b = n.putArray("bindings");
      d.bindings().forEach(b::add);
    }
    ArrayNode pr = root.putArray("profiles");
    for (ControllerService.ProfileInfo p : controllers.profiles()) {
      pr.addObject().put("id", p.id()).put("name", p.name()).put("vendor", p.vendor()).put("pack", p.pack());
    }
    ArrayNode ms = root.putArray("mappings");
    for (Mapping m : controllers.mappings()) {
      ObjectNode n = ms.addObject();
      n.put("source", m.source());
      n.put("kind", MappingsJson.kind(m.kind()));
      n.put("channel", m.channel());
      n.put("number", m.number());
      n.put("target", m.target().instanceId() + "/" + m.target().parameterId());
      n.put("mode", m.mode().name().toLowerCase().replace('_', '-'));
      n.put("takeover", m.takeover().name().toLowerCase());
    }
    controllers.learning().ifPresent(t -> root.put("learning", t.instanceId() + "/" + t.parameterId()));
    return root;
  }

  static String text(ObjectNode listing) {
    StringBuilder s = new StringBuilder();
    s.append(String.format("%-36s %-4s %-9s %s%n", "PORT", "DIR", "BACKEND", "NAME"));
    listing.get("ports").forEach(p -> s.append(String.format("%-36s %-4s %-9s %s%n", p.get("id").asText(),
        p.get("direction").asText(), p.get("backend").asText(), p.get("name").asText())));
    s.append(String.format("%nDEVICES%n"));
    if (listing.get("devices").isEmpty()) {
      s.append("  (no input device)\n");
    }
    listing.get("devices").forEach(d -> {
      s.append(String.format("  %s -> %s  profile: %s%n", d.get("input").asText(),
          d.get("output").asText().isEmpty() ? "(no output)" : d.get("output").asText(),
          d.get("profile").asText().isEmpty() ? "(none)" : d.get("profileName").asText() + " [" + d.get("profile").asText() + "]"));
      d.get("bindings").forEach(b -> s.append("      ").append(b.asText()).append('\n'));
    });
    s.append(String.format("%nPROFILES%n"));
    listing.get("profiles").forEach(p -> s.append(String.format("  %-36s %s (%s)  from %s%n", p.get("id").asText(),
        p.get("name").asText(), p.get("vendor").asText(), p.get("pack").asText())));
    s.append(String.format("%nLEARNED MAPPINGS%n"));
    if (listing.get("mappings").isEmpty()) {
      s.append("  (none)\n");
    }
    listing.get("mappings").forEach(m -> s.append(String.format("  %s %s ch%d #%d -> %s (%s, %s)%n",
        m.get("source").asText(), m.get("kind").asText(), m.get("channel").asInt(), m.get("number").asInt(),
        m.get("target").asText(), m.get("mode").asText(), m.get("takeover").asText())));
    if (listing.has("learning")) {
      s.append("  learning: the next control moved binds to ").append(listing.get("learning").asText()).append('\n');
    }
    return s.toString();
  }
}
