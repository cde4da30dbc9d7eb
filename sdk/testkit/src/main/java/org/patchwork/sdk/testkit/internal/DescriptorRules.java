package org.patchwork.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;

/**
 * The descriptor rules the SDK's record constructors cannot check on their own. What they do
 * check (id and version syntax, names present, unique port and parameter ids, finite ranges
 * with the default inside, value names only on stepped parameters and one per value) cannot be
 * broken by a descriptor that exists, so it is not checked again here.
 */
public final class DescriptorRules {

  private DescriptorRules() {
  }

  /** Every rule {@code factory} and its descriptor {@code d} break; empty if none. */
  public static List<String> problems(ModuleFactory factory, ModuleDescriptor d) {
    List<String> found = new ArrayList<>();
    ModuleDescriptor again = factory.descriptor();
    if (!d.equals(again)) {
      found.add("descriptor() returned unequal descriptors on two calls (" + difference(d, again)
          + "): it must return the same data every time");
    }
    AudioModule a = factory.create();
    AudioModule b = factory.create();
    if (a == null || a == b) {
      found.add("create() must return a new instance on every call, got " + a + " then " + b);
    }
    if (d.tags().isEmpty()) {
      found.add("no tags: name the module's family (such as oscillator, filter, effect) so browsers can group it");
    }
    boolean sound = false;
    boolean events = false;
    boolean audioIn = false;
    for (PortDescriptor p : d.ports()) {
      boolean in = p.direction() == PortDescriptor.Direction.INPUT;
      sound |= !in && p.type() != PortDescriptor.Type.EVENTS;
      events |= in && p.type() == PortDescriptor.Type.EVENTS;
      audioIn |= in && p.type() == PortDescriptor.Type.AUDIO;
    }
    if (!sound) {
      found.add("no audio or CV output: a module must produce something");
    }
    if (d.kind() == ModuleKind.INSTRUMENT && !events) {
      found.add("kind INSTRUMENT but no events input: an instrument makes sound from note events");
    }
    if (d.kind() == ModuleKind.EFFECT && !audioIn) {
      found.add("kind EFFECT but no audio input: an effect transforms audio");
    }
    for (ParameterDescriptor p : d.parameters()) {
      if (!p.has(ParameterFlag.STEPPED)) {
        continue;
      }
      if (!whole(p.min()) || !whole(p.max()) || !whole(p.defaultValue())) {
        found.add("parameter '" + p.id() + "' is STEPPED but its range [" + p.min() + ", " + p.max()
            + "] or default " + p.defaultValue() + " is not whole numbers");
      }
      if (p.smoothingMillis() != 0) {
        found.add("parameter '" + p.id() + "' is STEPPED but smoothed over " + p.smoothingMillis()
            + " ms: stepped values jump, they are never smoothed");
      }
    }
    return found;
  }

  private static boolean whole(double x) {
    return x == Math.rint(x);
  }

  private static String difference(ModuleDescriptor a, ModuleDescriptor b) {
    if (b == null) {
      return "the second was null";
    }
    if (!a.id().equals(b.id())) {
      return "id " + a.id() + " then " + b.id();
    }
    if (!a.name().equals(b.name())) {
      return "name '" + a.name() + "' then '" + b.name() + "'";
    }
    if (!a.version().equals(b.version()) || !a.vendor().equals(b.vendor())) {
      return "vendor or version";
    }
    if (a.kind() != b.kind()) {
      return "kind " + a.kind() + " then " + b.kind();
    }
    if (!a.tags().equals(b.tags())) {
      return "tags " + a.tags() + " then " + b.tags();
    }
    if (!a.ports().equals(b.ports())) {
      return "ports " + a.ports() + " then " + b.ports();
    }
    for (int i = 0; i < Math.min(a.parameters().size(), b.parameters().size()); i++) {
      if (!Objects.equals(a.parameters().get(i), b.parameters().get(i))) {
        return "parameter " + a.parameters().get(i) + " then " + b.parameters().get(i);
      }
    }
    if (a.parameters().size() != b.parameters().size()) {
      return a.parameters().size() + " parameters then " + b.parameters().size();
    }
    return "latency " + a.latencySamples() + " then " + b.latencySamples();
  }
}
