package org.patchwork.sequencer.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact fraction of two big integers, always in lowest terms with a positive denominator.
 * Song time is kept in these so that frames computed after millions of lines, tempo changes,
 * grooves and delays are exactly what the formula says, and rounding happens once, at the end.
 */
public final class Rational implements Comparable<Rational> {

  public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
  public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

  private static final BigInteger TWO = BigInteger.TWO;

  private final BigInteger num;
  private final BigInteger den;

  private Rational(BigInteger num, BigInteger den) {
    this.num = num;
    this.den = den;
  }

  /** {@code n / d}, reduced. */
  public static Rational of(BigInteger n, BigInteger d) {
    if (d.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (d.signum() < 0) {
      n = n.negate();
      d = d.negate();
    }
    BigInteger g = n.gcd(d);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      n = n.divide(g);
      d = d.divide(g);
    }
    return new Rational(n, d);
  }

  /** {@code n / d}. */
  public static Rational of(long n, long d) {
    return of(BigInteger.valueOf(n), BigInteger.valueOf(d));
  }

  /** The whole number {@code n}. */
  public static Rational of(long n) {
    return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
  }

  /** The exact value of a decimal. */
  public static Rational of(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() <= 0) {
      return new Rational(s.toBigIntegerExact(), BigInteger.ONE);
    }
    return of(s.unscaledValue(), BigInteger.TEN.pow(s.scale()));
  }

  /** The exact value of a double as written in its shortest decimal form ({@code 0.1} is 1/10). */
  public static Rational of(double d) {
    return of(BigDecimal.valueOf(d));
  }

  public Rational add(Rational o) {
    if (den.equals(o.den)) {
      return of(num.add(o.num), den);
    }
    return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  public Rational subtract(Rational o) {
    return add(o.negate());
  }

  public Rational negate() {
    return new Rational(num.negate(), den);
  }

  public Rational multiply(Rational o) {
    return of(num.multiply(o.num), den.multiply(o.den));
  }

  public Rational multiply(long n) {
    return of(num.multiply(BigInteger.valueOf(n)), den);
  }

  public Rational divide(Rational o) {
    return of(num.multiply(o.den), den.multiply(o.num));
  }

  public Rational divide(long n) {
    return of(num, den.multiply(BigInteger.valueOf(n)));
  }

  public int signum() {
    return num.signum();
  }

  /**
   * The nearest whole number, halves going to the even neighbour (the rounding rule of every
   * frame: the exact frame {@code 1000.5} becomes {@code 1000}, {@code 1001.5} becomes {@code 1002}).
   */
  public long roundHalfEven() {
    BigInteger[] qr = num.divideAndRemainder(den);
    BigInteger q = qr[0];
    BigInteger r = qr[1];
    if (r.signum() < 0) {
      // Floor division for negatives: q-1 with a positive remainder.
      q = q.subtract(BigInteger.ONE);
      r = r.add(den);
    }
    int c = r.multiply(TWO).compareTo(den);
    if (c > 0 || c == 0 && q.testBit(0)) {
      q = q.add(BigInteger.ONE);
    }
    return q.longValueExact();
  }

  /** The largest whole number not above this. */
  public long floor() {
    return -negate().ceil();
  }

  /** The smallest whole number not below this. */
  public long ceil() {
    BigInteger[] qr = num.divideAndRemainder(den);
    BigInteger q = qr[0];
    if (qr[1].signum() > 0) {
      q = q.add(BigInteger.ONE);
    }
    return q.longValueExact();
  }

  public double doubleValue() {
    return new BigDecimal(num).divide(new BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue();
  }

  @Override
  public int compareTo(Rational o) {
    return num.multiply(o.den).compareTo(o.num.multiply(den));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rational r && num.equals(r.num) && den.equals(r.den);
  }

  @Override
  public int hashCode() {
    return num.hashCode() * 31 + den.hashCode();
  }

  @Override
  public String toString() {
    return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
  }
}
