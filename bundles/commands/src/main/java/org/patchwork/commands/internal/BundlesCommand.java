package org.patchwork.commands.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.patchwork.commands.Cli;
import picocli.CommandLine;

/** {@code pw:bundles}: every installed bundle with its symbolic name, version and state. */
@Component(service = BundlesCommand.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=bundles",
    "patchwork.command.summary=List every bundle with its symbolic name, version and state"})
public final class BundlesCommand {

  @CommandLine.Command(name = "bundles", mixinStandardHelpOptions = false,
      description = "List every bundle with its symbolic name, version and state.")
  static final class Options {
    @CommandLine.Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  private final BundleContext context;

  @Activate
  public BundlesCommand(BundleContext context) {
    this.context = context;
  }

  /** Runs the command. Thread: the shell's. */
  public void bundles(String... args) throws Exception {
    Options options = Cli.parse(new Options(), args);
    if (options == null) {
      return;
    }
    Bundle[] bundles = context.getBundles();
    if (options.json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ArrayNode array = mapper.createArrayNode();
      for (Bundle b : bundles) {
        ObjectNode o = array.addObject();
        o.put("id", b.getBundleId());
        o.put("symbolicName", b.getSymbolicName());
        o.put("version", b.getVersion().toString());
        o.put("state", state(b));
        o.put("fragment", b.getHeaders("").get(Constants.FRAGMENT_HOST) != null);
      }
      System.out.println(mapper.writeValueAsString(array));
    } else {
      System.out.printf("%4s  %-10s  %-48s %s%n", "ID", "STATE", "SYMBOLIC NAME", "VERSION");
      for (Bundle b : bundles) {
        System.out.printf("%4d  %-10s  %-48s %s%n",
            b.getBundleId(), state(b), b.getSymbolicName(), b.getVersion());
      }
    }
    System.out.flush();
  }

  static String state(Bundle b) {
    return switch (b.getState()) {
      case Bundle.ACTIVE -> "ACTIVE";
      case Bundle.RESOLVED -> "RESOLVED";
      case Bundle.INSTALLED -> "INSTALLED";
      case Bundle.STARTING -> "STARTING";
      case Bundle.STOPPING -> "STOPPING";
      default -> "UNINSTALLED";
    };
  }
}
