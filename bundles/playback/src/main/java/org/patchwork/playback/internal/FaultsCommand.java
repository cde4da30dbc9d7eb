package org.patchwork.playback.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.commands.Cli;
import org.patchwork.engine.ModuleFault;
import org.patchwork.engine.ModuleGuard;
import picocli.CommandLine;

/**
 * {@code pw:faults}: the modules the engine bypassed (they threw, wrote NaN or infinity,
 * overran their CPU budget) or holds back (the host died while activating one last time), and
 * {@code --clear ID} to let a module be created again: playing sessions then rebind its
 * placeholders and give its quarantined nodes a fresh instance.
 */
@Component(service = FaultsCommand.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=faults",
    "patchwork.command.summary=List modules bypassed or held back after faults; --clear ID lets one run again"})
public final class FaultsCommand {

  @CommandLine.Command(name = "faults",
      description = "List the modules bypassed or held back after faults in this host (latest 500).")
  static final class Options {
    @CommandLine.Option(names = "--clear", paramLabel = "ID",
        description = "Forget the faults of module ID and stop holding it back; playing sessions rebind it.")
    String clear;
    @CommandLine.Option(names = "--json", description = "Print the faults and held-back modules as JSON.")
    boolean json;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  private final ModuleGuard guard;

  @Activate
  public FaultsCommand(@Reference ModuleGuard guard) {
    this.guard = guard;
  }

  /** Runs the command. Thread: the shell's. */
  public void faults(String... args) throws Exception {
    Options o = Cli.parse(new Options(), args);
    if (o == null) {
      return;
    }
    if (o.clear != null) {
      boolean held = guard.isHeldBack(o.clear);
      if (guard.clear(o.clear)) {
        System.out.println("cleared " + o.clear + (held ? ": no longer held back; playing sessions rebind it"
            : ": its faults are forgotten; playing sessions give its bypassed nodes a fresh instance"));
      } else {
        System.out.println("nothing to clear for " + o.clear);
      }
      System.out.flush();
      return;
    }
    List<ModuleFault> faults = guard.faults();
    List<String> held = guard.heldBack();
    if (o.json) {
      ObjectNode root = new ObjectMapper().createObjectNode();
      root.set("faults", LiveStats.faults(root, faults));
      held.forEach(root.putArray("heldBack")::add);
      System.out.println(root.toPrettyString());
      System.out.flush();
      return;
    }
    if (faults.isEmpty()) {
      System.out.println("no module faults");
    } else {
      System.out.printf("%-36s %-10s %-12s %-11s %-24s %s%n", "MODULE", "VERSION", "NODE", "REASON", "TIME", "FRAME");
      for (ModuleFault f : faults) {
        System.out.printf("%-36s %-10s %-12s %-11s %-24s %s%n", f.moduleId(), f.version().isEmpty() ? "-" : f.version(),
            f.nodeId().isEmpty() ? "-" : f.nodeId(), f.reason(), f.time(), f.frame() < 0 ? "-" : f.frame());
        System.out.println("    " + f.detail());
      }
    }
    for (String id : held) {
      System.out.println("held back: " + id + " (clear with 'pw:faults --clear " + id + "')");
    }
    System.out.flush();
  }
}
