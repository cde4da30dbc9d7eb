package org.patchwork.sdk.module;

import org.osgi.annotation.versioning.ProviderType;

/** The role a module plays in a patch; tells hosts how to audition and place it. */
@ProviderType
public enum ModuleKind {
  /** Makes sound from note events (oscillators, FM, granular, sampler voices). */
  INSTRUMENT,
  /** Transforms audio inputs into audio outputs (filters, delays, reverbs, dynamics). */
  EFFECT,
  /** Produces control signals (envelopes, LFOs, sample and hold). */
  MODULATOR,
  /** Routing and level helpers (VCA, mixer, pan, gain). */
  UTILITY
}
