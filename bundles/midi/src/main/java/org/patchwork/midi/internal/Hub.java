package org.patchwork.midi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.patchwork.midi.MidiEvent;
import org.patchwork.midi.MidiListener;
import org.patchwork.midi.MidiPort;
import org.patchwork.midi.MidiService;
import org.patchwork.midi.PortListener;
import org.patchwork.sdk.control.RateLimitedLog;

/**
 * Where the backends deliver: listeners, hot-plug listeners and counters. Thread-safe; the
 * listener lists are copy-on-write so delivery never takes a lock.
 */
final class Hub {

  final List<MidiListener> listeners = new CopyOnWriteArrayList<>();
  final List<PortListener> portListeners = new CopyOnWriteArrayList<>();
  final LongAdder received = new LongAdder();
  final LongAdder sent = new LongAdder();
  final LongAdder rejected = new LongAdder();
  final LongAdder overflows = new LongAdder();
  final LongAdder listenerFailures = new LongAdder();
  final LongAdder rescans = new LongAdder();
  private final RateLimitedLog log;

  Hub(Consumer<String> warn) {
    this.log = new RateLimitedLog(warn, 5_000);
  }

  /** A complete message from a backend's reader thread. */
  void deliver(MidiEvent e) {
    received.increment();
    for (MidiListener l : listeners) {
      try {
        l.onMidi(e);
      } catch (RuntimeException | LinkageError t) {
        listenerFailures.increment();
        log.warn("a MIDI listener failed on " + e + ": " + t);
      }
    }
  }

  /** Bytes that are not one MIDI message. */
  void malformed(String port, int length) {
    rejected.increment();
    log.warn("dropped " + length + " bytes from " + port + " that are not one complete MIDI message");
  }

  void portsChanged(List<MidiPort> added, List<MidiPort> removed) {
    if (added.isEmpty() && removed.isEmpty()) {
      return;
    }
    List<MidiPort> a = List.copyOf(added);
    List<MidiPort> r = List.copyOf(removed);
    for (PortListener l : portListeners) {
      try {
        l.portsChanged(a, r);
      } catch (RuntimeException | LinkageError t) {
        listenerFailures.increment();
        log.warn("a MIDI port listener failed: " + t);
      }
    }
  }

  void warn(String message) {
    log.warn(message);
  }

  MidiService.Stats stats() {
    return new MidiService.Stats(received.sum(), sent.sum(), rejected.sum(), overflows.sum(),
        listenerFailures.sum(), rescans.sum());
  }

  static List<MidiPort> sorted(List<MidiPort> ports) {
    List<MidiPort> s = new ArrayList<>(ports);
    s.sort((x, y) -> x.id().compareTo(y.id()) != 0 ? x.id().compareTo(y.id()) : Boolean.compare(y.input(), x.input()));
    return s;
  }
}
