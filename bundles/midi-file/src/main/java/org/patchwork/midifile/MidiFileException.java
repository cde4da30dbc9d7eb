package org.patchwork.midifile;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A file that is not a well-formed Standard MIDI File. The message is one line naming the byte
 * offset and the problem, e.g. {@code truncated track chunk at offset 1234: header says 500
 * bytes, 120 left}, fit to show a user as is.
 */
@ProviderType
public final class MidiFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final long offset;

  /**
   * @param offset the byte offset in the file where the problem was found
   * @param message one line that includes the offset
   */
  public MidiFileException(long offset, String message) {
    super(message);
    this.offset = offset;
  }

  /** The byte offset in the file where the problem was found. */
  public long offset() {
    return offset;
  }
}
