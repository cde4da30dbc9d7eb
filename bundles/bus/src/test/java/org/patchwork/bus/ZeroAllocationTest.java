package org.patchwork.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The audio thread's use of the bus (poll the engine ring, publish telemetry, drop when full)
 * must allocate nothing once warmed up.
 */
class ZeroAllocationTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final EngineRing engine = new EngineRing(1024);
  private final TelemetryRing telemetry = new TelemetryRing(64);
  private final Sink sink = new Sink();

  @Test
  void publishingAndPollingAllocateNothingInSteadyState() {
    long id = Thread.currentThread().threadId();
    THREADS.getThreadAllocatedBytes(id); // its own first call allocates; not measured
    // Warm-up: class loading and JIT tier changes allocate a little on this thread; repeat
    // rounds until one is clean (code that allocates per message never gets a clean round).
    int rounds = 0;
    long warm;
    do {
      long start = THREADS.getThreadAllocatedBytes(id);
      run(100_000);
      warm = THREADS.getThreadAllocatedBytes(id) - start;
    } while (warm != 0 && ++rounds < 20);
    long before = THREADS.getThreadAllocatedBytes(id);
    run(100_000);
    long allocated = THREADS.getThreadAllocatedBytes(id) - before;
    assertEquals(0, allocated, "bytes allocated by 100k publish+poll iterations");
    assertEquals((rounds + 2) * 100_000 * 4L, sink.count, "every engine message was seen");
    assertEquals(true, telemetry.dropped() > 0, "the drop path was exercised too");
  }

  private void run(int iterations) {
    for (int i = 0; i < iterations; i++) {
      engine.noteOn(i, 1, i, 60, 0.5f);
      engine.parameter(i, 2, 0, 0.5);
      engine.noteOff(i + 1, 1, i, 60);
      engine.swap(sink);
      engine.reader().drain(sink);
      telemetry.meter(i, 0, 0.5f, 0.25f);
      telemetry.fault(i, 1, 2);
      if ((i & 127) == 0) {
        telemetry.reader().drain(sink.telemetry);
      }
    }
  }

  private static final class Sink implements MessageHandler<EngineMessage> {
    long count;
    long checksum;
    final MessageHandler<TelemetryMessage> telemetry = m -> { };

    @Override
    public void onMessage(EngineMessage m) {
      count++;
      checksum += m.frame() + m.key();
      if (m.kind() == EngineMessage.Kind.SWAP) {
        m.takePayload();
      }
    }
  }
}
