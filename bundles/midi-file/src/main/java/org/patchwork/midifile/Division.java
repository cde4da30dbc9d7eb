package org.patchwork.midifile;

import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.midifile.internal.Check;

/**
 * The header's time division: either musical ticks per quarter note (tempo events then set the
 * speed) or SMPTE frames and ticks per frame (a fixed number of ticks per second; tempo events
 * do not change timing). {@link MidiFiles#toPerQuarter} converts the second into the first
 * exactly.
 */
@ProviderType
public sealed interface Division permits Division.PerQuarter, Division.Smpte {

  /** The 16-bit header field. */
  int encode();

  /**
   * Ticks per quarter note.
   *
   * @param ticks 1..32767
   */
  record PerQuarter(int ticks) implements Division {
    public PerQuarter {
      Check.range("ticks per quarter note", ticks, 1, 0x7FFF);
    }

    @Override
    public int encode() {
      return ticks;
    }
  }

  /**
   * SMPTE time: {@code framesPerSecond} frames per second (29 means 29.97 drop-frame, i.e.
   * 30000/1001 frames per second) of {@code ticksPerFrame} ticks each.
   *
   * @param framesPerSecond 24, 25, 29 or 30
   * @param ticksPerFrame 1..255
   */
  record Smpte(int framesPerSecond, int ticksPerFrame) implements Division {
    public Smpte {
      if (framesPerSecond != 24 && framesPerSecond != 25 && framesPerSecond != 29 && framesPerSecond != 30) {
        throw new IllegalArgumentException(
            "SMPTE frames per second must be 24, 25, 29 or 30, was " + framesPerSecond);
      }
      Check.range("SMPTE ticks per frame", ticksPerFrame, 1, 255);
    }

    /** Exact ticks per second: fps x ticksPerFrame, with 29 meaning 30000/1001 fps. */
    public Ratio ticksPerSecond() {
      return framesPerSecond == 29
          ? Ratio.of(30_000L * ticksPerFrame, 1001)
          : Ratio.of((long) framesPerSecond * ticksPerFrame);
    }

    @Override
    public int encode() {
      return ((-framesPerSecond) & 0xFF) << 8 | ticksPerFrame;
    }
  }
}
