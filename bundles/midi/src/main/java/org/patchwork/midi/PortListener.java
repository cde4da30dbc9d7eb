package org.patchwork.midi;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** Told when ports appear or disappear (a device plugged in or out). Thread: the scanner's. */
@ConsumerType
@FunctionalInterface
public interface PortListener {

  /** Ports that came and went since the last call; either list may be empty, not both. */
  void portsChanged(List<MidiPort> added, List<MidiPort> removed);
}
