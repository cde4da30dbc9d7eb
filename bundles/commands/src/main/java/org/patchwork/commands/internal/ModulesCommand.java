package org.patchwork.commands.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.patchwork.commands.Cli;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import picocli.CommandLine;

/** {@code pw:modules}: every DSP module the running host offers, with its descriptor. */
@Component(service = ModulesCommand.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=modules",
    "patchwork.command.summary=List every DSP module the running host offers"})
public final class ModulesCommand {

  @CommandLine.Command(name = "modules",
      description = "List every DSP module the running host offers.")
  static final class Options {
    @CommandLine.Option(names = "--json",
        description = "Print each full descriptor, plus the providing bundle, as a JSON array.")
    boolean json;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  private record Offered(ModuleDescriptor descriptor, Bundle bundle) {
  }

  private final BundleContext context;

  @Activate
  public ModulesCommand(BundleContext context) {
    this.context = context;
  }

  /** Runs the command. Thread: the shell's. */
  public void modules(String... args) throws Exception {
    Options options = Cli.parse(new Options(), args);
    if (options == null) {
      return;
    }
    List<Offered> offered = new ArrayList<>();
    for (ServiceReference<ModuleFactory> ref : context.getServiceReferences(ModuleFactory.class, null)) {
      ModuleFactory factory = context.getService(ref);
      if (factory != null) {
        try {
          offered.add(new Offered(factory.descriptor(), ref.getBundle()));
        } finally {
          context.ungetService(ref);
        }
      }
    }
    offered.sort(Comparator.comparing(o -> o.descriptor().id()));
    if (options.json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ArrayNode array = mapper.createArrayNode();
      for (Offered o : offered) {
        ObjectNode node = mapper.valueToTree(o.descriptor());
        sortArrays(node);
        ObjectNode bundle = node.putObject("bundle");
        bundle.put("symbolicName", o.bundle().getSymbolicName());
        bundle.put("version", o.bundle().getVersion().toString());
        array.add(node);
      }
      System.out.println(mapper.writeValueAsString(array));
    } else {
      System.out.printf("%-40s %-10s %-24s %s%n", "ID", "KIND", "NAME", "TAGS");
      for (Offered o : offered) {
        ModuleDescriptor d = o.descriptor();
        System.out.printf("%-40s %-10s %-24s %s%n", d.id(), d.kind(), d.name(),
            String.join(",", d.tags().stream().sorted().toList()));
      }
    }
    System.out.flush();
  }

  /** Sets have no order; sorting their JSON arrays keeps the output the same on every run. */
  private static void sortArrays(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.properties().forEach(e -> {
        if ((e.getKey().equals("tags") || e.getKey().equals("flags")) && e.getValue() instanceof ArrayNode a) {
          List<JsonNode> items = new ArrayList<>(StreamSupport.stream(a.spliterator(), false).toList());
          items.sort(Comparator.comparing(JsonNode::asText));
          a.removeAll();
          a.addAll(items);
        } else {
          sortArrays(e.getValue());
        }
      });
    } else if (node instanceof ArrayNode array) {
      array.forEach(ModulesCommand::sortArrays);
    }
  }
}
