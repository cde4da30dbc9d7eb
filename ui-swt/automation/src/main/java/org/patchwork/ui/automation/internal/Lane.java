package org.patchwork.ui.automation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sequencer.Envelope;
import org.patchwork.ui.shell.widgets.ValueScale;

/**
 * One automation lane: an envelope of the song with what the panel knows about its parameter.
 * Values are kept to the parameter's range (and whole steps for stepped parameters) and drawn on
 * the parameter's natural scale ({@link ValueScale#of}: logarithmic for frequencies and the
 * like). A parameter whose module is not installed gets a linear scale over the envelope's own
 * values, so the lane still shows.
 *
 * @param envelope the song's envelope
 * @param descriptor the parameter's descriptor, or null when its module is unknown
 */
record Lane(Envelope envelope, ParameterDescriptor descriptor) {

  /** {@code "filter.cutoff — Cutoff (Hz)"}. */
  String label() {
    if (descriptor == null) {
      return envelope.target();
    }
    return envelope.target() + " \u2014 " + descriptor.name() + (descriptor.unit().isEmpty() ? "" : " (" + descriptor.unit() + ")");
  }

  /** How values map to heights and read as text. */
  ValueScale scale() {
    if (descriptor != null) {
      return ValueScale.of(descriptor);
    }
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (Envelope.Point p : envelope.points()) {
      lo = Math.min(lo, p.value());
      hi = Math.max(hi, p.value());
    }
    return lo == hi ? ValueScale.linear(lo - 1, hi + 1, "") : ValueScale.linear(lo, hi, "");
  }

  /**
   * Values worth a grid line: each step of a stepped parameter (up to 9 of them), 1-2-5 values
   * over the decades of a logarithmic one, else the ends and quarters of the range.
   */
  List<Double> gridValues() {
    ValueScale scale = scale();
    double lo = descriptor != null ? descriptor.min() : scale.value(0);
    double hi = descriptor != null ? descriptor.max() : scale.value(1);
    List<Double> out = new ArrayList<>();
    if (descriptor != null && descriptor.has(ParameterFlag.STEPPED) && hi - lo <= 8) {
      for (double v = lo; v <= hi; v++) {
        out.add(v);
      }
    } else if (descriptor != null && lo > 0 && hi / lo >= 100 && !descriptor.has(ParameterFlag.STEPPED)) {
      out.add(lo);
      for (double decade = Math.pow(10, Math.floor(Math.log10(lo))); decade <= hi; decade *= 10) {
        for (double m : new double[] {1, 2, 5}) {
          double v = m * decade;
          // Leave room around the ends, which are labelled anyway.
          if (v > lo * 1.5 && v < hi / 1.5) {
            out.add(v);
          }
        }
      }
      out.add(hi);
    } else {
      for (double q : new double[] {0, 0.25, 0.5, 0.75, 1}) {
        out.add(scale.value(q));
      }
    }
    return out;
  }

  /** {@code value} within the parameter's range, rounded when it is stepped. */
  double clamp(double value) {
    return descriptor == null ? value : descriptor.clamp(value);
  }

  /** The song's lanes, in its order, with descriptors from {@code modules}. */
  static List<Lane> of(List<Envelope> automation, Project project, Function<String, Optional<ModuleDescriptor>> modules) {
    List<Lane> lanes = new ArrayList<>();
    for (Envelope e : automation) {
      lanes.add(new Lane(e, descriptor(project, modules, e.node(), e.parameter())));
    }
    return lanes;
  }

  /** The descriptor of {@code node.parameter}, or null. */
  static ParameterDescriptor descriptor(Project project, Function<String, Optional<ModuleDescriptor>> modules,
      String node, String parameter) {
    return project.graph().node(node).flatMap(n -> modules.apply(n.module()))
        .flatMap(d -> d.parameters().stream().filter(p -> p.id().equals(parameter)).findFirst()).orElse(null);
  }

  /** The parameters of a module that automation may drive: automatable, not retired. */
  static List<ParameterDescriptor> automatable(ModuleDescriptor module) {
    return module.parameters().stream()
        .filter(p -> p.has(ParameterFlag.AUTOMATABLE) && !p.has(ParameterFlag.REMOVED)).toList();
  }

  /**
   * A new lane's envelope: one point at the song's start holding the parameter's present value
   * (the node's setting, else the default), stepping for stepped parameters, else linear.
   */
  static Envelope start(Node node, ParameterDescriptor p) {
    double value = p.clamp(node.params().getOrDefault(p.id(), p.defaultValue()));
    Envelope.Curve curve = p.has(ParameterFlag.STEPPED) ? Envelope.Curve.STEP : Envelope.Curve.LINEAR;
    return new Envelope(node.id(), p.id(), List.of(new Envelope.Point(BigDecimal.ZERO, value, curve, 0)));
  }
}
