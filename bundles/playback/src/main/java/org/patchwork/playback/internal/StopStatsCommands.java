package org.patchwork.playback.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code pw:stop} and {@code pw:stats}: control and inspect the background playback. */
final class StopStatsCommands {

  private StopStatsCommands() {
  }

  /** {@code pw:stop}. */
  @Component(service = Stop.class, property = {
      "osgi.command.scope=pw",
      "osgi.command.function=stop",
      "patchwork.command.summary=Stop real-time playback"})
  public static final class Stop {
    private final Player player;

    @Activate
    public Stop(@Reference Player player) {
      this.player = player;
    }

    /** Thread: the shell's. */
    public void stop(String... args) throws Exception {
      player.stop();
    }
  }

  /** {@code pw:stats}. */
  @Component(service = Stats.class, property = {
      "osgi.command.scope=pw",
      "osgi.command.function=stats",
      "patchwork.command.summary=Show statistics of the current or last playback as JSON"})
  public static final class Stats {
    private final Player player;

    @Activate
    public Stats(@Reference Player player) {
      this.player = player;
    }

    /** Thread: the shell's. */
    public void stats(String... args) {
      var json = player.stats();
      System.out.println(json == null ? "{ }" : json.toPrettyString());
      System.out.flush();
    }
  }
}
