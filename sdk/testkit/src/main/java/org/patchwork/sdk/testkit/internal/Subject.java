package org.patchwork.sdk.testkit.internal;

import java.util.List;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.testkit.ModuleHarness;

/**
 * A module under test: its factory and descriptor, the settings every check renders with, and
 * what the checks share (fresh instances, output scanning, failure messages).
 */
public final class Subject {

  /** Frames per second of every render. */
  public static final int RATE = 48_000;
  /** The host's largest block; renders also use smaller ones. */
  public static final int BLOCK = 64;

  private final ModuleFactory factory;
  private final ModuleDescriptor descriptor;

  public Subject(ModuleFactory factory, ModuleDescriptor descriptor) {
    this.factory = factory;
    this.descriptor = descriptor;
  }

  public ModuleDescriptor descriptor() {
    return descriptor;
  }

  public String id() {
    return descriptor.id();
  }

  /** A new instance from the factory, activated in a harness. */
  public ModuleHarness harness() {
    return new ModuleHarness(factory.create(), descriptor, RATE, BLOCK);
  }

  /** Whether the module reads note events. */
  public boolean hasEvents() {
    return has(PortDescriptor.Type.EVENTS);
  }

  /** Whether the module has an input port of this type. */
  public boolean has(PortDescriptor.Type type) {
    for (PortDescriptor p : descriptor.ports()) {
      if (p.direction() == PortDescriptor.Direction.INPUT && p.type() == type) {
        return true;
      }
    }
    return false;
  }

  /**
   * Renders {@code frames} frames of every output, turning an exception or an ERROR status from
   * the module into a failure that says in which situation it happened.
   */
  public float[][][] render(ModuleHarness h, int frames, String situation) {
    try {
      return h.renderOutputs(frames);
    } catch (RuntimeException e) {
      throw new AssertionError(id() + ": process failed with " + situation + ": " + e, e);
    }
  }

  /** {@code port[channel]} as messages name an output channel. */
  public String channel(int port, int channel) {
    return descriptor.ports().get(port).id() + "[" + channel + "]";
  }

  /** Fails with {@code failures}, at most the first ten listed, if there are any. */
  public void failIfAny(List<String> failures, String rule) {
    if (failures.isEmpty()) {
      return;
    }
    StringBuilder b = new StringBuilder(id()).append(": ").append(rule);
    b.append(failures.size() == 1 ? "" : " (" + failures.size() + " cases)").append(':');
    for (String f : failures.subList(0, Math.min(10, failures.size()))) {
      b.append("\n  ").append(f);
    }
    if (failures.size() > 10) {
      b.append("\n  ... and ").append(failures.size() - 10).append(" more");
    }
    throw new AssertionError(b.toString());
  }
}
