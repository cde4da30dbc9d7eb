package org.patchwork.engine.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.patchwork.engine.FaultReason;
import org.patchwork.engine.ModuleFault;
import org.patchwork.engine.ModuleSwap;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.PortDescriptor;

/**
 * The decisions of {@link ModuleLifecycle}, on its thread: which nodes of a changed module get
 * a new instance, a placeholder or nothing; preparing the new instance; and, once the audio
 * thread is done with a swap or a fault, the bookkeeping, the reports and the deactivation.
 */
final class Reconciler {

  /** What a swap was for, kept with it until the audio thread is done. */
  private record Ticket(ModuleSwap.Kind kind, String from, String to, ModuleFactory factory, byte[] state,
      long since, long due, long prepareNanos) {
  }

  private final ModuleLifecycle life;

  Reconciler(ModuleLifecycle life) {
    this.life = life;
  }

  /** Brings every node of {@code moduleId} in line with the registry and the guard. */
  void reconcile(String moduleId, ModuleLifecycle.Due due) {
    ModuleFactory best = life.guard.isHeldBack(moduleId) ? null : life.registry.find(moduleId).orElse(null);
    for (ModuleLifecycle.LiveNode n : life.nodes) {
      if (!n.node.module().equals(moduleId)) {
        continue;
      }
      if (n.swap != null) {
        life.defer(moduleId, due);
        continue;
      }
      NodeStep step = life.plan.nodes[n.index];
      if (best == null) {
        if (!step.placeholder()) {
          prepare(n, null, ModuleSwap.Kind.PLACEHOLDER, due);
        }
        continue;
      }
      boolean quarantined = step.bypassed();
      if (best == n.factory && !(quarantined && due.retry())) {
        continue; // nothing new: a quarantined node waits for a new version or a cleared fault
      }
      String why = incompatibility(n.descriptor, best.descriptor());
      if (why != null) {
        if (n.refused != best) {
          n.refused = best;
          life.guard.log("node '" + n.node.id() + "' keeps " + moduleId + " " + n.version + ": version "
              + best.descriptor().version() + " cannot replace it while playing (" + why
              + "); reload the project to use it");
        }
        continue;
      }
      prepare(n, best, n.factory == null || step.placeholder() ? ModuleSwap.Kind.REBIND : ModuleSwap.Kind.UPDATE,
          due);
    }
  }

  /** Why {@code now} cannot take {@code was}'s place in a running plan, or null if it can. */
  static String incompatibility(ModuleDescriptor was, ModuleDescriptor now) {
    if (was.latencySamples() != now.latencySamples()) {
      return "its latency changed";
    }
    List<PortDescriptor> a = was.ports();
    List<PortDescriptor> b = now.ports();
    if (a.size() != b.size()) {
      return "its ports changed";
    }
    for (int i = 0; i < a.size(); i++) {
      PortDescriptor x = a.get(i);
      PortDescriptor y = b.get(i);
      if (!x.id().equals(y.id()) || x.type() != y.type() || x.direction() != y.direction()
          || x.channels() != y.channels()) {
        return "its ports changed";
      }
    }
    if (was.parameters().size() != now.parameters().size()) {
      return "its parameters changed";
    }
    for (int i = 0; i < was.parameters().size(); i++) {
      if (!was.parameters().get(i).id().equals(now.parameters().get(i).id())) {
        return "its parameters changed";
      }
    }
    return null;
  }

  /**
   * Creates, restores and activates the new instance (none for a placeholder) and posts the
   * swap. The running instance's state is asked for here, on this control thread while it
   * plays, as CLAP and VST hosts do: state is what {@code restoreState} set, which
   * {@code process} does not change.
   */
  private void prepare(ModuleLifecycle.LiveNode n, ModuleFactory factory, ModuleSwap.Kind kind,
      ModuleLifecycle.Due due) {
    long start = System.nanoTime();
    String id = n.node.module();
    byte[] state = n.state;
    if (n.instance != null) {
      try {
        byte[] saved = n.instance.saveState();
        if (saved != null) {
          state = saved.clone();
        }
      } catch (RuntimeException | LinkageError e) {
        // Its bundle may be gone; the state it was given is the best there is.
      }
    }
    AudioModule m = null;
    String to = ModuleSwap.PLACEHOLDER;
    if (factory != null) {
      to = factory.descriptor().version();
      try {
        m = factory.create();
        if (state != null) {
          try {
            m.restoreState(state.clone());
          } catch (IllegalArgumentException e) {
            life.guard.log("node '" + n.node.id() + "': " + id + " " + to + " did not take the saved state ("
                + e.getMessage() + "); it starts from its defaults");
          }
        }
        PlanCompiler.activate(life.guard, m, id, n.node.id(), life.sampleRate, life.maxFrames);
        life.resolver.accept(m.getClass());
      } catch (RuntimeException | LinkageError e) {
        fault(n, to, FaultReason.ACTIVATION, -1, "version " + to + " failed to start (" + e
            + "); the node keeps " + n.version);
        return;
      }
    }
    NodeSwap s = life.plan.swap(n.index, m);
    s.ticket = new Ticket(kind, n.version, to, factory, state, due.since(), due.at(), System.nanoTime() - start);
    n.swap = s;
    n.state = state;
    life.inFlight.add(s);
    life.post(s);
  }

  /** Reports faults the audio thread counted since the last look, and deactivates the dropped. */
  void collectFaults() {
    for (ModuleLifecycle.LiveNode n : life.nodes) {
      NodeStep step = life.plan.nodes[n.index];
      int count = step.faultCount();
      if (count == n.faultsSeen) {
        continue;
      }
      AudioModule dead = step.takeFaulted();
      String version = n.version;
      if (dead != null && n.swap != null && dead == n.swap.module && n.swap.ticket instanceof Ticket t) {
        version = t.to();
      }
      if (dead == n.instance) {
        n.instance = null;
      }
      deactivate(dead);
      fault(n, version, step.lastReason(), step.lastFaultFrame(), describe(step.lastReason()));
      n.faultsSeen = count; // last: awaitIdle waits for this
    }
  }

  /** Settles swaps the audio thread finished, failed or rejected. */
  void collectSwaps() {
    for (NodeSwap s : life.inFlight) {
      int st = s.state();
      if (st == NodeSwap.PENDING || st == NodeSwap.FADING) {
        continue;
      }
      ModuleLifecycle.LiveNode n = life.nodes[s.node];
      Ticket t = (Ticket) s.ticket;
      n.swap = null;
      if (st == NodeSwap.DONE) {
        deactivate(s.old);
        n.instance = s.module;
        n.factory = t.factory();
        n.version = t.to();
        double swapMillis = (s.takenNanos - t.since()) / 1e6;
        double fadeMillis = s.curve.length * 1000.0 / life.sampleRate;
        Instant at = Instant.now().minusNanos(Math.max(0, System.nanoTime() - s.takenNanos));
        ModuleSwap record = new ModuleSwap(n.node.id(), n.node.module(), t.from(), t.to(), t.kind(), s.takenFrame,
            s.curve.length, fadeMillis, swapMillis, t.prepareNanos() / 1e6, (s.takenNanos - t.due()) / 1e6,
            s.longestBlockNanos / 1e3, at);
        life.swaps.add(record);
        life.guard.log(String.format(Locale.ROOT, "node '%s' (%s): %s -> %s (%s) at frame %d, crossfade %d frames "
                + "(%.1f ms), %.1f ms after the change", record.nodeId(), record.moduleId(), record.from(),
            record.to(), record.kind().name().toLowerCase(Locale.ROOT), record.frame(), record.fadeFrames(),
            fadeMillis, swapMillis));
      } else {
        deactivate(s.module);
        if (st == NodeSwap.FAILED) {
          fault(n, t.to(), s.failure, s.failedFrame, describe(s.failure) + " while fading in; the node keeps "
              + n.version);
        }
      }
      life.inFlight.remove(s); // last: awaitIdle waits for this
    }
  }

  private void fault(ModuleLifecycle.LiveNode n, String version, FaultReason reason, long frame, String detail) {
    ModuleFault f = new ModuleFault(n.node.module(), version, n.node.id(), reason, frame, Instant.now(), detail);
    life.faults.add(f);
    life.guard.report(f);
  }

  private String describe(FaultReason r) {
    return switch (r) {
      case EXCEPTION -> "threw from process";
      case ERROR_STATUS -> "returned ERROR from process";
      case NOT_FINITE -> "wrote NaN or infinity";
      case CPU_BUDGET -> "overran its CPU budget for several blocks in a row";
      default -> r.name();
    };
  }

  /** Deactivates an instance that left; its bundle may be gone, so anything it throws is dropped. */
  static void deactivate(AudioModule m) {
    if (m == null) {
      return;
    }
    try {
      m.deactivate();
    } catch (RuntimeException | LinkageError e) {
      // It no longer plays; nothing to tell anyone about.
    }
  }
}
