package org.patchwork.engine.internal;

import java.util.Arrays;
import java.util.List;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.PortDescriptor;

/**
 * What a node outputs without a module instance: while it is a placeholder (its bundle is gone
 * or held back) or after it was quarantined. An effect (or a utility with an audio input)
 * passes its first audio input to its first audio output, channel by channel (extra output
 * channels repeat the last input channel); everything else is silent. Called directly, not
 * through {@code AudioModule}, so the real-time check follows it.
 */
final class Bypass {

  /** Output ports and their channel counts, to silence. */
  private final int[] outPorts;
  private final int[] outChannels;
  /** The audio input copied to {@link #throughOut}, or -1 for silence. */
  private final int throughIn;
  private final int throughInChannels;
  private final int throughOut;

  private Bypass(int[] outPorts, int[] outChannels, int throughIn, int throughInChannels, int throughOut) {
    this.outPorts = outPorts;
    this.outChannels = outChannels;
    this.throughIn = throughIn;
    this.throughInChannels = throughInChannels;
    this.throughOut = throughOut;
  }

  /** The stand-in the descriptor's kind suggests. */
  static Bypass of(ModuleDescriptor d) {
    List<PortDescriptor> ports = d.ports();
    int in = -1;
    int out = -1;
    int outs = 0;
    for (int p = 0; p < ports.size(); p++) {
      PortDescriptor port = ports.get(p);
      if (port.direction() == PortDescriptor.Direction.OUTPUT && port.type() != PortDescriptor.Type.EVENTS) {
        outs++;
        if (out < 0 && port.type() == PortDescriptor.Type.AUDIO) {
          out = p;
        }
      } else if (port.direction() == PortDescriptor.Direction.INPUT && port.type() == PortDescriptor.Type.AUDIO
          && in < 0) {
        in = p;
      }
    }
    int[] outPorts = new int[outs];
    int[] outChannels = new int[outs];
    int k = 0;
    for (int p = 0; p < ports.size(); p++) {
      PortDescriptor port = ports.get(p);
      if (port.direction() == PortDescriptor.Direction.OUTPUT && port.type() != PortDescriptor.Type.EVENTS) {
        outPorts[k] = p;
        outChannels[k++] = port.channels();
      }
    }
    boolean passes = in >= 0 && out >= 0
        && (d.kind() == ModuleKind.EFFECT || d.kind() == ModuleKind.UTILITY);
    return new Bypass(outPorts, outChannels, passes ? in : -1, passes ? ports.get(in).channels() : 0,
        passes ? out : -1);
  }

  /** Whether this stand-in passes audio through (else it is silent). */
  boolean passesThrough() {
    return throughIn >= 0;
  }

  /** Writes {@code n} frames of every output of {@code ctx} (as routed now). Thread: audio. */
  void run(NodeContext ctx, int n) {
    for (int i = 0; i < outPorts.length; i++) {
      int port = outPorts[i];
      for (int ch = 0; ch < outChannels[i]; ch++) {
        float[] dest = ctx.output(port, ch);
        if (port == throughOut) {
          System.arraycopy(ctx.input(throughIn, Math.min(ch, throughInChannels - 1)), 0, dest, 0, n);
        } else {
          Arrays.fill(dest, 0, n, 0f);
        }
      }
    }
  }
}
