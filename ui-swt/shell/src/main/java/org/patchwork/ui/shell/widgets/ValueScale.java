package org.patchwork.ui.shell.widgets;

import java.util.List;
import java.util.Locale;
import org.osgi.annotation.versioning.ConsumerType;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;

/**
 * Maps a control's position (0 at the bottom or left, 1 at the top or right) to a value and
 * back, and formats values for display.
 *
 * <pre>{@code
 * ValueScale fader = ValueScale.decibels(6);                 // -inf .. +6 dB, 0 dB at 3/4 travel
 * ValueScale cutoff = ValueScale.of(descriptor);             // logarithmic for 20..20000 Hz
 * }</pre>
 */
@ConsumerType
public interface ValueScale {

  /** The value at {@code position} (0..1). */
  double value(double position);

  /** The position (0..1) of {@code value}. */
  double position(double value);

  /** The value as shown, with its unit. */
  String format(double value);

  /** Whether only whole steps are allowed. */
  default boolean stepped() {
    return false;
  }

  /** Linear from {@code min} to {@code max}. */
  static ValueScale linear(double min, double max, String unit) {
    return new ValueScale() {
      public double value(double p) {
        return min + clamp(p) * (max - min);
      }

      public double position(double v) {
        return max == min ? 0 : clamp((v - min) / (max - min));
      }

      public String format(double v) {
        return number(v) + suffix(unit);
      }
    };
  }

  /** Logarithmic from {@code min} to {@code max} (both positive), as frequencies and times want. */
  static ValueScale logarithmic(double min, double max, String unit) {
    double ratio = Math.log(max / min);
    return new ValueScale() {
      public double value(double p) {
        return min * Math.exp(clamp(p) * ratio);
      }

      public double position(double v) {
        return v <= min ? 0 : clamp(Math.log(v / min) / ratio);
      }

      public String format(double v) {
        return number(v) + suffix(unit);
      }
    };
  }

  /** Whole numbers from {@code min} to {@code max}, shown by name when names are given. */
  static ValueScale stepped(double min, double max, List<String> names, String unit) {
    return new ValueScale() {
      public double value(double p) {
        return Math.round(min + clamp(p) * (max - min));
      }

      public double position(double v) {
        return max == min ? 0 : clamp((Math.round(v) - min) / (max - min));
      }

      public String format(double v) {
        int i = (int) Math.round(v - min);
        return i >= 0 && i < names.size() ? names.get(i) : number(Math.round(v)) + suffix(unit);
      }

      public boolean stepped() {
        return true;
      }
    };
  }

  /**
   * A fader: silence (-144 dB, shown as -inf) at the bottom, -60 dB at a tenth of the travel,
   * then linear in dB up to {@code maxDb} at the top.
   */
  static ValueScale decibels(double maxDb) {
    return new ValueScale() {
      public double value(double p) {
        double q = clamp(p);
        if (q <= 0) {
          return -144;
        }
        if (q < 0.1) {
          return -144 + q / 0.1 * 84;
        }
        return -60 + (q - 0.1) / 0.9 * (maxDb + 60);
      }

      public double position(double db) {
        if (db <= -144) {
          return 0;
        }
        if (db < -60) {
          return (db + 144) / 84 * 0.1;
        }
        return clamp(0.1 + (db + 60) / (maxDb + 60) * 0.9);
      }

      public String format(double db) {
        return db <= -144 ? "-inf dB" : String.format(Locale.ROOT, "%.1f dB", db);
      }
    };
  }

  /** The natural scale of a module parameter: stepped, logarithmic (wide positive ranges) or linear. */
  static ValueScale of(ParameterDescriptor p) {
    if (p.has(ParameterFlag.STEPPED)) {
      return stepped(p.min(), p.max(), p.valueNames(), p.unit());
    }
    if (p.min() > 0 && p.max() / p.min() >= 100) {
      return logarithmic(p.min(), p.max(), p.unit());
    }
    return linear(p.min(), p.max(), p.unit());
  }

  private static double clamp(double p) {
    return p < 0 ? 0 : p > 1 ? 1 : p;
  }

  private static String suffix(String unit) {
    return unit == null || unit.isEmpty() ? "" : " " + unit;
  }

  private static String number(double v) {
    double a = Math.abs(v);
    if (v == Math.rint(v) && a < 1e6) {
      return String.valueOf((long) v);
    }
    return a >= 100 ? String.format(Locale.ROOT, "%.0f", v)
        : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }
}
