package org.patchwork.engine;

import java.time.Instant;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One module instance the engine bypassed, held back or could not start, as the control thread
 * reports it (the audio thread only counts and publishes telemetry).
 *
 * @param moduleId the module's reverse-DNS id
 * @param version the module version that failed, or "" when unknown
 * @param nodeId the node of the graph, or "" for a host-wide report (a held-back module)
 * @param reason why
 * @param frame the engine frame of the block in which it happened; -1 when not in a block
 * @param time when the control thread learned of it
 * @param detail a sentence for people, e.g. "threw from process" or the activation error
 */
@ProviderType
public record ModuleFault(String moduleId, String version, String nodeId, FaultReason reason, long frame,
    Instant time, String detail) {

  /** Checks that the identifying fields are present. */
  public ModuleFault {
    Objects.requireNonNull(moduleId, "moduleId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(time, "time");
    version = version == null ? "" : version;
    nodeId = nodeId == null ? "" : nodeId;
    detail = detail == null ? "" : detail;
  }

  /** "module org.x 1.0.0 (node 'fx') bypassed at frame 4800: threw from process (EXCEPTION)". */
  @Override
  public String toString() {
    return "module " + moduleId + (version.isEmpty() ? "" : " " + version)
        + (nodeId.isEmpty() ? "" : " (node '" + nodeId + "')")
        + (reason == FaultReason.HELD_BACK ? " held back" : reason == FaultReason.ACTIVATION ? " not swapped in" : " bypassed")
        + (frame >= 0 ? " at frame " + frame : "") + ": " + detail + " (" + reason + ")";
  }
}
