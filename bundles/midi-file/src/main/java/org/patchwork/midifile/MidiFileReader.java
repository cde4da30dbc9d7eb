package org.patchwork.midifile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.midifile.internal.Check;
import org.patchwork.midifile.internal.SmfParser;

/**
 * Reads Standard MIDI Files strictly: anything the format does not allow is refused with a
 * {@link MidiFileException} naming the byte offset, and no length read from the file is used to
 * allocate before it has been checked against the bytes that are actually left.
 *
 * <p>Accepted: formats 0, 1 and 2; ticks-per-quarter and SMPTE division; running status
 * (also across meta and sysex events, as most writers and readers do); sysex {@code F0} and
 * escape {@code F7} events; all meta events; chunks of unknown type (skipped, their id must be
 * four printable ASCII characters); a header longer than 6 bytes (the rest skipped). Refused:
 * a track without an end-of-track event, or with bytes after it; system common and real-time
 * status bytes; a meta type above 0x7F; a defined meta event whose length or values do not fit
 * its type (e.g. a tempo of 2 bytes or of 0 microseconds); fewer or more track chunks than the header declares; bytes
 * after the last chunk that do not form a chunk.
 *
 * <pre>{@code
 * try {
 *   MidiFile song = MidiFileReader.read(path);
 * } catch (MidiFileException e) {
 *   System.err.println(path + ": " + e.getMessage()); // exit 2, nothing written
 * }
 * }</pre>
 */
@ProviderType
public final class MidiFileReader {

  /**
   * Caps for untrusted input.
   *
   * @param maxFileBytes the largest file accepted
   * @param maxTracks the most track chunks
   * @param maxEvents the most events over all tracks (end-of-track included)
   */
  public record Limits(int maxFileBytes, int maxTracks, int maxEvents) {
    /** 64 MiB, 4096 tracks, 8 million events: far above real songs, well below a heap's reach. */
    public static final Limits DEFAULT = new Limits(64 << 20, 4096, 8_000_000);

    public Limits {
      Check.range("maxFileBytes", maxFileBytes, 14, Integer.MAX_VALUE - 8);
      Check.range("maxTracks", maxTracks, 1, 0xFFFF);
      Check.range("maxEvents", maxEvents, 1, Integer.MAX_VALUE);
    }
  }

  private MidiFileReader() {
  }

  /** Parses a whole file with the default limits. */
  public static MidiFile read(byte[] file) {
    return read(file, Limits.DEFAULT);
  }

  /** Parses a whole file. */
  public static MidiFile read(byte[] file, Limits limits) {
    if (file.length > limits.maxFileBytes()) {
      throw tooLarge(limits);
    }
    return new SmfParser(file, limits.maxTracks(), limits.maxEvents()).parse();
  }

  /** Reads and parses a file, checking its size before reading it. */
  public static MidiFile read(Path path) throws IOException {
    long size = Files.size(path);
    if (size > Limits.DEFAULT.maxFileBytes()) {
      throw tooLarge(Limits.DEFAULT);
    }
    return read(Files.readAllBytes(path));
  }

  /** Reads a stream to its end (at most the default file-size limit) and parses it. */
  public static MidiFile read(InputStream in) throws IOException {
    int max = Limits.DEFAULT.maxFileBytes();
    byte[] bytes = in.readNBytes(max + 1);
    if (bytes.length > max) {
      throw tooLarge(Limits.DEFAULT);
    }
    return read(bytes);
  }

  private static MidiFileException tooLarge(Limits limits) {
    return new MidiFileException(0, "file too large at offset 0: more than the limit of "
        + limits.maxFileBytes() + " bytes");
  }
}
