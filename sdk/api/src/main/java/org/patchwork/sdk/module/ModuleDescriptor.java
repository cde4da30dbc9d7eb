package org.patchwork.sdk.module;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything the host knows about a module before creating it: identity, ports, parameters and
 * latency. Plain, immutable data; safe to read from any thread.
 *
 * <p>The {@code id} is a reverse-DNS name that never changes and is never reused: saved projects
 * refer to modules by it. Parameter ids follow the same rule inside a module; a retired
 * parameter stays in the list with {@link ParameterFlag#REMOVED} so old projects still load.
 *
 * <pre>{@code
 * ModuleDescriptor d = new ModuleDescriptor(
 *     "com.example.sine", "Sine", "Example Inc.", "1.0.0", ModuleKind.INSTRUMENT,
 *     Set.of("oscillator"),
 *     List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.audioOut("out", 1)),
 *     List.of(ParameterDescriptor.of("gain", "Gain", 0, 1, 0.5, "")),
 *     0);
 * }</pre>
 *
 * @param id stable reverse-DNS id, e.g. {@code org.patchwork.examples.sine}
 * @param name human-readable name shown in browsers
 * @param vendor who made the module
 * @param version the module's own version (semantic, {@code major.minor.patch})
 * @param kind what role the module plays in a patch
 * @param tags family tags such as {@code oscillator}, {@code filter}, {@code effect}
 * @param ports inputs and outputs; a port's index in this list is the index
 *     {@link ProcessContext#input} and {@link ProcessContext#output} take
 * @param parameters parameters; a parameter's index in this list is the index
 *     {@link ProcessContext#parameter} takes
 * @param latencySamples the delay the module adds to its audio outputs, for compensation
 */
@ProviderType
public record ModuleDescriptor(
    String id,
    String name,
    String vendor,
    String version,
    ModuleKind kind,
    Set<String> tags,
    List<PortDescriptor> ports,
    List<ParameterDescriptor> parameters,
    int latencySamples) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)+");
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+([.-][A-Za-z0-9_-]+)?");

  /** Checks every rule at construction, so a bad descriptor fails where it is written. */
  public ModuleDescriptor {
    require(id != null && ID.matcher(id).matches(),
        "module id must be reverse-DNS lowercase (like com.example.sine): " + id);
    require(name != null && !name.isBlank(), "module " + id + ": name is missing");
    require(vendor != null && !vendor.isBlank(), "module " + id + ": vendor is missing");
    require(version != null && VERSION.matcher(version).matches(),
        "module " + id + ": version must be major.minor.patch: " + version);
    require(kind != null, "module " + id + ": kind is missing");
    require(latencySamples >= 0, "module " + id + ": latencySamples must be >= 0");
    tags = Set.copyOf(tags == null ? Set.of() : tags);
    ports = List.copyOf(ports == null ? List.of() : ports);
    parameters = List.copyOf(parameters == null ? List.of() : parameters);
    Set<String> seen = new HashSet<>();
    for (PortDescriptor p : ports) {
      require(seen.add("port:" + p.id()), "module " + id + ": duplicate port id " + p.id());
    }
    for (ParameterDescriptor p : parameters) {
      require(seen.add("param:" + p.id()), "module " + id + ": duplicate parameter id " + p.id());
    }
  }

  /** The index of the parameter with this id, or -1. */
  public int parameterIndex(String parameterId) {
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).id().equals(parameterId)) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the port with this id, or -1. */
  public int portIndex(String portId) {
    for (int i = 0; i < ports.size(); i++) {
      if (ports.get(i).id().equals(portId)) {
        return i;
      }
    }
    return -1;
  }

  static void require(boolean rule, String message) {
    if (!rule) {
      throw new IllegalArgumentException(message);
    }
  }
}
