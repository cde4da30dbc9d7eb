package org.patchwork.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.patchwork.sdk.cli.UsageException;
import picocli.CommandLine;

class CliTest {

  @CommandLine.Command(name = "play", mixinStandardHelpOptions = true)
  static final class Options {
    @CommandLine.Parameters(index = "0") String project;
    @CommandLine.Option(names = "--driver") String driver = "auto";
    @CommandLine.Option(names = "--seconds") double seconds;
  }

  @Test
  void aNullArgumentFromTheShellIsTheWordNull() {
    // Gogo hands `pw:play demo --driver null` over with a null reference for the bare word
    Options o = Cli.parse(new Options(), "demo", "--driver", null);
    assertEquals("demo", o.project);
    assertEquals("null", o.driver);
  }

  @Test
  void badInputIsAUsageErrorNamingTheOptionAndHowToGetHelp() {
    UsageException e = assertThrows(UsageException.class,
        () -> Cli.parse(new Options(), "demo", "--seconds", "soon"));
    assertEquals("play: invalid value for option '--seconds': 'soon' is not a double"
        + " (see 'patchwork play --help')", e.getMessage());
  }

  @Test
  void helpPrintsUsageAndReturnsNull() {
    assertNull(Cli.parse(new Options(), "--help"));
  }
}
