package org.patchwork.midifile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.midifile.internal.Check;

/**
 * A program change with the bank selected on its channel at that moment (controllers 0 and 32,
 * -1 when never sent), for mapping programs to instrument slots.
 *
 * <pre>{@code
 * for (ProgramUse p : ProgramUse.of(song)) slots.assign(p.channel(), p.isDrum() ? drumKit : gm(p.program()));
 * }</pre>
 *
 * @param channel 0..15
 * @param tick when the program changes
 * @param program 0..127 (General MIDI program number - 1)
 * @param bankMsb controller 0 value in effect, or -1
 * @param bankLsb controller 32 value in effect, or -1
 */
@ProviderType
public record ProgramUse(int channel, long tick, int program, int bankMsb, int bankLsb) {

  public ProgramUse {
    Check.channel(channel);
    Check.tick(tick);
    Check.data7("program", program);
    Check.range("bank MSB", bankMsb, -1, 127);
    Check.range("bank LSB", bankLsb, -1, 127);
  }

  /** True on the General MIDI drum channel (channel 10, index 9). */
  public boolean isDrum() {
    return channel == ChannelEvent.DRUM_CHANNEL;
  }

  /** The program changes of one track, in order. */
  public static List<ProgramUse> of(MidiTrack track) {
    return of(track.events());
  }

  /** The program changes of all tracks merged in tick order (for formats 0 and 1). */
  public static List<ProgramUse> of(MidiFile file) {
    return of(MidiFiles.mergedEvents(file));
  }

  private static List<ProgramUse> of(List<MidiEvent> events) {
    int[] msb = new int[16];
    int[] lsb = new int[16];
    Arrays.fill(msb, -1);
    Arrays.fill(lsb, -1);
    List<ProgramUse> uses = new ArrayList<>();
    for (MidiEvent e : events) {
      if (e instanceof ChannelEvent.ControlChange cc && cc.controller() == 0) {
        msb[cc.channel()] = cc.value();
      } else if (e instanceof ChannelEvent.ControlChange cc && cc.controller() == 32) {
        lsb[cc.channel()] = cc.value();
      } else if (e instanceof ChannelEvent.ProgramChange pc) {
        uses.add(new ProgramUse(pc.channel(), pc.tick(), pc.program(), msb[pc.channel()], lsb[pc.channel()]));
      }
    }
    return uses;
  }
}
