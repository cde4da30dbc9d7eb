package org.patchwork.commands;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * A subcommand as a shell command of its own: {@code pw:repo-publish ARGS} runs the same as
 * {@code pw:repo publish ARGS}. {@code bin/patchwork repo publish} reaches {@code pw:repo} (the
 * launcher maps only the first word); the hyphenated names serve shell users and scripts. Gogo calls {@code _main} for
 * any command name a service registers.
 */
public final class CommandAlias {

  /** The command being aliased. */
  public interface Target {
    void run(String... args) throws Exception;
  }

  private final String name;
  private final String subcommand;
  private final Target target;

  private CommandAlias(String name, String subcommand, Target target) {
    this.name = name;
    this.subcommand = subcommand;
    this.target = target;
  }

  /**
   * Gogo's entry point for every function name of this service; Gogo passes the name it was
   * called by first. Thread: the shell's.
   */
  public void _main(String... args) throws Exception {
    int skip = args.length > 0 && args[0].equals(name) ? 1 : 0;
    String[] all = new String[args.length - skip + 1];
    all[0] = subcommand;
    System.arraycopy(args, skip, all, 1, args.length - skip);
    target.run(all);
  }

  /**
   * Registers {@code pw:COMMAND-SUB} for each subcommand; unregister them on deactivation.
   *
   * <pre>{@code
   * aliases = CommandAlias.register(context, "repo", List.of("publish", "verify"), this::repo);
   * }</pre>
   */
  public static List<ServiceRegistration<?>> register(BundleContext context, String command, List<String> subcommands,
      Target target) {
    List<ServiceRegistration<?>> registrations = new ArrayList<>();
    for (String sub : subcommands) {
      Dictionary<String, Object> props = new Hashtable<>();
      props.put("osgi.command.scope", "pw");
      props.put("osgi.command.function", command + "-" + sub);
      props.put("patchwork.command.summary", "Same as '" + command + " " + sub + "'");
      // Lets 'patchwork --help' list the command once, under its own name.
      props.put("patchwork.command.alias", command);
      registrations.add(context.registerService(CommandAlias.class, new CommandAlias(command + "-" + sub, sub, target), props));
    }
    return registrations;
  }

  /** Unregisters what {@link #register} registered; a registration already gone is skipped. */
  public static void unregister(List<ServiceRegistration<?>> registrations) {
    for (ServiceRegistration<?> r : registrations) {
      try {
        r.unregister();
      } catch (IllegalStateException alreadyGone) {
        // The bundle is stopping and the framework removed it first.
      }
    }
  }
}
