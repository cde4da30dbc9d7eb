package org.patchwork.controllers.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.patchwork.controllers.ParameterRange;
import org.patchwork.sdk.control.ControlEvent;
import org.patchwork.sdk.control.ControllerMapper;
import org.patchwork.sdk.control.Mapping;
import org.patchwork.sdk.control.ParameterTarget;

/**
 * MIDI learn and the application of control values to parameters.
 *
 * <p>Values are worked in fractions 0..1 of the parameter's range. An absolute control's
 * position is {@code value/127} (pitch bend and OSC: {@code /16383}); a relative control moves
 * the parameter by {@link Encoders#steps} times {@value #STEP}. Takeover, for an absolute control
 * whose position differs from the parameter's value:
 *
 * <ul>
 *   <li>JUMP: the parameter takes the control's position at once;
 *   <li>PICKUP: nothing moves until the control reaches or crosses the parameter's value (within
 *       one step), then they move together;
 *   <li>SCALE: the parameter moves towards the end the control moves to, proportionally, so that
 *       both arrive there together: moving up from {@code c} to {@code c'},
 *       {@code p' = p + (c'−c)·(1−p)/(1−c)}; down, {@code p' = p − (c−c')·p/c}. Once they meet
 *       (within one step) they move together.
 * </ul>
 *
 * <p>When a bound parameter changes elsewhere, {@link #parameterChanged} sends the new position
 * to the control's device (LED ring, motor fader) and the takeover starts over.
 *
 * <p>Thread-safe: every method synchronises on this mapper briefly, never around I/O.
 */
final class Mapper implements ControllerMapper {

  /** A relative control's step, in fractions of the range. */
  static final double STEP = 1.0 / 128;

  /** Where parameter changes go. */
  interface Output {
    /** Sets the parameter to the fraction {@code x} of its range, for input that arrived at {@code nanos}. */
    void set(ParameterTarget target, double x, long nanos);

    /** The parameter's current fraction, or NaN if not known. */
    double current(ParameterTarget target);

    /** Sends a feedback message to the device a binding came from. */
    void feedback(String source, byte[] message);
  }

  private static final class Binding {
    final Mapping mapping;
    double lastControl = Double.NaN;
    boolean engaged;

    Binding(Mapping mapping) {
      this.mapping = mapping;
    }
  }

  private final Output output;
  private final List<Binding> bindings = new ArrayList<>();
  private final Map<ParameterTarget, Double> values = new HashMap<>();
  private ParameterTarget learning;
  private Mapping.Mode learnMode = Mapping.Mode.ABSOLUTE;
  private Mapping.Takeover learnTakeover = Mapping.Takeover.PICKUP;
  private Runnable onChange = () -> { };

  Mapper(Output output) {
    this.output = output;
  }

  /** Called (outside the lock) after a binding was added or removed, e.g. to save them. */
  void onChange(Runnable r) {
    onChange = r;
  }

  @Override
  public void learn(ParameterTarget target) {
    learn(target, Mapping.Mode.ABSOLUTE, Mapping.Takeover.PICKUP);
  }

  synchronized void learn(ParameterTarget target, Mapping.Mode mode, Mapping.Takeover takeover) {
    learning = Objects.requireNonNull(target, "learn needs a parameter");
    learnMode = Objects.requireNonNull(mode);
    learnTakeover = Objects.requireNonNull(takeover);
  }

  synchronized Optional<ParameterTarget> learning() {
    return Optional.ofNullable(learning);
  }

  @Override
  public synchronized void cancelLearn() {
    learning = null;
  }

  @Override
  public boolean unlearn(ParameterTarget target) {
    boolean removed;
    synchronized (this) {
      removed = bindings.removeIf(b -> b.mapping.target().equals(target));
    }
    if (removed) {
      onChange.run();
    }
    return removed;
  }

  @Override
  public synchronized List<Mapping> mappings() {
    return bindings.stream().map(b -> b.mapping).toList();
  }

  void replace(List<Mapping> mappings) {
    synchronized (this) {
      bindings.clear();
      mappings.forEach(m -> bindings.add(new Binding(m)));
    }
    onChange.run();
  }

  @Override
  public boolean apply(ControlEvent e) {
    return apply(e, System.nanoTime());
  }

  /** As {@link #apply(ControlEvent)}, for input that arrived at {@code nanos}. */
  boolean apply(ControlEvent e, long nanos) {
    List<Runnable> effects = new ArrayList<>();
    boolean learned = false;
    boolean bound;
    synchronized (this) {
      if (learning != null && learnable(e)) {
        Mapping m = new Mapping(e.source(), e.kind(), e.channel(), e.number(), learning,
            e.kind() == ControlEvent.Kind.CONTROL_CHANGE ? learnMode : Mapping.Mode.ABSOLUTE, learnTakeover);
        bindings.removeIf(b -> same(b.mapping, e));
        Binding b = new Binding(m);
        // The control is where the user left it: pick-up starts from there.
        b.lastControl = position(e);
        bindings.add(b);
        learning = null;
        learned = true;
      }
      bound = false;
      for (Binding b : bindings) {
        if (!same(b.mapping, e)) {
          continue;
        }
        bound = true;
        if (learned) {
          continue;
        }
        double x = move(b, e);
        if (!Double.isNaN(x)) {
          values.put(b.mapping.target(), x);
          ParameterTarget t = b.mapping.target();
          effects.add(() -> output.set(t, x, nanos));
        }
      }
    }
    effects.forEach(Runnable::run);
    if (learned) {
      onChange.run();
    }
    return bound || learned;
  }

  private static boolean learnable(ControlEvent e) {
    return switch (e.kind()) {
      case CONTROL_CHANGE, PITCH_BEND, OSC -> true;
      case NOTE -> e.value() > 0;
      case PROGRAM_CHANGE -> false;
    };
  }

  private static boolean same(Mapping m, ControlEvent e) {
    return m.kind() == e.kind() && m.channel() == e.channel() && m.number() == e.number()
        && (m.source().equals("*") || m.source().equals(e.source()));
  }

  private static double position(ControlEvent e) {
    double max = e.kind() == ControlEvent.Kind.PITCH_BEND || e.kind() == ControlEvent.Kind.OSC ? 16383 : 127;
    return Math.max(0, Math.min(1, e.value() / max));
  }

  /** The parameter's new fraction after this event, or NaN to leave it. Holds the lock. */
  private double move(Binding b, ControlEvent e) {
    ParameterTarget t = b.mapping.target();
    double current = values.containsKey(t) ? values.get(t) : output.current(t);
    if (b.mapping.mode() != Mapping.Mode.ABSOLUTE) {
      int steps = Encoders.steps(b.mapping.mode(), e.value());
      if (steps == 0) {
        return Double.NaN;
      }
      double from = Double.isNaN(current) ? 0.5 : current;
      return clamp(from + steps * STEP);
    }
    if (e.kind() == ControlEvent.Kind.NOTE) {
      // a pad or key toggles its parameter between the ends of the range
      if (e.value() == 0) {
        return Double.NaN;
      }
      return Double.isNaN(current) || current < 0.5 ? 1 : 0;
    }
    double c = position(e);
    double last = b.lastControl;
    b.lastControl = c;
    if (Double.isNaN(current) || b.engaged || b.mapping.takeover() == Mapping.Takeover.JUMP) {
      b.engaged = true;
      return c;
    }
    double tolerance = 1.0 / 127;
    if (Math.abs(c - current) <= tolerance
        || (!Double.isNaN(last) && (last - current) * (c - current) < 0)) {
      b.engaged = true;
      return c;
    }
    if (b.mapping.takeover() == Mapping.Takeover.PICKUP || Double.isNaN(last) || c == last) {
      return Double.NaN;
    }
    // SCALE: cover the rest of the range proportionally, meeting at the end moved towards
    double p = c > last
        ? current + (c - last) * (1 - current) / (1 - last)
        : current - (last - c) * current / last;
    if (Math.abs(p - c) <= tolerance) {
      b.engaged = true;
    }
    return clamp(p);
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }

  /**
   * A parameter changed elsewhere (or here): remember it, and if it differs from what this
   * mapper last set, send it to every control bound to it and restart their takeover.
   */
  void parameterChanged(ParameterTarget target, double x) {
    List<Runnable> sends = new ArrayList<>();
    synchronized (this) {
      Double mine = values.put(target, x);
      if (mine != null && Math.abs(mine - x) < 1e-9) {
        return;
      }
      for (Binding b : bindings) {
        if (!b.mapping.target().equals(target)) {
          continue;
        }
        b.engaged = false;
        byte[] message = feedback(b.mapping, x);
        if (message != null) {
          String source = b.mapping.source();
          sends.add(() -> output.feedback(source, message));
        }
      }
    }
    sends.forEach(Runnable::run);
  }

  /** The message that shows {@code x} on the control of {@code m}, or null (OSC, relative CCs get theirs too). */
  static byte[] feedback(Mapping m, double x) {
    int ch = m.channel() & 0x0F;
    return switch (m.kind()) {
      case CONTROL_CHANGE -> new byte[] {(byte) (0xB0 | ch), (byte) m.number(), (byte) Math.round(x * 127)};
      case NOTE -> new byte[] {(byte) (0x90 | ch), (byte) m.number(), (byte) (x >= 0.5 ? 127 : 0)};
      case PITCH_BEND -> {
        int v = (int) Math.round(x * 16383);
        yield new byte[] {(byte) (0xE0 | ch), (byte) (v & 0x7F), (byte) (v >> 7)};
      }
      default -> null;
    };
  }

  /** Scales a fraction to a parameter's unit. */
  static double value(ParameterRange range, double x) {
    return (range == null ? ParameterRange.UNIT : range).at(x);
  }
}
