package org.patchwork.playback;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's real-time playback as the control layer sees it. One run plays at a time: a live
 * run ({@code pw:play --live}, or {@link #startLive}) or a fixed one ({@code pw:play}, which
 * renders the compiled song exactly and follows module hot-swaps, but takes no live input).
 *
 * <p>Thread: any.
 */
@ProviderType
public interface LivePlayback {

  /**
   * The project a live start plays: the one {@code pw:play --hold} held, else the last one
   * played; null when there is none.
   */
  Path project();

  /**
   * Holds {@code project} (a project folder or its json file) for {@link #startLive}, to play
   * through the named driver ({@code auto}, {@code jack}, {@code javasound}, {@code null}) at the
   * given block size; what {@code pw:play PROJECT --hold} does.
   *
   * @throws org.patchwork.sdk.cli.UsageException naming the file and the rule when the project
   *     cannot be read or played; IllegalArgumentException for an unknown driver; nothing
   *     changes then
   */
  void hold(Path project, String driverName, int blockSize);

  /** The live run in progress, or null. */
  LiveRun live();

  /** Whether a fixed (not live) run is playing. */
  boolean fixedRunPlaying();

  /**
   * Starts a live run of {@link #project()} with the driver and block size it was held or played
   * with, replacing any run in progress; its transport is stopped. Opening the driver and
   * priming the JIT take a moment (up to seconds for a long song).
   *
   * @throws IllegalStateException naming what to do when there is no project to play
   * @throws Exception when the project cannot be read or the driver cannot start
   */
  LiveRun startLive() throws Exception;

  /** Ends the run in progress, fixed or live, as {@code pw:stop} does. */
  void stopRun();

  /** Adds a listener told when live runs start and end. */
  void addListener(Listener listener);

  void removeListener(Listener listener);

  /** Told when live runs start and end; on the thread that started or ended them. */
  @org.osgi.annotation.versioning.ConsumerType
  interface Listener {
    /** A live run started (before its transport plays). */
    void started(LiveRun run);

    /** A live run ended. */
    default void ended(LiveRun run) {
    }
  }
}
