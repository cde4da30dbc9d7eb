package org.patchwork.marketplace.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.resolver.Resolver;
import org.patchwork.commands.Cli;
import org.patchwork.commands.CommandAlias;
import org.patchwork.sdk.cli.UsageException;
import picocli.CommandLine;

/**
 * {@code pw:market}: the marketplace client on the running host. Immediate, so that its
 * {@code pw:market-*} aliases exist from the start.
 */
@Component(service = MarketCommand.class, immediate = true, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=market",
    "patchwork.command.summary=Install, update and remove bundles from signed repositories (market --help)"})
public final class MarketCommand {

  private static final List<String> SUBCOMMANDS = List.of("add-repo", "remove-repo", "refresh", "search", "info",
      "install", "update", "remove", "list", "rollback", "trust");

  @CommandLine.Command(name = "market add-repo", description = "Add a repository; its catalogue is fetched and verified at once.")
  static final class AddRepo {
    @CommandLine.Parameters(paramLabel = "URL", description = "The site's base URL (http, https or file).")
    String url;
    @CommandLine.Option(names = "--key", required = true, paramLabel = "PUBLIC_KEY",
        description = "The repository's public key file, obtained from its owner by a channel you trust.")
    Path key;
    @CommandLine.Option(names = "--name", paramLabel = "NAME", description = "A short name (default: from the URL).")
    String name;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(name = "market remove-repo", description = "Forget a repository (installed bundles stay).")
  static final class RemoveRepo {
    @CommandLine.Parameters(paramLabel = "NAME")
    String name;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(name = "market refresh", description = "Fetch and verify every repository's catalogue.")
  static final class Refresh {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(name = "market search", description = "Search the cached catalogues (works offline).")
  static final class Search {
    @CommandLine.Parameters(paramLabel = "TEXT", arity = "0..1", description = "Words to find in ids, names, summaries, tags.")
    String text;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(name = "market info", description = "Everything the catalogues say about a bundle.")
  static final class Info {
    @CommandLine.Parameters(paramLabel = "ID", description = "A bundle symbolic name.")
    String id;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(name = "market install", description = {
      "Install bundles and their dependencies on the running host, all or nothing.",
      "Every jar is checked first: SHA-256, publisher signature, trusted and pinned key, safe to open."})
  static final class Install {
    @CommandLine.Parameters(paramLabel = "ID[@VERSION]", arity = "0..*", description = "Bundles (default version: the newest).")
    List<String> ids = new ArrayList<>();
    @CommandLine.Option(names = "--lockfile", paramLabel = "PROJECT", description = {
        "Install the exact bundle versions PROJECT's lockfile names for the modules it uses that are not"
            + " installed; each jar must also have the lockfile's SHA-256."})
    Path lockfile;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(name = "market update", description = "Update installed bundles (or one) to the newest versions offered.")
  static final class Update {
    @CommandLine.Parameters(paramLabel = "ID", arity = "0..1")
    String id;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(name = "market remove", description = "Uninstall a bundle (refused while another depends on it).")
  static final class Remove {
    @CommandLine.Parameters(paramLabel = "ID")
    String id;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(name = "market list", description = "The bundles the marketplace installed.")
  static final class ListOptions {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(name = "market rollback", description = "Return a bundle to the version it had before its last update.")
  static final class Rollback {
    @CommandLine.Parameters(paramLabel = "ID")
    String id;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(name = "market trust", description = "Trust a publisher's public key for bundles signed with it.")
  static final class Trust {
    @CommandLine.Parameters(paramLabel = "KEYFILE", description = "The publisher's public key file.")
    Path key;
    @CommandLine.Option(names = "--for", paramLabel = "ID", description = "Also pin bundle ID to this key (a publisher's key change).")
    String id;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  private final BundleContext context;
  private final Resolver resolver;
  private final List<ServiceRegistration<?>> aliases;

  @Activate
  public MarketCommand(BundleContext context, @Reference Resolver resolver) {
    this.context = context;
    this.resolver = resolver;
    this.aliases = CommandAlias.register(context, "market", SUBCOMMANDS, this::market);
  }

  @Deactivate
  void deactivate() {
    CommandAlias.unregister(aliases);
  }

  /** Runs {@code market SUBCOMMAND ARGS}. Thread: the shell's. */
  public void market(String... args) throws Exception {
    if (args == null || args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      usage();
      return;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    Clock clock = Clock.systemUTC();
    Market market = new Market(context, resolver, System.out, System.err, clock);
    Browse browse = new Browse(market, context, System.out, clock);
    try {
      switch (args[0]) {
        case "add-repo" -> run(Cli.parse(new AddRepo(), rest), o -> market.addRepo(o.url, o.key, o.name));
        case "remove-repo" -> run(Cli.parse(new RemoveRepo(), rest), o -> market.removeRepo(o.name));
        case "refresh" -> run(Cli.parse(new Refresh(), rest), o -> market.refresh());
        case "search" -> run(Cli.parse(new Search(), rest), o -> browse.search(o.text));
        case "info" -> run(Cli.parse(new Info(), rest), o -> browse.info(o.id));
        case "install" -> run(Cli.parse(new Install(), rest), o -> install(market, o));
        case "update" -> run(Cli.parse(new Update(), rest), o -> market.update(o.id));
        case "remove" -> run(Cli.parse(new Remove(), rest), o -> market.remove(o.id));
        case "list" -> run(Cli.parse(new ListOptions(), rest), o -> browse.list());
        case "rollback" -> run(Cli.parse(new Rollback(), rest), o -> market.rollback(o.id));
        case "trust" -> run(Cli.parse(new Trust(), rest), o -> market.trust(o.key, o.id));
        default -> throw new UsageException("market: unknown subcommand '" + args[0] + "' (one of "
            + String.join(", ", SUBCOMMANDS) + ")");
      }
    } finally {
      System.out.flush();
      System.err.flush();
    }
  }

  private interface Action<T> {
    void run(T options) throws Exception;
  }

  private static <T> void run(T options, Action<T> action) throws Exception {
    if (options != null) {
      action.run(options);
    }
  }

  private static void install(Market market, Install o) throws Exception {
    if (o.lockfile != null && !o.ids.isEmpty()) {
      throw new UsageException("market install: give bundle ids or --lockfile PROJECT, not both");
    }
    if (o.lockfile == null && o.ids.isEmpty()) {
      throw new UsageException("market install: name the bundles to install, or --lockfile PROJECT (see 'patchwork"
          + " market install --help')");
    }
    if (o.lockfile != null) {
      market.installLocked(o.lockfile);
    } else {
      market.install(requests(o.ids));
    }
  }

  static List<Planner.Request> requests(List<String> ids) {
    List<Planner.Request> requests = new ArrayList<>();
    for (String s : ids) {
      int at = s.indexOf('@');
      String id = at < 0 ? s : s.substring(0, at);
      String version = at < 0 ? null : s.substring(at + 1);
      if (id.isBlank() || !id.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
        throw new UsageException("market install: not a bundle id: " + s);
      }
      if (version != null) {
        try {
          version = Version.parseVersion(version).toString();
        } catch (IllegalArgumentException e) {
          throw new UsageException("market install: not a version: " + s);
        }
      }
      requests.add(new Planner.Request(id, version));
    }
    return requests;
  }

  private static void usage() {
    System.out.println("Usage: patchwork market SUBCOMMAND [ARGS...]");
    System.out.println("  add-repo URL --key PUBLIC_KEY  add a signed repository");
    System.out.println("  remove-repo NAME               forget a repository");
    System.out.println("  refresh                        fetch and verify every catalogue");
    System.out.println("  search [TEXT]                  search the cached catalogues (offline)");
    System.out.println("  info ID                        describe a bundle");
    System.out.println("  install ID[@VERSION]...        install with dependencies, all or nothing");
    System.out.println("  install --lockfile PROJECT     the exact versions PROJECT's lockfile names for missing modules");
    System.out.println("  update [ID]                    update to the newest versions");
    System.out.println("  remove ID                      uninstall");
    System.out.println("  list                           what the marketplace installed");
    System.out.println("  rollback ID                    back to the version before the last update");
    System.out.println("  trust KEYFILE [--for ID]       trust a publisher's public key");
    System.out.println("Each is also the shell command pw:market-SUBCOMMAND; 'patchwork market SUBCOMMAND --help'"
        + " shows its options.");
    System.out.flush();
  }
}
