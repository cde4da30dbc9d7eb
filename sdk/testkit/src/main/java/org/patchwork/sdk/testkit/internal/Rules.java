package org.patchwork.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.patchwork.sdk.testkit.RealTimeRules.Kind;

/**
 * What a call outside the scanned code means for the audio thread: allowed (known safe, not
 * followed), denied (a violation of some kind) or neither (not followed, not reported). Allow
 * entries are checked first, so they carve exceptions out of broad deny entries.
 *
 * <p>A pattern is {@code classGlob} or {@code classGlob#methodGlob}, with binary class names
 * ({@code java.lang.System$Logger}); {@code *} matches within one name segment, {@code **}
 * matches anything: {@code java.io.**}, {@code java.lang.Thread#sleep},
 * {@code java.util.Collections#synchronized*}.
 */
public final class Rules {

  /** A matched rule: what kind of violation, or null when allowed. */
  public record Verdict(Kind kind, String reason) {
    public boolean allowed() {
      return kind == null;
    }
  }

  private record Rule(Pattern owner, Pattern method, Verdict verdict) {
  }

  private final List<Rule> allow = new ArrayList<>();
  private final List<Rule> deny = new ArrayList<>();

  /** The JDK and library rules every check starts from. */
  public static Rules defaults() {
    Rules r = new Rules();
    // Known safe, listed so they stay safe when a broader deny entry covers them.
    r.allow("java.lang.Math#*", "pure arithmetic");
    r.allow("java.lang.StrictMath#*", "pure arithmetic");
    r.allow("java.lang.System#arraycopy", "an intrinsic memory copy");
    r.allow("java.lang.System#nanoTime", "reads a clock, no lock");
    r.allow("java.util.Arrays#fill", "a loop over the array");
    r.allow("java.lang.invoke.VarHandle#*", "access modes and fences compile to plain or fenced memory operations");
    r.allow("java.util.concurrent.atomic.**", "lock-free compare-and-set on one variable");
    r.allow("java.util.concurrent.ThreadLocalRandom#*", "per-thread state, no lock");
    r.allow("java.util.concurrent.TimeUnit#to*", "unit arithmetic");
    r.allow("java.util.concurrent.TimeUnit#convert", "unit arithmetic");

    r.deny("java.util.concurrent.locks.LockSupport#park*", Kind.BLOCKING);
    r.deny("java.util.concurrent.locks.**", Kind.LOCK);
    r.deny("java.lang.Object#wait", Kind.BLOCKING);
    r.deny("java.lang.Object#notify*", Kind.LOCK);
    r.deny("java.lang.Thread#sleep", Kind.BLOCKING);
    r.deny("java.lang.Thread#join", Kind.BLOCKING);
    r.deny("java.lang.System#gc", Kind.BLOCKING);
    r.deny("java.lang.Runtime#gc", Kind.BLOCKING);
    r.deny("java.util.Collections#synchronized*", Kind.LOCK);
    r.deny("java.util.concurrent.ConcurrentHashMap*", Kind.LOCK);
    // The rest of java.util.concurrent: queues, futures, latches, executors block or lock.
    r.deny("java.util.concurrent.**", Kind.BLOCKING);

    r.deny("java.io.**", Kind.IO);
    r.deny("java.nio.channels.**", Kind.IO);
    r.deny("java.nio.file.**", Kind.IO);
    r.deny("java.net.**", Kind.IO);
    r.deny("javax.sound.**", Kind.IO);
    r.deny("java.lang.Class#forName", Kind.IO);
    r.deny("java.lang.ClassLoader#*", Kind.IO);
    r.deny("java.lang.Runtime#exec", Kind.IO);
    r.deny("java.lang.ProcessBuilder#*", Kind.IO);

    r.deny("java.lang.System#getLogger", Kind.LOGGING);
    r.deny("java.lang.System$Logger#*", Kind.LOGGING);
    r.deny("java.lang.Throwable#printStackTrace", Kind.LOGGING);
    r.deny("java.util.logging.**", Kind.LOGGING);
    r.deny("org.slf4j.**", Kind.LOGGING);
    r.deny("org.osgi.service.log.**", Kind.LOGGING);
    r.deny("org.apache.logging.**", Kind.LOGGING);
    r.deny("org.apache.commons.logging.**", Kind.LOGGING);
    r.deny("ch.qos.logback.**", Kind.LOGGING);

    r.deny("java.lang.StringBuilder#*", Kind.ALLOCATION);
    r.deny("java.lang.StringBuffer#*", Kind.ALLOCATION);
    r.deny("java.lang.String#format*", Kind.ALLOCATION);
    r.deny("java.lang.String#valueOf", Kind.ALLOCATION);
    r.deny("java.lang.String#concat", Kind.ALLOCATION);
    r.deny("java.lang.String#join", Kind.ALLOCATION);
    r.deny("java.util.Formatter*", Kind.ALLOCATION);
    for (String box : List.of("Integer", "Long", "Short", "Character", "Float", "Double")) {
      r.deny("java.lang." + box + "#toString", Kind.ALLOCATION);
      r.deny("java.lang." + box + "#valueOf", Kind.ALLOCATION);
    }
    return r;
  }

  /** Adds an allow entry; it wins over every deny entry. */
  public void allow(String pattern, String reason) {
    allow.add(rule(pattern, new Verdict(null, reason)));
  }

  private void deny(String pattern, Kind kind) {
    deny.add(rule(pattern, new Verdict(kind, null)));
  }

  /** The verdict for {@code owner.method} (owner in internal form), or null for none. */
  public Verdict verdict(String owner, String method) {
    String name = owner.replace('/', '.');
    for (Rule r : allow) {
      if (r.owner.matcher(name).matches() && r.method.matcher(method).matches()) {
        return r.verdict;
      }
    }
    for (Rule r : deny) {
      if (r.owner.matcher(name).matches() && r.method.matcher(method).matches()) {
        return r.verdict;
      }
    }
    return null;
  }

  private static Rule rule(String pattern, Verdict verdict) {
    int hash = pattern.indexOf('#');
    String owner = hash < 0 ? pattern : pattern.substring(0, hash);
    String method = hash < 0 ? "**" : pattern.substring(hash + 1);
    if (owner.isEmpty() || method.isEmpty()) {
      throw new IllegalArgumentException("a rule is class[#method] with * and ** wildcards: '" + pattern + "'");
    }
    return new Rule(glob(owner), glob(method), verdict);
  }

  private static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        re.append(".*");
        i++;
      } else if (c == '*') {
        re.append("[^.]*");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
