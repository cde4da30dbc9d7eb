package org.patchwork.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.testkit.RealTimeRules.Violation;
import org.patchwork.sdk.testkit.fixture.Clean;
import org.patchwork.sdk.testkit.fixture.Overloaded;
import org.patchwork.sdk.testkit.fixture.WithCapturingLambda;
import org.patchwork.sdk.testkit.fixture.WithFileWrite;
import org.patchwork.sdk.testkit.fixture.WithLock;
import org.patchwork.sdk.testkit.fixture.WithPrint;
import org.patchwork.sdk.testkit.fixture.WithSynchronized;
import org.patchwork.sdk.testkit.fixture.deep.Chatty;
import org.patchwork.sdk.testkit.fixture.deep.Deep;
import org.patchwork.sdk.testkit.fixture.deep.Quiet;
import org.patchwork.sdk.testkit.fixture.deep.Stage;
import org.patchwork.sdk.testkit.fixture.modules.NoisyModule;
import org.patchwork.sdk.testkit.fixture.modules.QuietModule;

/** Each fixture breaks one rule (or none); the check must find exactly that. */
class RealTimeRulesTest {

  private static final String F = "org.patchwork.sdk.testkit.fixture.";
  private static final String BLOCK = "([F)V";

  private static List<String> described(List<Violation> found) {
    return found.stream().map(v -> v.kind() + " " + v).toList();
  }

  @Test
  void findsAMonitorAndASynchronizedMethod() {
    assertEquals(List.of(
            "LOCK " + F + "WithSynchronized.process: monitorenter",
            "LOCK " + F + "WithSynchronized.process -> " + F + "WithSynchronized.tick: synchronized method"),
        described(RealTimeRules.check(WithSynchronized.class, "process", "()V")));
  }

  @Test
  void findsLoggingThroughSystemOut() {
    // Reading System.out is the log; the println on it is I/O in its own right.
    assertEquals(List.of(
            "LOGGING " + F + "WithPrint.process: reads java.lang.System.out",
            "IO " + F + "WithPrint.process: calls java.io.PrintStream.println"),
        described(RealTimeRules.check(WithPrint.class, "process", BLOCK)));
  }

  @Test
  void findsAFileWrite() {
    assertEquals(List.of("IO " + F + "WithFileWrite.process: calls java.io.FileOutputStream.write"),
        described(RealTimeRules.check(WithFileWrite.class, "process", BLOCK)));
  }

  @Test
  void findsAReentrantLock() {
    assertEquals(List.of(
            "LOCK " + F + "WithLock.process: calls java.util.concurrent.locks.ReentrantLock.lock",
            "LOCK " + F + "WithLock.process: calls java.util.concurrent.locks.ReentrantLock.unlock"),
        described(RealTimeRules.check(WithLock.class, "process", BLOCK)));
  }

  @Test
  void findsACapturingLambdaAsAnAllocation() {
    assertEquals(List.of("ALLOCATION " + F
            + "WithCapturingLambda.process: capturing lambda (invokedynamic): java.util.function.IntUnaryOperator"),
        described(RealTimeRules.check(WithCapturingLambda.class, "process", "(I)I")));
  }

  @Test
  void passesCleanCodeIncludingAConcatenatedMessageOnItsThrowPath() {
    assertEquals(List.of(), RealTimeRules.check(Clean.class, "process", "([FI)V"));
    RealTimeRules.assertRealTimeSafe(Clean.class, "process", null);
  }

  @Test
  void findsASleepThreeCallsDeepBehindAnInterface() {
    String deep = F + "deep.";
    assertEquals(List.of("BLOCKING " + deep + "Deep.process -> " + deep + "Chatty.run -> " + deep
            + "Helper.settle -> " + deep + "Helper.pause: calls java.lang.Thread.sleep"),
        described(RealTimeRules.check(Deep.class, "process", BLOCK)));
  }

  @Test
  void namesParameterTypesWhereAMethodNameIsOverloaded() {
    assertEquals(List.of("BLOCKING " + F + "Overloaded.process -> " + F + "Overloaded.step(int) -> " + F
            + "Overloaded.step(long): calls java.lang.Thread.sleep"),
        described(RealTimeRules.check(Overloaded.class, "process", "()V")));
  }

  @Test
  void aBindingLimitsAnInterfaceToTheImplementationsInUse() {
    assertEquals(List.of(), RealTimeRules.scan().entry(Deep.class, "process", BLOCK)
        .implementations(Stage.class, Quiet.class).check());
    assertEquals(1, RealTimeRules.scan().entry(Deep.class, "process", BLOCK)
        .implementations(Stage.class, Chatty.class).check().size());
  }

  @Test
  void anAllowEntryTrustsAMethodWithoutFollowingIt() {
    assertEquals(List.of(), RealTimeRules.scan().entry(Deep.class, "process", BLOCK)
        .allow(F + "deep.Helper#pause", "only when the block is not silent, which a test never is").check());
    assertEquals(List.of(), RealTimeRules.scan().entry(WithLock.class, "process", BLOCK)
        .allow("java.util.concurrent.locks.ReentrantLock", "uncontended in this test").check());
    assertThrows(IllegalArgumentException.class,
        () -> RealTimeRules.scan().allow("java.lang.Thread#sleep", " "));
  }

  @Test
  void checksProcessAndResetOfEveryModuleInAPackage() {
    List<Violation> found = RealTimeRules.scan(F + "modules").allAudioModules().check();
    String noisy = F + "modules.NoisyModule";
    assertEquals(List.of(
            "ALLOCATION " + noisy + ".process: string concatenation (invokedynamic)",
            "LOGGING " + noisy + ".reset: calls java.util.logging.Logger.info"),
        described(found));
    assertEquals(List.of(), RealTimeRules.scan().audioModule(QuietModule.class).check());
    assertEquals(2, RealTimeRules.scan().audioModule(NoisyModule.class).check().size());
  }

  @Test
  void assertRealTimeSafeFailsWithEveryViolation() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> RealTimeRules.assertRealTimeSafe(WithLock.class, "process", BLOCK));
    assertTrue(e.getMessage().startsWith("2 real-time rule violation(s)"), e.getMessage());
    assertTrue(e.getMessage().contains("ReentrantLock.lock") && e.getMessage().contains("ReentrantLock.unlock"),
        e.getMessage());
  }

  @Test
  void aMissingEntryMethodFailsAtOnce() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RealTimeRules.check(Clean.class, "proces", null));
    assertTrue(e.getMessage().contains("Clean.proces"), e.getMessage());
  }
}
