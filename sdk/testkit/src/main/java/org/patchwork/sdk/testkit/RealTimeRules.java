package org.patchwork.sdk.testkit;

import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;
import org.patchwork.sdk.testkit.internal.ClassIndex;
import org.patchwork.sdk.testkit.internal.Rules;
import org.patchwork.sdk.testkit.internal.Walker;

/**
 * A static check of the audio thread's rules on compiled code: from one or more entry methods
 * it follows every call through the classes of the scanned packages and reports each
 * reachable lock, blocking call, log, I/O call and hidden allocation, with the call path that
 * reaches it. It reads class files with the JDK's ClassFile API and runs nothing. Allocation by
 * {@code new} is measured at run time (ThreadMXBean tests); this check covers what such tests
 * cannot see until it happens: the lock taken only when contended, the log line written only on
 * an odd path.
 *
 * <pre>{@code
 * RealTimeRules.assertRealTimeSafe(MyModule.class, "process",
 *     "(Lorg/patchwork/sdk/module/ProcessContext;)Lorg/patchwork/sdk/module/ProcessStatus;",
 *     "com.example.mymodule");
 *
 * RealTimeRules.scan("com.example.mymodule")   // every AudioModule there: process and reset
 *     .allAudioModules()
 *     .assertRealTimeSafe();
 * }</pre>
 *
 * <p>What it reports, reachable from an entry:
 * <ul>
 * <li>{@link Kind#LOCK}: {@code monitorenter}, a {@code synchronized} method (in scope, or a
 *     called JDK method), {@code java.util.concurrent.locks}, {@code Object.notify},
 *     {@code Collections.synchronized*}, {@code ConcurrentHashMap};
 * <li>{@link Kind#BLOCKING}: {@code Object.wait}, {@code Thread.sleep/join},
 *     {@code LockSupport.park*}, the rest of {@code java.util.concurrent} (queues, futures,
 *     latches, executors) except {@code atomic}, {@code ThreadLocalRandom} and
 *     {@code TimeUnit} arithmetic, {@code System.gc};
 * <li>{@link Kind#IO}: {@code java.io}, {@code java.nio.channels}, {@code java.nio.file},
 *     {@code java.net}, {@code javax.sound}, class loading, processes;
 * <li>{@link Kind#LOGGING}: reading {@code System.out} or {@code System.err},
 *     {@code System.Logger}, {@code java.util.logging}, SLF4J, OSGi Log, Log4j, Commons
 *     Logging, Logback, {@code printStackTrace};
 * <li>{@link Kind#ALLOCATION}: string concatenation and capturing lambdas (both
 *     {@code invokedynamic}), {@code StringBuilder}, {@code String.format/valueOf/concat/join},
 *     {@code Formatter}, boxing {@code valueOf} and number {@code toString}. Not reported on a
 *     path that ends in {@code throw}: building an exception's message is a failure path;
 * <li>{@link Kind#UNRESOLVED}: a call into the scanned packages whose target is not on the
 *     class path, so nothing behind it was checked.
 * </ul>
 *
 * <p>How calls are followed: static and special calls go to their one target; virtual and
 * interface calls go to every implementation among the scanned classes (class-hierarchy
 * analysis), also for a type outside the scan such as {@code ProcessContext}, but not for a JDK
 * type ({@code Object.hashCode}, {@code Runnable.run} would reach far too much); if
 * {@link #implementations} bound the type, they go only to the classes given. Methods outside
 * the scanned packages are not followed: they are judged by the rules above, by the allow
 * entries, and by their {@code synchronized} flag. A lambda's body is followed from where the
 * lambda is made. Static initialisers are not followed: they run once, at class loading. Code
 * under {@code assert} is skipped: production runs without {@code -ea}.
 *
 * <p>Known limits: reflection and method handles are opaque; class-hierarchy analysis may
 * follow implementations a running system never reaches (bind the type to say which); guards
 * that make a call unreachable at run time are not understood (allow the callee with the
 * reason).
 */
public final class RealTimeRules {

  /** What a violation does to the audio thread. */
  public enum Kind {
    /** Takes a lock: the thread can wait for any other thread holding it. */
    LOCK,
    /** Parks, sleeps or waits for another thread. */
    BLOCKING,
    /** File, socket, device or class-loading I/O. */
    IO,
    /** Writes a log or console line (I/O and usually a lock). */
    LOGGING,
    /** Allocates on every call, hidden in {@code invokedynamic} or a library helper. */
    ALLOCATION,
    /** A call into the scanned packages that could not be resolved, so was not checked. */
    UNRESOLVED
  }

  /**
   * One reachable breach of the rules.
   *
   * @param kind what it does
   * @param path the methods from an entry to the one that breaks the rule, as
   *     {@code package.Class.method} (nested classes with {@code $}; parameter types added
   *     where the class overloads the name: {@code Sequencer.next(int)})
   * @param detail what that method does: {@code monitorenter}, {@code synchronized method},
   *     {@code calls java.lang.Thread.sleep}, {@code reads java.lang.System.out},
   *     {@code string concatenation (invokedynamic)},
   *     {@code capturing lambda (invokedynamic): java.lang.Runnable}
   */
  public record Violation(Kind kind, List<String> path, String detail) {
    public Violation {
      path = List.copyOf(path);
    }

    /** {@code a.B.process -> a.C.helper: monitorenter}. */
    @Override
    public String toString() {
      return String.join(" -> ", path) + ": " + detail;
    }
  }

  private static final String AUDIO_MODULE = internal(AudioModule.class);
  private static final String PROCESS = MethodType.methodType(ProcessStatus.class, ProcessContext.class)
      .toMethodDescriptorString();

  private final Set<String> prefixes = new LinkedHashSet<>();
  private final List<Class<?>> known = new ArrayList<>();
  private final List<String[]> entries = new ArrayList<>();
  private final Map<String, List<String>> bindings = new LinkedHashMap<>();
  private final Rules rules = Rules.defaults();
  private boolean allModules;

  private RealTimeRules(String... packagePrefixes) {
    for (String p : packagePrefixes) {
      if (p == null || p.isBlank() || p.contains("/")) {
        throw new IllegalArgumentException("a package prefix is a dotted package name such as org.patchwork.engine: '"
            + p + "'");
      }
      prefixes.add(p.replace('.', '/'));
    }
  }

  /**
   * Starts a check that follows calls through classes whose package is one of
   * {@code packagePrefixes} or below it ({@code org.patchwork.engine} covers
   * {@code org.patchwork.engine.internal}). The packages of entry classes and of bound
   * implementations are always followed.
   */
  public static RealTimeRules scan(String... packagePrefixes) {
    return new RealTimeRules(packagePrefixes);
  }

  /**
   * Everything reachable from {@code entryOwner.method descriptor} (a JVM descriptor such as
   * {@code ([[FI)V}; null for every overload), following calls through {@code packagePrefixes}
   * and the entry's own package.
   */
  public static List<Violation> check(Class<?> entryOwner, String method, String descriptor,
      String... packagePrefixes) {
    return scan(packagePrefixes).entry(entryOwner, method, descriptor).check();
  }

  /** As {@link #check(Class, String, String, String...)}; fails listing every violation. */
  public static void assertRealTimeSafe(Class<?> entryOwner, String method, String descriptor,
      String... packagePrefixes) {
    scan(packagePrefixes).entry(entryOwner, method, descriptor).assertRealTimeSafe();
  }

  /** Adds an entry method; {@code descriptor} null for every overload of {@code method}. */
  public RealTimeRules entry(Class<?> owner, String method, String descriptor) {
    known.add(owner);
    prefixes.add(packageOf(owner));
    entries.add(new String[] {internal(owner), method, descriptor});
    return this;
  }

  /** Adds {@code process(ProcessContext)} and {@code reset()} of a module class as entries. */
  public RealTimeRules audioModule(Class<? extends AudioModule> type) {
    entry(type, "process", PROCESS);
    return entry(type, "reset", "()V");
  }

  /**
   * Adds {@code process} and {@code reset} of every concrete {@link AudioModule} among the
   * scanned classes as entries; the check fails if there is none.
   */
  public RealTimeRules allAudioModules() {
    allModules = true;
    return this;
  }

  /**
   * Calls on {@code type} (an interface or class) reach exactly these classes, which are
   * followed with their packages. Use it for a type outside the scan that the entry calls
   * ({@code AudioModule} from the engine), or to say which implementations of a scanned type a
   * running system uses (the wait strategy a ring was built with).
   */
  public RealTimeRules implementations(Class<?> type, Class<?>... classes) {
    List<String> list = bindings.computeIfAbsent(internal(type), k -> new ArrayList<>());
    for (Class<?> c : classes) {
      if (!type.isAssignableFrom(c)) {
        throw new IllegalArgumentException(c.getName() + " is not a " + type.getName());
      }
      known.add(c);
      prefixes.add(packageOf(c));
      list.add(internal(c));
    }
    return this;
  }

  /**
   * Trusts calls matching {@code pattern}: they are neither reported nor followed. A pattern is
   * {@code class} or {@code class#method} with binary names and wildcards ({@code *} within a
   * name segment, {@code **} across): {@code com.lmax.disruptor.SingleProducerSequencer#next}.
   *
   * @param reason why it is safe on the audio thread; required, for the next reader
   */
  public RealTimeRules allow(String pattern, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("allow(" + pattern + ") needs the reason it is real-time safe");
    }
    rules.allow(pattern, reason);
    return this;
  }

  /** Runs the check; returns every violation, each with the shortest path reaching it. */
  public List<Violation> check() {
    ClassIndex index = new ClassIndex(List.copyOf(prefixes), known);
    Walker walker = new Walker(index, rules, bindings);
    if (allModules) {
      List<String> modules = walker.implementationsInScope(AUDIO_MODULE);
      if (modules.isEmpty()) {
        throw new IllegalArgumentException("no AudioModule class found under " + prefixes);
      }
      for (String m : modules) {
        walker.entry(m, "process", PROCESS);
        walker.entry(m, "reset", "()V");
      }
    }
    if (entries.isEmpty() && !allModules) {
      throw new IllegalStateException("no entry method: call entry(...), audioModule(...) or allAudioModules() first");
    }
    for (String[] e : entries) {
      walker.entry(e[0], e[1], e[2]);
    }
    return walker.run();
  }

  /** Runs the check; throws an {@link AssertionError} listing every violation, if any. */
  public void assertRealTimeSafe() {
    List<Violation> found = check();
    if (!found.isEmpty()) {
      StringBuilder message = new StringBuilder(found.size()
          + " real-time rule violation(s) reachable from the audio thread:");
      for (Violation v : found) {
        message.append("\n  ").append(v.kind()).append("  ").append(v);
      }
      throw new AssertionError(message.toString());
    }
  }

  private static String internal(Class<?> c) {
    return c.getName().replace('.', '/');
  }

  private static String packageOf(Class<?> c) {
    return c.getPackageName().replace('.', '/');
  }
}
