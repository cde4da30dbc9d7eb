package org.patchwork.engine.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.patchwork.bus.EngineRing;
import org.patchwork.engine.FaultReason;
import org.patchwork.engine.ModuleFault;
import org.patchwork.engine.ModuleGuard;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.ModuleSwap;
import org.patchwork.engine.Node;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/**
 * The control side of a playing plan's live lifecycle, on a thread of its own
 * ("patchwork-lifecycle"): it hears registry changes, decides per node whether to hot-swap,
 * fall back to the placeholder or rebind ({@link Reconciler}), prepares the new instance off the
 * audio thread, hands the {@link NodeSwap} to the ring's producer through a lock-free mailbox,
 * and afterwards deactivates whichever instance left. It also turns the audio thread's fault
 * counters into {@link ModuleFault} reports and log lines, so nothing is logged from the audio
 * thread.
 *
 * <p>Timing: a change is acted on once its module id has been quiet for the settle time (a
 * bundle update unregisters the old factory and registers the new one, and a framework refresh
 * may do it again: one swap, not three). A module that disappears is given the grace time to
 * come back before its nodes fall back to placeholders: its running instance keeps playing
 * meanwhile (its classes stay loaded), so an update never leaves a silent gap.
 */
public final class ModuleLifecycle implements AutoCloseable {

  private static final long TICK_NANOS = 20_000_000L;

  final CompiledPlan plan;
  final ModuleRegistry registry;
  final ModuleGuard guard;
  final double sampleRate;
  final int maxFrames;
  final LiveNode[] nodes;
  private final Set<String> used = new HashSet<>();
  private final AtomicReference<NodeSwap> mailbox = new AtomicReference<>();
  /** Producer thread only: swaps taken from the mailbox, not yet on the ring. */
  private NodeSwap pending;
  private final Object lock = new Object();
  private final Map<String, Due> due = new HashMap<>();
  private int busy;
  /** Swaps posted and not yet settled; written by the lifecycle thread, read by {@link #awaitIdle}. */
  final List<NodeSwap> inFlight = new CopyOnWriteArrayList<>();
  final List<ModuleFault> faults = new CopyOnWriteArrayList<>();
  final List<ModuleSwap> swaps = new CopyOnWriteArrayList<>();
  /** Defaults: 100 ms and 1 s, or the system properties {@code patchwork.lifecycle.settleMillis} and {@code graceMillis}. */
  volatile long settleNanos = millis("patchwork.lifecycle.settleMillis", 100);
  volatile long graceNanos = millis("patchwork.lifecycle.graceMillis", 1_000);
  volatile Consumer<Class<?>> resolver = c -> { };
  private final Reconciler reconciler;
  private final ModuleGuard.Subscription watch;
  private final ModuleGuard.Subscription clears;
  private final Thread thread;
  private volatile boolean closed;

  /** What the control side knows of one node. Touched by the lifecycle thread only. */
  static final class LiveNode {
    final int index;
    final Node node;
    final ModuleDescriptor descriptor;
    ModuleFactory factory;
    AudioModule instance;
    String version;
    byte[] state;
    volatile int faultsSeen;
    NodeSwap swap;
    ModuleFactory refused;

    LiveNode(int index, Node node, ModuleDescriptor descriptor) {
      this.index = index;
      this.node = node;
      this.descriptor = descriptor;
    }
  }

  /** A change waiting for its time: since = the first change seen, for the swap time. */
  record Due(long at, boolean retry, long since) {
  }

  private static long millis(String property, long fallback) {
    long ms = Long.getLong(property, fallback);
    return Math.max(0, Math.min(600_000, ms)) * 1_000_000L;
  }

  /** Starts following {@code registry} for the modules of {@code plan}. */
  public ModuleLifecycle(CompiledPlan plan, ModuleRegistry registry, double sampleRate, int maxFrames) {
    this.plan = plan;
    this.registry = registry;
    this.guard = registry.guard();
    this.sampleRate = sampleRate;
    this.maxFrames = maxFrames;
    List<Node> graphNodes = plan.wiring.graph.nodes();
    nodes = new LiveNode[graphNodes.size()];
    for (int i = 0; i < nodes.length; i++) {
      LiveNode n = new LiveNode(i, graphNodes.get(i), plan.wiring.descriptors[i]);
      n.instance = plan.nodes[i].current();
      n.factory = n.instance == null ? null : plan.wiring.factories[i];
      n.version = n.instance == null ? ModuleSwap.PLACEHOLDER : n.descriptor.version();
      n.state = n.node.state();
      nodes[i] = n;
      used.add(n.node.module());
      if (n.instance == null) {
        faults.add(new ModuleFault(n.node.module(), n.descriptor.version(), n.node.id(), FaultReason.HELD_BACK, -1,
            Instant.now(), "the host stopped while activating it last time; it plays as a placeholder until "
                + "'pw:faults --clear " + n.node.module() + "'"));
      }
    }
    reconciler = new Reconciler(this);
    watch = registry.watch(id -> schedule(id, false));
    clears = guard.onClear(id -> schedule(id, true));
    // A change between compiling the plan and subscribing would otherwise go unseen.
    for (LiveNode n : nodes) {
      if (n.factory != null && registry.find(n.node.module()).orElse(null) != n.factory) {
        schedule(n.node.module(), false);
      }
    }
    thread = Thread.ofPlatform().name("patchwork-lifecycle").daemon().start(this::loop);
  }

  /** Hears a change of {@code moduleId}; {@code retry} (a cleared fault) also renews quarantined nodes. */
  void schedule(String moduleId, boolean retry) {
    if (!used.contains(moduleId) || closed) {
      return;
    }
    boolean present = !guard.isHeldBack(moduleId) && registry.find(moduleId).isPresent();
    long now = System.nanoTime();
    synchronized (lock) {
      Due old = due.get(moduleId);
      long at = now + (retry ? 0 : present ? settleNanos : graceNanos);
      due.put(moduleId, new Due(at, retry || old != null && old.retry(), old == null ? now : old.since()));
      lock.notifyAll();
    }
  }

  /** Puts a change back to be looked at again shortly (a swap of the node is still in flight). */
  void defer(String moduleId, Due d) {
    synchronized (lock) {
      due.merge(moduleId, new Due(System.nanoTime() + TICK_NANOS / 4, d.retry(), d.since()),
          (a, b) -> new Due(Math.min(a.at(), b.at()), a.retry() || b.retry(), Math.min(a.since(), b.since())));
    }
  }

  private void loop() {
    while (!closed) {
      try {
        reconciler.collectFaults();
        reconciler.collectSwaps();
        runDue();
      } catch (RuntimeException | LinkageError e) {
        // One bad module or bundle must not end the lifecycle of the whole session.
        guard.log("lifecycle: " + e);
      }
      synchronized (lock) {
        if (closed) {
          return;
        }
        lock.notifyAll(); // for awaitIdle
        long wait = TICK_NANOS;
        long now = System.nanoTime();
        for (Due d : due.values()) {
          wait = Math.min(wait, d.at() - now);
        }
        if (wait > 0) {
          try {
            lock.wait(Math.max(1, wait / 1_000_000), 0);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }
  }

  private void runDue() {
    List<Map.Entry<String, Due>> ready = new ArrayList<>();
    synchronized (lock) {
      long now = System.nanoTime();
      for (Iterator<Map.Entry<String, Due>> it = due.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, Due> e = it.next();
        if (e.getValue().at() <= now) {
          ready.add(e);
          it.remove();
        }
      }
      if (ready.isEmpty()) {
        return;
      }
      busy++;
    }
    try {
      for (Map.Entry<String, Due> e : ready) {
        reconciler.reconcile(e.getKey(), e.getValue());
      }
    } finally {
      synchronized (lock) {
        busy--;
        lock.notifyAll();
      }
    }
  }

  /** Hands a prepared swap to the ring's producer. Thread: lifecycle. */
  void post(NodeSwap s) {
    NodeSwap head;
    do {
      head = mailbox.get();
      s.next = head;
    } while (!mailbox.compareAndSet(head, s));
  }

  /**
   * Publishes the swaps prepared so far on {@code ring}, oldest first, as far as it has room.
   * Thread: the ring's producer (the session's thread), before it processes a block; allocates
   * nothing and never waits.
   */
  public void publish(EngineRing ring) {
    NodeSwap p = pending;
    if (p == null) {
      if (mailbox.get() == null) {
        return;
      }
      // The mailbox is a stack (newest first): reverse it in place.
      NodeSwap list = mailbox.getAndSet(null);
      while (list != null) {
        NodeSwap next = list.next;
        list.next = p;
        p = list;
        list = next;
      }
    }
    while (p != null && ring.remainingCapacity() > 0) {
      NodeSwap next = p.next;
      p.next = null;
      ring.swap(p);
      p = next;
    }
    pending = p;
  }

  /**
   * Waits until no change is waiting or being prepared and everything the audio thread
   * finished (a swap, a fault) has been settled and reported; false on time-out. Thread: any.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (!due.isEmpty() || busy > 0 || unsettled()) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
    }
    return true;
  }

  private boolean unsettled() {
    for (NodeSwap s : inFlight) {
      int st = s.state();
      if (st != NodeSwap.PENDING && st != NodeSwap.FADING) {
        return true;
      }
    }
    for (LiveNode n : nodes) {
      if (plan.nodes[n.index].faultCount() != n.faultsSeen) {
        return true;
      }
    }
    return false;
  }

  /** Faults of this session, oldest first. */
  public List<ModuleFault> faults() {
    return List.copyOf(faults);
  }

  /** Finished swaps of this session, oldest first. */
  public List<ModuleSwap> swaps() {
    return List.copyOf(swaps);
  }

  /** How long a module id must be quiet before a swap is prepared. */
  public void settle(Duration d) {
    settleNanos = d.toNanos();
  }

  /** How long a module that went away may take to come back before its nodes become placeholders. */
  public void grace(Duration d) {
    graceNanos = d.toNanos();
  }

  public Duration settle() {
    return Duration.ofNanos(settleNanos);
  }

  public Duration grace() {
    return Duration.ofNanos(graceNanos);
  }

  /** Called with each new instance's class before it goes to the audio thread. */
  public void resolveClassesWith(Consumer<Class<?>> r) {
    resolver = r == null ? c -> { } : r;
  }

  /**
   * Stops the thread and deactivates what only swaps still hold: the incoming instance of a swap
   * not finished, the outgoing one of a swap finished but not yet collected. The plan's close
   * deactivates what the nodes hold. Thread: control, once no engine runs the plan.
   */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    watch.close();
    clears.close();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reconciler.collectFaults();
    for (NodeSwap s : inFlight) {
      Reconciler.deactivate(s.state() == NodeSwap.DONE ? s.old : s.module);
    }
    inFlight.clear();
  }
}
