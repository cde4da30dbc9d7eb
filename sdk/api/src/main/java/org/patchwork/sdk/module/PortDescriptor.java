package org.patchwork.sdk.module;

import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One input or output of a module.
 *
 * @param id stable id, unique within the module
 * @param name label shown next to the jack
 * @param type what flows through the port
 * @param direction input or output
 * @param channels channel count (1 mono, 2 stereo); 0 for event ports
 */
@ProviderType
public record PortDescriptor(String id, String name, Type type, Direction direction, int channels) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

  /** What flows through a port. */
  @ProviderType
  public enum Type {
    /** Audio-rate samples, nominally in [-1, 1]. */
    AUDIO,
    /** Audio-rate control voltage; modulation sources and targets. */
    CV,
    /** Timestamped note and parameter events, read through {@link ProcessContext#event}. */
    EVENTS
  }

  /** Whether the module reads or writes the port. */
  @ProviderType
  public enum Direction {
    INPUT,
    OUTPUT
  }

  /** Checks the port's rules at construction. */
  public PortDescriptor {
    ModuleDescriptor.require(id != null && ID.matcher(id).matches(),
        "port id must be lowercase letters, digits and _: " + id);
    ModuleDescriptor.require(name != null && !name.isBlank(), "port " + id + ": name is missing");
    ModuleDescriptor.require(type != null && direction != null,
        "port " + id + ": type and direction are required");
    ModuleDescriptor.require(type == Type.EVENTS ? channels == 0 : channels >= 1 && channels <= 64,
        "port " + id + ": channels must be 0 for events and 1..64 otherwise, not " + channels);
  }

  /** An audio input with the given channel count. */
  public static PortDescriptor audioIn(String id, int channels) {
    return new PortDescriptor(id, label(id), Type.AUDIO, Direction.INPUT, channels);
  }

  /** An audio output with the given channel count. */
  public static PortDescriptor audioOut(String id, int channels) {
    return new PortDescriptor(id, label(id), Type.AUDIO, Direction.OUTPUT, channels);
  }

  /** A mono CV input. */
  public static PortDescriptor cvIn(String id) {
    return new PortDescriptor(id, label(id), Type.CV, Direction.INPUT, 1);
  }

  /** A mono CV output. */
  public static PortDescriptor cvOut(String id) {
    return new PortDescriptor(id, label(id), Type.CV, Direction.OUTPUT, 1);
  }

  /** An event input (notes, parameter changes). */
  public static PortDescriptor eventsIn(String id) {
    return new PortDescriptor(id, label(id), Type.EVENTS, Direction.INPUT, 0);
  }

  private static String label(String id) {
    return Character.toUpperCase(id.charAt(0)) + id.substring(1).replace('_', ' ');
  }
}
