package org.patchwork.controllers;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told what the model thread applied, for feedback to devices (LEDs, motor faders) and replies.
 * Thread: the model thread; return quickly.
 */
@ConsumerType
public interface ControlListener {

  /** A module parameter was set (by any input) to {@code value}. */
  default void parameterChanged(String node, String parameter, double value) {
  }

  /** The state changed; called once per batch of inputs, after them. */
  default void stateChanged(ControlState state) {
  }
}
