package org.patchwork.playback;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sdk.module.ParameterDescriptor;

/**
 * One live real-time run of a project: the driver and the engine stay up while the transport
 * starts and stops, and every input lands at the engine frame it names. The song (a tracker
 * song through the live sequencer, or the project's notes) is rendered a little ahead of the
 * engine, never past an input's frame, so a stop or a jump at frame {@code f} is heard at
 * {@code f} exactly; tempo changes take the song from its next tracker line (the sequencer's
 * rule for edits).
 *
 * <p>Tracks are numbered as the project lists them: a tracker song's tracks (a note goes to the
 * track's instrument, the mixer acts on its output track), else the mixer's tracks.
 *
 * <p>Thread: any. Each input is checked on the caller's thread (the boolean answers) and queued
 * for the run's song thread, the engine ring's only producer, which it wakes; the audio thread
 * is never waited for. A frame the audio thread has already passed plays at the next block
 * (counted as late in the statistics).
 */
@ProviderType
public interface LiveRun {

  /** The project file played. */
  Path project();

  /** The project's name. */
  String name();

  /** The driver's name ({@code jack}, {@code javasound}, {@code null}). */
  String driverName();

  int sampleRate();

  int blockSize();

  /** The engine frame the audio thread has reached. */
  long frame();

  /**
   * Frames the song is rendered ahead of {@link #frame()}. An input whose frame lies more than
   * this past the engine's when it arrives is exact even for stops and jumps; the control layer
   * uses twice it as its constant latency.
   */
  long renderAhead();

  /** Whether the run still plays (it ends with {@code pw:stop}, another run or the host). */
  boolean alive();

  /** Installs the hook the audio thread calls at the start of every block; null removes it. */
  void blockClock(BlockClock clock);

  /** Starts the transport at {@code frame} from the song position ({@link #locate}, else the start). */
  void play(long frame);

  /** Stops the transport at {@code frame}; sounding notes are released there. */
  void stop(long frame);

  /** Starts the transport at {@code frame} from where it stopped. */
  void resume(long frame);

  /** Moves the song position to {@code beats} quarter notes; playing, the song jumps there at {@code frame}. */
  void locate(long frame, double beats);

  /** Sets the tempo, 1..999 bpm, from {@code frame}. */
  void tempo(long frame, double bpm);

  /** @return false if there is no track {@code track} */
  boolean noteOn(long frame, int track, int key, double velocity);

  /** @return false if there is no track {@code track} */
  boolean noteOff(long frame, int track, int key);

  /** @return false if the project has no such module instance or parameter */
  boolean parameter(long frame, String node, String parameter, double value);

  /** A track's fader, 0..1 (1: the project's own gain; 0: silence), from the next block. @return false without the track */
  boolean trackVolume(int track, double volume);

  /** A track's pan, -1..1, from the next block. @return false without the track */
  boolean trackPan(int track, double pan);

  /** Mutes or unmutes a track from the next block. @return false without the track */
  boolean trackMute(int track, boolean muted);

  /** The descriptor of a module instance's parameter, or null. */
  ParameterDescriptor parameterDescriptor(String node, String parameter);

  /** Whether the transport runs. */
  boolean playing();

  /** The song position in quarter notes. */
  double beats();

  /** Beats per minute now. */
  double tempo();

  /**
   * Turns recording on or off: notes played live are also written into the song, each at the
   * line playing when it came (the next one past its middle), on the track's first note column
   * with its velocity as volume, and a note-off where it was released. Thread: any.
   *
   * @return false if the run plays a project in notes, which has no song to write into
   */
  default boolean record(boolean on) {
    return false;
  }

  /** Whether notes are being recorded. */
  default boolean recording() {
    return false;
  }

  /** The run's song with what was recorded, as the project's {@code song} JSON; null without a song. */
  default String recordedSong() {
    return null;
  }
}
