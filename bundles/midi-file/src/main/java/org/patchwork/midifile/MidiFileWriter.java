package org.patchwork.midifile;

import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.midifile.internal.SmfWriter;

/**
 * Writes a {@link MidiFile} in canonical form: a 6-byte header, each track as one chunk with its
 * events in model order, delta times in the fewest bytes, and an end-of-track event at
 * {@link MidiTrack#endTick()}. Every model the constructors accept can be written, and
 * {@code MidiFileReader.read(write(f)).equals(f)}.
 *
 * <p>With running status on, a channel message omits its status byte when it repeats the
 * previous one; sysex and meta events reset it, so strict readers read the file too.
 *
 * <pre>{@code
 * byte[] bytes = MidiFileWriter.write(new MidiFile(1, new Division.PerQuarter(480), tracks));
 * }</pre>
 */
@ProviderType
public final class MidiFileWriter {

  private MidiFileWriter() {
  }

  /** The file's bytes, without running status. */
  public static byte[] write(MidiFile file) {
    return SmfWriter.write(file, false);
  }

  /** The file's bytes, with running status if asked (smaller, same meaning). */
  public static byte[] write(MidiFile file, boolean runningStatus) {
    return SmfWriter.write(file, runningStatus);
  }
}
