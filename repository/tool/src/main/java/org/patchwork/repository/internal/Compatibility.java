package org.patchwork.repository.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.patchwork.repository.Catalogue.ModuleInfo;
import org.patchwork.repository.Catalogue.ParameterInfo;
import org.patchwork.repository.Catalogue.PortInfo;

/**
 * The changes between two versions of a bundle's modules that break saved projects, which refer
 * to modules, ports and parameters by id: a module, port or parameter that disappeared, a port
 * whose type or direction changed, a parameter that changed between stepped and continuous or
 * changed its unit. Adding things, changing ranges and names, and retiring a parameter with the
 * {@code REMOVED} flag (which keeps its id) are compatible.
 */
final class Compatibility {

  private Compatibility() {
  }

  /** Every breaking change from {@code before} to {@code after}, in words; empty if none. */
  static List<String> breakingChanges(List<ModuleInfo> before, List<ModuleInfo> after) {
    List<String> changes = new ArrayList<>();
    Map<String, ModuleInfo> now = byId(after, ModuleInfo::id);
    for (ModuleInfo old : before) {
      ModuleInfo neu = now.get(old.id());
      if (neu == null) {
        changes.add("module " + old.id() + " was removed");
        continue;
      }
      Map<String, PortInfo> ports = byId(neu.ports(), PortInfo::id);
      for (PortInfo p : old.ports()) {
        PortInfo q = ports.get(p.id());
        if (q == null) {
          changes.add("module " + old.id() + ": port '" + p.id() + "' was removed");
        } else if (!p.type().equals(q.type()) || !p.direction().equals(q.direction())) {
          changes.add("module " + old.id() + ": port '" + p.id() + "' was retyped from " + p.type() + " "
              + p.direction() + " to " + q.type() + " " + q.direction());
        }
      }
      Map<String, ParameterInfo> params = byId(neu.parameters(), ParameterInfo::id);
      for (ParameterInfo p : old.parameters()) {
        ParameterInfo q = params.get(p.id());
        if (q == null) {
          changes.add("module " + old.id() + ": parameter '" + p.id() + "' was removed"
              + (p.removed() ? "" : " (keep it and flag it REMOVED instead)"));
        } else if (p.stepped() != q.stepped()) {
          changes.add("module " + old.id() + ": parameter '" + p.id() + "' was retyped from "
              + (p.stepped() ? "stepped to continuous" : "continuous to stepped"));
        } else if (!java.util.Objects.equals(p.unit(), q.unit())) {
          changes.add("module " + old.id() + ": parameter '" + p.id() + "' changed its unit from '" + p.unit()
              + "' to '" + q.unit() + "'");
        }
      }
    }
    return changes;
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
  }
}
