package org.patchwork.midifile;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.midifile.internal.Check;

/**
 * A system exclusive event as stored in the file: {@code F0 <length> data} or, when
 * {@code escape} is true, {@code F7 <length> data} (a continuation packet of a split sysex, or an
 * escape that sends arbitrary bytes). {@code data} is exactly the bytes after the length, so a
 * complete {@code F0} message normally ends in {@code F7}.
 *
 * <pre>{@code
 * new Sysex(0, false, Bytes.of(0x7E, 0x7F, 0x09, 0x01, 0xF7)); // GM system on
 * }</pre>
 */
@ProviderType
public record Sysex(long tick, boolean escape, Bytes data) implements MidiEvent {

  public Sysex {
    Check.tick(tick);
    Objects.requireNonNull(data, "data");
  }

  @Override
  public Sysex atTick(long tick) {
    return new Sysex(tick, escape, data);
  }
}
