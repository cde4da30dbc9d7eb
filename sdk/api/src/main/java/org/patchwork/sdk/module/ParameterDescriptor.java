package org.patchwork.sdk.module;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A parameter as plain data: stable id, range, default, unit, flags and smoothing.
 *
 * <pre>{@code
 * ParameterDescriptor cutoff = new ParameterDescriptor("cutoff", "Cutoff", 20, 20000, 1000, "Hz",
 *     Set.of(ParameterFlag.AUTOMATABLE, ParameterFlag.MODULATABLE), 5.0, List.of());
 * }</pre>
 *
 * @param id stable id, unique within the module; never changes, never reused
 * @param name label shown to users
 * @param min smallest value
 * @param max largest value
 * @param defaultValue value of a new instance, within [min, max]
 * @param unit unit label such as {@code Hz}, {@code dB}, {@code ms}, {@code %}; empty if none
 * @param flags behaviour flags
 * @param smoothingMillis time the host takes to glide to a new value (0 = jump); stepped
 *     parameters are never smoothed
 * @param valueNames for stepped parameters, optional names of the values {@code min..max}
 */
@ProviderType
public record ParameterDescriptor(
    String id,
    String name,
    double min,
    double max,
    double defaultValue,
    String unit,
    Set<ParameterFlag> flags,
    double smoothingMillis,
    List<String> valueNames) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

  /** Checks the parameter's rules at construction. */
  public ParameterDescriptor {
    ModuleDescriptor.require(id != null && ID.matcher(id).matches(),
        "parameter id must be lowercase letters, digits and _: " + id);
    ModuleDescriptor.require(name != null && !name.isBlank(), "parameter " + id + ": name is missing");
    ModuleDescriptor.require(Double.isFinite(min) && Double.isFinite(max) && min <= max,
        "parameter " + id + ": range must be finite with min <= max");
    ModuleDescriptor.require(defaultValue >= min && defaultValue <= max,
        "parameter " + id + ": default " + defaultValue + " is outside [" + min + ", " + max + "]");
    ModuleDescriptor.require(smoothingMillis >= 0 && smoothingMillis <= 1000,
        "parameter " + id + ": smoothingMillis must be within 0..1000");
    unit = unit == null ? "" : unit;
    flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    valueNames = List.copyOf(valueNames == null ? List.of() : valueNames);
    ModuleDescriptor.require(valueNames.isEmpty()
            || flags.contains(ParameterFlag.STEPPED) && valueNames.size() == (int) (max - min) + 1,
        "parameter " + id + ": valueNames need STEPPED and one name per value");
  }

  /** An automatable, modulatable parameter smoothed over 5 ms: the common case. */
  public static ParameterDescriptor of(
      String id, String name, double min, double max, double defaultValue, String unit) {
    return new ParameterDescriptor(id, name, min, max, defaultValue, unit,
        Set.of(ParameterFlag.AUTOMATABLE, ParameterFlag.MODULATABLE), 5.0, List.of());
  }

  /** A stepped, automatable choice among named values {@code 0..names.length-1}. */
  public static ParameterDescriptor choice(String id, String name, int defaultIndex, String... names) {
    return new ParameterDescriptor(id, name, 0, names.length - 1, defaultIndex, "",
        Set.of(ParameterFlag.STEPPED, ParameterFlag.AUTOMATABLE), 0, List.of(names));
  }

  /** Whether this parameter carries the flag. */
  public boolean has(ParameterFlag flag) {
    return flags.contains(flag);
  }

  /** {@code value} limited to [min, max], and rounded if stepped. */
  public double clamp(double value) {
    double v = Math.max(min, Math.min(max, value));
    return has(ParameterFlag.STEPPED) ? Math.rint(v) : v;
  }
}
