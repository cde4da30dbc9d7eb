package org.patchwork.drivers.internal;

import java.lang.management.ManagementFactory;

/**
 * Reads how many bytes the current thread has allocated, through HotSpot's
 * {@code com.sun.management.ThreadMXBean}. The bean is looked up once, off the audio thread;
 * {@link #allocatedBytes()} is then a native call that allocates nothing itself (a test
 * checks that), so it can bracket a window on the audio thread.
 */
public final class AllocationMeter {

  /** What {@link #allocatedBytes()} answers where the JVM cannot measure. */
  public static final long UNSUPPORTED = -1;

  private final Object bean; // com.sun.management.ThreadMXBean, or null

  private AllocationMeter(Object bean) {
    this.bean = bean;
  }

  /** Control thread. A meter that measures if this JVM can, else one that answers -1. */
  public static AllocationMeter create() {
    try {
      return new AllocationMeter(Hotspot.bean());
    } catch (LinkageError | RuntimeException e) {
      // com.sun.management is optional in the manifest: absent on some JVMs and frameworks.
      return new AllocationMeter(null);
    }
  }

  public boolean supported() {
    return bean != null;
  }

  /** Any thread. Bytes the calling thread has allocated so far, or {@link #UNSUPPORTED}. */
  public long allocatedBytes() {
    return bean == null ? UNSUPPORTED : Hotspot.read(bean);
  }

  /** Keeps every reference to com.sun.management here, loaded only when the package exists. */
  private static final class Hotspot {
    static Object bean() {
      if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean b
          && b.isThreadAllocatedMemorySupported()) {
        b.setThreadAllocatedMemoryEnabled(true);
        return b;
      }
      return null;
    }

    static long read(Object bean) {
      return ((com.sun.management.ThreadMXBean) bean).getCurrentThreadAllocatedBytes();
    }
  }
}
