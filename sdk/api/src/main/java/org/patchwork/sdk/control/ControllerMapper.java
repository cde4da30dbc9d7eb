package org.patchwork.sdk.control;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Binds hardware controls (MIDI CCs, notes, OSC addresses) to module parameters and applies
 * incoming control events. Profiles for known devices are data, loaded by the implementation.
 *
 * <pre>{@code
 * mapper.learn(new ParameterTarget("lead-filter", "cutoff"));
 * // the user turns a knob: the next CC event binds to lead-filter/cutoff
 * mapper.apply(event);
 * }</pre>
 *
 * <p>Thread: any; implementations are thread-safe and never block the caller for long.
 */
@ProviderType
public interface ControllerMapper {

  /** Arms learn mode: the next control event that arrives binds to {@code target}. */
  void learn(ParameterTarget target);

  /** Leaves learn mode without binding. */
  void cancelLearn();

  /** Removes every binding to {@code target}; returns whether there was one. */
  boolean unlearn(ParameterTarget target);

  /**
   * Applies a control event: completes a pending learn, or moves the bound parameter.
   *
   * @return true if the event was bound (or learned), false if nothing listens to it
   */
  boolean apply(ControlEvent event);

  /** The current bindings, in the order they were made. */
  List<Mapping> mappings();
}
