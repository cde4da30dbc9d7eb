package org.patchwork.engine.internal;

import java.util.List;
import org.patchwork.engine.Bus;
import org.patchwork.engine.Graph;
import org.patchwork.engine.GraphException;
import org.patchwork.engine.Send;
import org.patchwork.engine.Track;

/**
 * The mixer's settings turned into linear gains by slot, computed on the model thread so the
 * audio thread only multiplies. Immutable once built; crosses to the audio thread as a swap.
 *
 * <p>Pan follows the equal-power law: with {@code θ = (pan + 1)·π/4}, left gets {@code cos θ} and
 * right {@code sin θ}, so the centre is -3 dB on each side and the power is the same anywhere.
 */
public final class MixGains {

  final CompiledPlan plan;
  final float[] gains;

  private MixGains(CompiledPlan plan, float[] gains) {
    this.plan = plan;
    this.gains = gains;
  }

  /**
   * The gains of {@code graph}'s mixer for {@code plan}.
   *
   * @throws GraphException if the tracks, sends or buses are not those the plan was built with
   */
  public static MixGains of(CompiledPlan plan, Graph graph) {
    Wiring w = plan.wiring;
    check(w.graph, graph);
    float[] g = new float[w.gainSlots];
    List<Track> tracks = graph.tracks();
    boolean anySolo = tracks.stream().anyMatch(Track::solo);
    int send = 0;
    for (int t = 0; t < tracks.size(); t++) {
      Track track = tracks.get(t);
      double level = track.mute() || anySolo && !track.solo() ? 0 : linear(track.gainDb());
      double theta = (track.pan() + 1) * Math.PI / 4;
      // Exact zeros at the extremes, where cos(π/2) would leave 6e-17.
      g[2 * t] = (float) (track.pan() >= 1 ? 0 : level * Math.cos(theta));
      g[2 * t + 1] = (float) (track.pan() <= -1 ? 0 : level * Math.sin(theta));
      for (Send s : track.sends()) {
        g[w.sendSlot[send++]] = (float) linear(s.levelDb());
      }
    }
    List<Bus> buses = graph.buses();
    for (int b = 0; b < buses.size(); b++) {
      int slot = w.vertices.get(w.busOut[b]).gainSlot();
      g[slot] = g[slot + 1] = (float) linear(buses.get(b).gainDb());
    }
    int master = w.vertices.get(w.masterOut).gainSlot();
    g[master] = g[master + 1] = (float) linear(graph.master().gainDb());
    return new MixGains(plan, g);
  }

  private static double linear(double db) {
    if (!(db >= GraphValidator.MIN_DB && db <= GraphValidator.MAX_DB)) {
      throw new IllegalArgumentException("gain must be within -144..24 dB: " + db);
    }
    return db <= GraphValidator.MIN_DB ? 0 : Math.pow(10, db / 20);
  }

  private static void check(Graph planned, Graph mix) {
    if (planned.tracks().size() != mix.tracks().size() || planned.buses().size() != mix.buses().size()) {
      throw new GraphException("$.tracks", "the mix has " + mix.tracks().size() + " tracks and "
          + mix.buses().size() + " buses, the plan " + planned.tracks().size() + " and " + planned.buses().size());
    }
    for (int t = 0; t < mix.tracks().size(); t++) {
      Track a = planned.tracks().get(t);
      Track b = mix.tracks().get(t);
      if (!a.id().equals(b.id()) || !a.sends().stream().map(Send::bus).toList()
          .equals(b.sends().stream().map(Send::bus).toList())) {
        throw new GraphException("$.tracks[" + t + "]", "track " + t + " of the mix ('" + b.id()
            + "') does not match the plan's ('" + a.id() + "') or its sends differ");
      }
    }
    for (int b = 0; b < mix.buses().size(); b++) {
      if (!planned.buses().get(b).id().equals(mix.buses().get(b).id())) {
        throw new GraphException("$.buses[" + b + "]", "bus " + b + " of the mix ('"
            + mix.buses().get(b).id() + "') does not match the plan's");
      }
    }
  }
}
