package org.patchwork.midifile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An exact rational number in lowest terms with a positive denominator, for tempo-map times that
 * must round-trip without drift (a tick at 140 BPM and 96 PPQ is 1/224 of a second; no double
 * holds that).
 *
 * <pre>{@code
 * Ratio s = tempoMap.seconds(tick);
 * long frame = s.times(Ratio.of(48_000)).floor();
 * }</pre>
 *
 * @param numerator the numerator, sign of the value
 * @param denominator the denominator, > 0
 */
@ProviderType
public record Ratio(BigInteger numerator, BigInteger denominator) implements Comparable<Ratio> {

  public static final Ratio ZERO = new Ratio(BigInteger.ZERO, BigInteger.ONE);

  /** Normalises to lowest terms with a positive denominator. */
  public Ratio {
    Objects.requireNonNull(numerator, "numerator");
    Objects.requireNonNull(denominator, "denominator");
    if (denominator.signum() == 0) {
      throw new ArithmeticException("ratio with denominator 0");
    }
    if (denominator.signum() < 0) {
      numerator = numerator.negate();
      denominator = denominator.negate();
    }
    BigInteger g = numerator.gcd(denominator);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      numerator = numerator.divide(g);
      denominator = denominator.divide(g);
    }
    if (numerator.signum() == 0) {
      denominator = BigInteger.ONE;
    }
  }

  public static Ratio of(long value) {
    return new Ratio(BigInteger.valueOf(value), BigInteger.ONE);
  }

  public static Ratio of(long numerator, long denominator) {
    return new Ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  public Ratio plus(Ratio o) {
    return new Ratio(
        numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
        denominator.multiply(o.denominator));
  }

  public Ratio minus(Ratio o) {
    return plus(o.negate());
  }

  public Ratio negate() {
    return new Ratio(numerator.negate(), denominator);
  }

  public Ratio times(Ratio o) {
    return new Ratio(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
  }

  public Ratio times(long factor) {
    return times(of(factor));
  }

  /** Exact division; ArithmeticException for a zero divisor. */
  public Ratio dividedBy(Ratio o) {
    if (o.numerator.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    return new Ratio(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
  }

  public Ratio dividedBy(long divisor) {
    return dividedBy(of(divisor));
  }

  /** The largest integer <= this; ArithmeticException if it does not fit a long. */
  public long floor() {
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    return q.longValueExact();
  }

  /** The smallest integer >= this; ArithmeticException if it does not fit a long. */
  public long ceil() {
    return -negate().floor();
  }

  /** True when the denominator is 1. */
  public boolean isInteger() {
    return denominator.equals(BigInteger.ONE);
  }

  /** The nearest double (for display and tolerant comparisons only). */
  public double toDouble() {
    return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64).doubleValue();
  }

  /** A decimal rendering with {@code scale} digits after the point, rounded half-even. */
  public String toDecimal(int scale) {
    return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_EVEN).toPlainString();
  }

  @Override
  public int compareTo(Ratio o) {
    return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
  }

  @Override
  public String toString() {
    return isInteger() ? numerator.toString() : numerator + "/" + denominator;
  }
}
