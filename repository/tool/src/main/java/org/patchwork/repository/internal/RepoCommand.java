package org.patchwork.repository.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.patchwork.commands.Cli;
import org.patchwork.commands.CommandAlias;
import org.patchwork.repository.Keys;
import org.patchwork.sdk.cli.UsageException;
import picocli.CommandLine;

/**
 * {@code pw:repo}: keys, publishing and checking of marketplace repositories. Immediate, so that
 * its {@code pw:repo-*} aliases exist from the start.
 */
@Component(service = RepoCommand.class, immediate = true, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=repo",
    "patchwork.command.summary=Publish bundles to a signed marketplace repository (repo keygen|publish|verify)"})
public final class RepoCommand {

  private static final List<String> SUBCOMMANDS = List.of("keygen", "publish", "verify");

  @CommandLine.Command(name = "repo keygen", description = {
      "Write a new Ed25519 key pair: DIR/private.key (keep it secret) and DIR/public.key (give it to users)."})
  static final class Keygen {
    @CommandLine.Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write to.")
    Path out;
    @CommandLine.Option(names = "--force", description = "Replace keys already in DIR.")
    boolean force;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(name = "repo publish", description = {
      "Add bundles to a repository site folder: copy and sign each jar, regenerate the R5 index, and write"
          + " the catalogue with its version one higher, signed by the repository key.",
      "A module whose ports or parameters changed incompatibly since the previous version is refused"
          + " unless its major version went up."})
  static final class Publish {
    @CommandLine.Option(names = "--key", required = true, paramLabel = "PRIVATE_KEY",
        description = "The repository's private key; it signs the catalogue (and the bundles, unless --publisher-key).")
    Path key;
    @CommandLine.Option(names = "--out", required = true, paramLabel = "SITE", description = "The site folder.")
    Path out;
    @CommandLine.Option(names = "--publisher-key", paramLabel = "PRIVATE_KEY",
        description = "The publisher's private key, to sign the bundles with (default: --key).")
    Path publisherKey;
    @CommandLine.Option(names = "--valid-for", paramLabel = "DURATION", defaultValue = "30d",
        description = "How long clients accept this catalogue: 30d, 12h, 90m, 45s or ISO-8601 (default: ${DEFAULT-VALUE}).")
    String validFor;
    @CommandLine.Option(names = "--name", paramLabel = "NAME", description = "The repository's name (default: kept, or the folder's).")
    String name;
    @CommandLine.Parameters(paramLabel = "JAR", arity = "1..*", description = "Bundle jars; NAME.json beside NAME.jar adds catalogue fields.")
    List<Path> jars = new ArrayList<>();
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  @CommandLine.Command(name = "repo verify", description = {
      "Check a site as a client would: catalogue signature and expiry, index digest, and every jar's digest,"
          + " publisher signature and safety."})
  static final class Verify {
    @CommandLine.Option(names = "--key", required = true, paramLabel = "PUBLIC_KEY", description = "The repository's public key.")
    Path key;
    @CommandLine.Parameters(paramLabel = "SITE", description = "The site folder.")
    Path site;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  private final List<ServiceRegistration<?>> aliases;

  @Activate
  public RepoCommand(BundleContext context) {
    this.aliases = CommandAlias.register(context, "repo", SUBCOMMANDS, this::repo);
  }

  @Deactivate
  void deactivate() {
    CommandAlias.unregister(aliases);
  }

  /** Runs {@code repo SUBCOMMAND ARGS}. Thread: the shell's. */
  public void repo(String... args) throws Exception {
    if (args == null || args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      System.out.println("Usage: patchwork repo keygen|publish|verify [ARGS...]");
      System.out.println("  keygen   write a new Ed25519 key pair");
      System.out.println("  publish  add bundles to a signed repository site folder");
      System.out.println("  verify   check a site folder as a client would");
      System.out.println("'patchwork repo SUBCOMMAND --help' shows a subcommand's options.");
      System.out.flush();
      return;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (args[0]) {
        case "keygen" -> keygen(rest);
        case "publish" -> publish(rest);
        case "verify" -> verify(rest);
        default -> throw new UsageException("repo: unknown subcommand '" + args[0] + "' (one of " + SUBCOMMANDS + ")");
      }
    } catch (Keys.KeyFileException e) {
      throw new UsageException("repo " + args[0] + ": " + e.getMessage());
    }
    System.out.flush();
  }

  private static void keygen(String... args) throws IOException {
    Keygen o = Cli.parse(new Keygen(), args);
    if (o == null) {
      return;
    }
    Path dir = o.out.toAbsolutePath().normalize();
    Path priv = dir.resolve("private.key");
    Path pub = dir.resolve("public.key");
    if (!o.force && (Files.exists(priv) || Files.exists(pub))) {
      throw new UsageException("repo keygen: " + dir + " already holds keys; --force replaces them (signatures made"
          + " with the old key will no longer match it)");
    }
    Files.createDirectories(dir);
    KeyPair pair = Keys.generate();
    Keys.write(pair, priv, pub);
    System.out.println("wrote " + priv + " (secret) and " + pub + ", key " + Keys.shortName(Keys.fingerprint(pair.getPublic())));
  }

  private static void publish(String... args) throws IOException {
    Publish o = Cli.parse(new Publish(), args);
    if (o == null) {
      return;
    }
    KeyPair repoKey = Keys.readPrivate(o.key);
    KeyPair publisherKey = o.publisherKey == null ? repoKey : Keys.readPrivate(o.publisherKey);
    Duration validFor = duration(o.validFor);
    try {
      List<String> lines = Publisher.publish(new Publisher.Request(o.out, repoKey, publisherKey, o.jars, validFor,
          o.name), Clock.systemUTC());
      lines.forEach(System.out::println);
    } catch (Publisher.Refused e) {
      throw new UsageException("repo publish: refused: " + e.getMessage() + "; the site is unchanged");
    }
  }

  private static void verify(String... args) throws IOException {
    Verify o = Cli.parse(new Verify(), args);
    if (o == null) {
      return;
    }
    List<String> report = new ArrayList<>();
    List<String> problems = SiteCheck.check(o.site, Keys.readPublic(o.key), Clock.systemUTC(), report);
    report.forEach(System.out::println);
    problems.forEach(p -> System.out.println("  problem: " + p));
    if (!problems.isEmpty()) {
      throw new UsageException("repo verify: " + o.site + " has " + problems.size() + " problem(s), first: " + problems.get(0));
    }
  }

  /** {@code 30d}, {@code 12h}, {@code 90m}, {@code 45s} or ISO-8601 ({@code P30D}, {@code PT1H}). */
  static Duration duration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (t.startsWith("p")) {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        d = switch (t.charAt(t.length() - 1)) {
          case 'd' -> Duration.ofDays(n);
          case 'h' -> Duration.ofHours(n);
          case 'm' -> Duration.ofMinutes(n);
          case 's' -> Duration.ofSeconds(n);
          default -> throw new NumberFormatException();
        };
      }
    } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new UsageException("repo publish: --valid-for must look like 30d, 12h, 90m, 45s or P30D, not " + text);
    }
    if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(3650)) > 0) {
      throw new UsageException("repo publish: --valid-for must be between 1 s and 10 years, not " + text);
    }
    return d;
  }
}
