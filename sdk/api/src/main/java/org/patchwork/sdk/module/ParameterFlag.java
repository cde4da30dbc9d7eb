package org.patchwork.sdk.module;

import org.osgi.annotation.versioning.ProviderType;

/** Properties of a parameter that hosts and controllers act on. */
@ProviderType
public enum ParameterFlag {
  /** Takes whole-number values only (modes, waveforms, octave switches); never smoothed. */
  STEPPED,
  /** May be written by automation lanes and effect commands. */
  AUTOMATABLE,
  /** May be driven by a CV cable at audio rate. */
  MODULATABLE,
  /** Retired: kept so saved projects load, hidden from users, never reused. */
  REMOVED
}
