package org.patchwork.engine;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Why the engine bypassed a node or dropped something. The {@link #code()} travels in
 * {@link org.patchwork.bus.TelemetryMessage#reason()}. A bypassed node does what its module kind
 * suggests: an effect passes its input through, anything else goes silent.
 */
@ProviderType
public enum FaultReason {
  /** The module threw from {@code process}. */
  EXCEPTION(1),
  /** The module returned {@link org.patchwork.sdk.module.ProcessStatus#ERROR}. */
  ERROR_STATUS(2),
  /** The module wrote NaN or infinity. */
  NOT_FINITE(3),
  /** More events in one block than the engine keeps; the excess was dropped. */
  EVENT_OVERFLOW(4),
  /** A plan or mix was sent that does not fit this engine (sample rate, block size, tracks). */
  REJECTED(5),
  /** The engine itself failed; the block was silenced. */
  ENGINE(6),
  /**
   * The module's {@code process} took more than its share of the block period (see
   * {@link Engine#cpuBudget}) for several blocks in a row.
   */
  CPU_BUDGET(7),
  /**
   * The host died while activating this module last time (a crash marker was left behind), so
   * its instances stay placeholders until the user clears it ({@code pw:faults --clear ID}).
   */
  HELD_BACK(8),
  /**
   * A new instance for a hot-swap or a rebind failed to restore or activate, or failed while
   * fading in; the node kept what it was playing.
   */
  ACTIVATION(9);

  private static final FaultReason[] ALL = values();

  private final int code;

  FaultReason(int code) {
    this.code = code;
  }

  /** The stable number sent over telemetry. */
  public int code() {
    return code;
  }

  /** The reason with this code, or null. */
  public static FaultReason of(int code) {
    for (FaultReason r : ALL) {
      if (r.code == code) {
        return r;
      }
    }
    return null;
  }
}
