package org.patchwork.commands;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.patchwork.sdk.cli.UsageException;
import picocli.CommandLine;

/**
 * Parses a command's arguments into a picocli-annotated options object, the same way for
 * {@code bin/patchwork NAME ...} and for {@code pw:NAME ...} in the shell.
 *
 * <pre>{@code
 * @CommandLine.Command(name = "bundles", description = "Lists every bundle.")
 * static final class Options { @CommandLine.Option(names = "--json") boolean json; }
 *
 * public void bundles(String... args) {
 *   Options o = Cli.parse(new Options(), args);
 *   if (o == null) return;          // --help was printed
 *   ...
 * }
 * }</pre>
 */
public final class Cli {

  private Cli() {
  }

  /**
   * Fills {@code options} from {@code args}. Prints the usage and returns {@code null} when the
   * user asked for {@code --help}.
   *
   * @throws UsageException naming the bad option or value
   */
  public static <T> T parse(T options, String... args) {
    CommandLine line = new CommandLine(options);
    line.setUsageHelpWidth(100);
    String name = line.getCommandName();
    try {
      CommandLine.ParseResult result = line.parseArgs(words(args));
      if (result.isUsageHelpRequested()) {
        StringWriter usage = new StringWriter();
        line.usage(new PrintWriter(usage));
        System.out.print(usage.toString().replace("Usage: " + name, "Usage: patchwork " + name));
        System.out.flush();
        return null;
      }
      return options;
    } catch (CommandLine.ParameterException e) {
      throw new UsageException(name + ": " + firstLine(e.getMessage())
          + " (see 'patchwork " + name + " --help')");
    }
  }

  /**
   * The arguments as typed. Gogo turns a bare word {@code null} into a null reference (so
   * {@code pw:play demo --driver null} would arrive with a null element); it was the word.
   */
  private static String[] words(String[] args) {
    if (args == null) {
      return new String[0];
    }
    String[] words = args.clone();
    for (int i = 0; i < words.length; i++) {
      if (words[i] == null) {
        words[i] = "null";
      }
    }
    return words;
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    String first = nl < 0 ? message : message.substring(0, nl);
    return Character.toLowerCase(first.charAt(0)) + first.substring(1);
  }
}
