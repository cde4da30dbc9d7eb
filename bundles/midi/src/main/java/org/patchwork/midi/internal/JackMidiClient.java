package org.patchwork.midi.internal;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.patchwork.drivers.jack.LibJack;

/**
 * A JACK client with one MIDI input ({@code midi_in}) and one MIDI output ({@code midi_out}),
 * through {@link LibJack}. JACK's process callback only copies bytes: incoming events go
 * into a pre-allocated single-producer ring with their exact frame (period start plus the
 * event's offset) and JACK's microsecond time of that frame; {@link #drain} hands them out on
 * the caller's thread. Outgoing messages wait in a second ring until the period that contains
 * their frame (or the next period for "now") and are written at their offset.
 *
 * <p>The callback allocates nothing, takes no lock and never blocks. Stopping follows the audio
 * driver's rule (bundles/drivers {@code JackDriver}): the callback is asked to return non-zero,
 * JACK then ends its thread in its own code, and only then is the client deactivated and
 * closed, so JACK never cancels a thread while it runs Java code.
 *
 * <p>Public for the tests of the bundles above, which use it as the peer at the other end of a
 * JACK MIDI cable; not exported.
 */
public final class JackMidiClient implements AutoCloseable {

  /** Receives drained input. Thread: the caller of {@link #drain}. */
  @FunctionalInterface
  public interface Sink {
    /**
     * One event: its JACK frame, its time on the {@link System#nanoTime()} scale, and its bytes
     * in {@code data[0..length)} (a reused array: copy what you keep).
     */
    void event(long frame, long nanos, byte[] data, int length);
  }

  static final int SLOTS = 4096;
  static final int SLOT_BYTES = 256;
  private static final long ACK_TIMEOUT_NANOS = 2_000_000_000L;
  private static final long CLOSE_TIMEOUT_NANOS = 10_000_000_000L;
  private static final MethodHandle PROCESS;
  private static final MethodHandle THREAD_INIT;
  private static final MethodHandle SHUTDOWN;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      PROCESS = l.findVirtual(Process.class, "process", MethodType.methodType(int.class, int.class, long.class));
      THREAD_INIT = l.findStatic(JackMidiClient.class, "threadInit", MethodType.methodType(void.class, long.class));
      SHUTDOWN = l.findVirtual(JackMidiClient.class, "shutdown", MethodType.methodType(void.class, long.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final long client;
  private final String name;
  private final String inPort;
  private final String outPort;
  private final int sampleRate;
  private final int period;
  private final long clockOffsetNanos;
  private final Process process;
  private final byte[] scratch = new byte[SLOT_BYTES];
  private volatile boolean serverGone;
  private boolean active;
  private boolean closed;
  /** Ports on another's client (the audio driver's): its process callback calls {@link #process}. */
  private final boolean hosted;
  private boolean released;

  private JackMidiClient(long client, String name, String inPort, String outPort, int sampleRate, int period,
      long clockOffsetNanos, Process process, boolean hosted) {
    this.hosted = hosted;
    this.client = client;
    this.name = name;
    this.inPort = inPort;
    this.outPort = outPort;
    this.sampleRate = sampleRate;
    this.period = period;
    this.clockOffsetNanos = clockOffsetNanos;
    this.process = process;
  }

  /** Why JACK MIDI cannot work in this JVM, or null. */
  public static String problem() {
    try {
      return LibJack.problem();
    } catch (LinkageError e) {
      return e.toString();
    }
  }

  /**
   * Opens a client and registers its ports; not yet active (see {@link #start}).
   *
   * @param clientName the client's name; JACK appends a number when it is taken
   * @param serverName the server to join, or null for {@code JACK_DEFAULT_SERVER}/default
   * @throws IllegalStateException naming the reason when no server answers or libjack is missing
   */
  public static JackMidiClient open(String clientName, String serverName) {
    String problem = problem();
    if (problem != null) {
      throw new IllegalStateException("JACK MIDI unavailable: " + problem);
    }
    Arena a = Arena.ofConfined();
    long c = 0;
    try {
      MemorySegment status = a.allocate(JAVA_INT);
      c = serverName == null
          ? (long) LibJack.CLIENT_OPEN.invokeExact(a.allocateFrom(clientName), LibJack.NO_START_SERVER, status)
          : (long) LibJack.CLIENT_OPEN_NAMED.invokeExact(a.allocateFrom(clientName),
              LibJack.NO_START_SERVER | LibJack.SERVER_NAME, status, a.allocateFrom(serverName));
      if (c == 0) {
        throw new IllegalStateException("no JACK server answered (status 0x"
            + Integer.toHexString(status.get(JAVA_INT, 0)) + ")");
      }
      String name = LibJack.MEMORY.getString((long) LibJack.GET_CLIENT_NAME.invokeExact(c));
      int rate = (int) LibJack.GET_SAMPLE_RATE.invokeExact(c);
      int frames = (int) LibJack.GET_BUFFER_SIZE.invokeExact(c);
      MemorySegment type = a.allocateFrom(LibJack.MIDI_TYPE);
      long in = (long) LibJack.PORT_REGISTER.invokeExact(c, a.allocateFrom("midi_in"), type, LibJack.PORT_IS_INPUT, 0L);
      long out = (long) LibJack.PORT_REGISTER.invokeExact(c, a.allocateFrom("midi_out"), type, LibJack.PORT_IS_OUTPUT, 0L);
      if (in == 0 || out == 0) {
        throw new IllegalStateException("JACK refused the MIDI ports of client " + name);
      }
      String inName = LibJack.MEMORY.getString((long) LibJack.PORT_NAME.invokeExact(in));
      String outName = LibJack.MEMORY.getString((long) LibJack.PORT_NAME.invokeExact(out));
      JackMidiClient jc = new JackMidiClient(c, name, inName, outName, rate, frames, clockOffset(), new Process(c, in, out),
          false);
      jc.register();
      return jc;
    } catch (IllegalStateException e) {
      closeQuietly(c);
      throw e;
    } catch (Throwable t) {
      closeQuietly(c);
      throw new IllegalStateException("JACK refused client '" + clientName + "': " + t, t);
    } finally {
      a.close();
    }
  }

  /**
   * Registers {@code midi_in} and {@code midi_out} on a client someone else owns (the audio
   * driver's, see bundles/drivers {@code JackClientExtension}); that client's process callback
   * must call {@link #process} once per period. Thread: the owner's, while the client is not
   * active.
   *
   * @throws IllegalStateException when JACK refuses the ports or libjack is missing
   */
  public static JackMidiClient onClient(long client, String clientName, int sampleRate, int period) {
    String problem = problem();
    if (problem != null) {
      throw new IllegalStateException("JACK MIDI unavailable: " + problem);
    }
    try (Arena a = Arena.ofConfined()) {
      MemorySegment type = a.allocateFrom(LibJack.MIDI_TYPE);
      long in = (long) LibJack.PORT_REGISTER.invokeExact(client, a.allocateFrom("midi_in"), type, LibJack.PORT_IS_INPUT, 0L);
      long out = (long) LibJack.PORT_REGISTER.invokeExact(client, a.allocateFrom("midi_out"), type, LibJack.PORT_IS_OUTPUT, 0L);
      if (in == 0 || out == 0) {
        throw new IllegalStateException("JACK refused the MIDI ports of client " + clientName);
      }
      String inName = LibJack.MEMORY.getString((long) LibJack.PORT_NAME.invokeExact(in));
      String outName = LibJack.MEMORY.getString((long) LibJack.PORT_NAME.invokeExact(out));
      JackMidiClient jc = new JackMidiClient(client, clientName, inName, outName, sampleRate, period, clockOffset(),
          new Process(client, in, out), true);
      jc.prime();
      return jc;
    } catch (IllegalStateException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("JACK refused MIDI ports on client '" + clientName + "': " + t, t);
    }
  }

  /**
   * One period of a hosted client's ports ({@link #onClient}): JACK's process thread, inside
   * the owner's callback. Allocation-free; never throws.
   */
  public void process(int nframes) {
    process.process(nframes, 0L);
  }

  /** Hosted: frees what {@link #process} uses; call once the owner's callback can no longer run. */
  public synchronized void release() {
    if (hosted && !released) {
      released = true;
      process.stopRequested = true;
      process.arena.close();
    }
  }

  private void register() throws Throwable {
    Process p = process;
    MemorySegment onProcess = LibJack.LINKER.upcallStub(PROCESS.bindTo(p), LibJack.PROCESS_CALLBACK, p.arena);
    MemorySegment onInit = LibJack.LINKER.upcallStub(THREAD_INIT, LibJack.THREAD_INIT_CALLBACK, p.arena);
    MemorySegment onShutdown = LibJack.LINKER.upcallStub(SHUTDOWN.bindTo(this), LibJack.SHUTDOWN_CALLBACK, p.arena);
    check((int) LibJack.SET_PROCESS_CALLBACK.invokeExact(client, onProcess, 0L), "jack_set_process_callback");
    check((int) LibJack.SET_THREAD_INIT_CALLBACK.invokeExact(client, onInit, 0L), "jack_set_thread_init_callback");
    LibJack.ON_SHUTDOWN.invokeExact(client, onShutdown, 0L);
    prime();
  }

  private void prime() {
    Process p = process;
    // Before activation jack_port_get_buffer answers with the port's own buffer: running the
    // callback here, with an event written to the output and read back from it, compiles every
    // path of it and links its downcalls off JACK's deadline. Unprimed, the first events met
    // the interpreter inside a period, JACK's deadline passed and they were lost.
    p.priming = true;
    byte[] probe = {(byte) 0xFE};
    for (int i = 0; i < 5000; i++) {
      p.queue(-1, probe);
      p.process(period, 0L);
    }
    p.priming = false;
    p.resetCounters();
  }

  /** {@code System.nanoTime() − jack_get_time()·1000}, from the tightest of several readings. */
  private static long clockOffset() throws Throwable {
    long best = Long.MAX_VALUE;
    long offset = 0;
    for (int i = 0; i < 50; i++) {
      long before = System.nanoTime();
      long usecs = (long) LibJack.GET_TIME.invokeExact();
      long after = System.nanoTime();
      if (after - before < best) {
        best = after - before;
        offset = (before + after) / 2 - usecs * 1000;
      }
    }
    return offset;
  }

  private static void check(int result, String call) {
    if (result != 0) {
      throw new IllegalStateException(call + " failed with " + result);
    }
  }

  private static void closeQuietly(long c) {
    if (c != 0) {
      try {
        int r = (int) LibJack.CLIENT_CLOSE.invokeExact(c);
      } catch (Throwable ignored) {
        // already failing: the first error is the one reported
      }
    }
  }

  /** Activates the client: the callback runs from the next period. */
  public synchronized void start() {
    if (hosted) {
      throw new IllegalStateException("the ports of " + name + " run in their owner's process callback");
    }
    try {
      check((int) LibJack.ACTIVATE.invokeExact(client), "jack_activate");
    } catch (Throwable t) {
      throw LibJack.unchecked(t);
    }
    active = true;
  }

  /** Connects two ports by full name ({@code client:port}). @return whether JACK agreed */
  public boolean connect(String source, String destination) {
    try (Arena a = Arena.ofConfined()) {
      int r = (int) LibJack.CONNECT.invokeExact(client, a.allocateFrom(source), a.allocateFrom(destination));
      return r == 0 || r == 17; // EEXIST: already connected
    } catch (Throwable t) {
      throw LibJack.unchecked(t);
    }
  }

  /** Queues a message for the next period. @return false if the queue is full or it is too long */
  public boolean send(byte[] message) {
    return sendAt(-1, message);
  }

  /**
   * Queues a message for JACK frame {@code frame} (written at its offset in the period that
   * contains it; a frame already past goes out at the start of the next period and counts as
   * late). Frames must not decrease from one call to the next.
   */
  public boolean sendAt(long frame, byte[] message) {
    return process.queue(frame, message);
  }

  /** Hands out every event received so far, in order. @return how many */
  public int drain(Sink sink) {
    return process.drain(sink, scratch, clockOffsetNanos);
  }

  /** JACK's estimate of the current frame, extended to 64 bits like the event frames. */
  public long frameTime() {
    try {
      int now = (int) LibJack.FRAME_TIME.invokeExact(client);
      return process.extend(now);
    } catch (Throwable t) {
      throw LibJack.unchecked(t);
    }
  }

  /** {@code frame}'s time on the {@link System#nanoTime()} scale, by JACK's clock. */
  public long nanosOf(long frame) {
    try {
      return (long) LibJack.FRAMES_TO_TIME.invokeExact(client, (int) frame) * 1000 + clockOffsetNanos;
    } catch (Throwable t) {
      throw LibJack.unchecked(t);
    }
  }

  public String name() {
    return name;
  }

  /** The input's full name, {@code client:midi_in}. */
  public String inPort() {
    return inPort;
  }

  /** The output's full name, {@code client:midi_out}. */
  public String outPort() {
    return outPort;
  }

  public int sampleRate() {
    return sampleRate;
  }

  public int period() {
    return period;
  }

  /** Events lost because a ring or JACK's buffer was full, or longer than a slot. */
  public long overflows() {
    return process.overflows.get();
  }

  /** Periods lost because the callback failed; {@link #failure()} says why. */
  public long failures() {
    return process.failures.get();
  }

  /** The first failure of the callback, or null. */
  public Throwable failure() {
    return process.failure;
  }

  /** Messages written later than the frame asked for. */
  public long late() {
    return process.late.get();
  }

  /** Whether the server shut the client down. */
  public boolean serverGone() {
    return serverGone;
  }

  /**
   * Stops the callback (see the class comment), then deactivates and closes the client. A hosted
   * client only stops serving its ports; its memory goes with {@link #release}.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Process p = process;
    if (hosted) {
      p.stopRequested = true;
      return;
    }
    if (active) {
      p.stopRequested = true;
      long start = System.nanoTime();
      while (!p.ended && !serverGone && System.nanoTime() - start < ACK_TIMEOUT_NANOS) {
        LockSupport.parkNanos(1_000_000);
      }
      Thread t = p.thread;
      long exitStart = System.nanoTime();
      while (p.ended && t != null && t.isAlive() && System.nanoTime() - exitStart < 500_000_000L) {
        LockSupport.parkNanos(1_000_000);
      }
    }
    // libjack waits for the server here; a server stalled or wedged would hold whoever closes
    // (the host's shutdown, a rescan) for ever, so the calls run on a thread of their own
    boolean deactivate = active;
    Throwable[] failure = new Throwable[1];
    Thread closer = Thread.ofPlatform().daemon().name("patchwork-midi-jack-close").start(() -> {
      try {
        if (deactivate) {
          int r = (int) LibJack.DEACTIVATE.invokeExact(client);
        }
        int r = (int) LibJack.CLIENT_CLOSE.invokeExact(client);
      } catch (Throwable t) {
        failure[0] = t;
      }
    });
    boolean interrupted = false;
    long deadline = System.nanoTime() + CLOSE_TIMEOUT_NANOS;
    while (closer.isAlive() && System.nanoTime() < deadline) {
      try {
        closer.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (closer.isAlive()) {
      // the callbacks' memory stays: JACK may still call into it
      throw new IllegalStateException("the JACK server did not let the MIDI client " + name
          + " close within " + CLOSE_TIMEOUT_NANOS / 1_000_000_000L + " s (is jackd stalled?); it is left open");
    }
    p.arena.close();
    if (failure[0] != null) {
      throw LibJack.unchecked(failure[0]);
    }
  }

  private static void threadInit(long arg) {
    try {
      Thread.currentThread().setName("patchwork-midi-jack");
    } catch (Throwable t) {
      // nothing may leave an upcall
    }
  }

  private void shutdown(long arg) {
    serverGone = true;
  }

  /** What JACK's process callback runs; everything it touches is made at open. */
  static final class Process {
    final Arena arena = Arena.ofShared();
    private final long client;
    private final long inPort;
    private final long outPort;
    private final long event;
    private final long outScratch;
    // incoming: written by JACK's thread, read by drain()
    private final long[] inFrame = new long[SLOTS];
    private final long[] inUsecs = new long[SLOTS];
    private final int[] inLength = new int[SLOTS];
    private final byte[] inData = new byte[SLOTS * SLOT_BYTES];
    private final AtomicLong inHead = new AtomicLong();
    private final AtomicLong inTail = new AtomicLong();
    // outgoing: written under the lock of queue(), read by JACK's thread
    private final long[] outFrame = new long[SLOTS];
    private final int[] outLength = new int[SLOTS];
    private final byte[] outData = new byte[SLOTS * SLOT_BYTES];
    private final AtomicLong outHead = new AtomicLong();
    private final AtomicLong outTail = new AtomicLong();
    final AtomicLong overflows = new AtomicLong();
    final AtomicLong late = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    volatile Throwable failure;
    private long lastFrame32 = -1;
    private long epoch;
    volatile boolean stopRequested;
    volatile boolean ended;
    boolean priming;
    volatile Thread thread;

    Process(long client, long inPort, long outPort) {
      this.client = client;
      this.inPort = inPort;
      this.outPort = outPort;
      this.event = arena.allocate(LibJack.EVENT_BYTES, 8).address();
      this.outScratch = arena.allocate(SLOT_BYTES, 8).address();
    }

    void resetCounters() {
      failures.set(0);
      failure = null;
      overflows.set(0);
      late.set(0);
    }

    /** JACK's 32-bit frame counter made 64-bit: a wrap (about 25 h at 48 kHz) adds 2³². */
    long extend(int frame32) {
      long f = frame32 & 0xFFFF_FFFFL;
      long last = lastFrame32;
      long e = epoch;
      if (last >= 0 && f < last && last - f > 0x8000_0000L) {
        e += 1L << 32;
      }
      return e + f;
    }

    /** JACK's process thread, once per period; nothing may leave an upcall. */
    int process(int nframes, long arg) {
      try {
        if (thread == null) {
          thread = Thread.currentThread();
        }
        if (stopRequested) {
          ended = true;
          return 1;
        }
        int cycle32 = (int) LibJack.LAST_FRAME_TIME.invokeExact(client);
        long cycle = extend(cycle32);
        long f32 = cycle32 & 0xFFFF_FFFFL;
        if (lastFrame32 >= 0 && f32 < lastFrame32 && lastFrame32 - f32 > 0x8000_0000L) {
          epoch += 1L << 32;
        }
        lastFrame32 = f32;
        if (priming) {
          read(writeOutput(nframes, cycle), cycle32, cycle, false);
        } else {
          read((long) LibJack.PORT_GET_BUFFER.invokeExact(inPort, nframes), cycle32, cycle, true);
          writeOutput(nframes, cycle);
        }
      } catch (Throwable t) {
        // a lost period is better than a JVM ended by an exception leaving an upcall
        failures.incrementAndGet();
        if (failure == null) {
          failure = t;
        }
      }
      return 0;
    }

    /** Copies the events of a MIDI buffer into the input ring ({@code keep}) or only reads them (priming). */
    private void read(long buffer, int cycle32, long cycle, boolean keep) throws Throwable {
      final MemorySegment memory = LibJack.MEMORY;
      if (buffer == 0) {
        return;
      }
      int count = (int) LibJack.MIDI_GET_EVENT_COUNT.invokeExact(buffer);
      for (int i = 0; i < count; i++) {
        if ((int) LibJack.MIDI_EVENT_GET.invokeExact(event, buffer, i) != 0) {
          continue;
        }
        int offset = memory.get(JAVA_INT, event + LibJack.EVENT_TIME);
        long size = memory.get(JAVA_LONG, event + LibJack.EVENT_SIZE);
        long data = memory.get(JAVA_LONG, event + LibJack.EVENT_BUFFER);
        long head = inHead.get();
        if (size < 1 || size > SLOT_BYTES || data == 0 || head - inTail.get() >= SLOTS) {
          overflows.incrementAndGet();
          continue;
        }
        int slot = (int) (head & (SLOTS - 1));
        MemorySegment.copy(memory, JAVA_BYTE, data, inData, slot * SLOT_BYTES, (int) size);
        inFrame[slot] = cycle + offset;
        inUsecs[slot] = (long) LibJack.FRAMES_TO_TIME.invokeExact(client, cycle32 + offset);
        inLength[slot] = (int) size;
        if (keep) {
          inHead.lazySet(head + 1);
        }
      }
    }

    /** Writes the messages due in this period; returns the output buffer. */
    private long writeOutput(int nframes, long cycle) throws Throwable {
      final MemorySegment memory = LibJack.MEMORY;
      long buffer = (long) LibJack.PORT_GET_BUFFER.invokeExact(outPort, nframes);
      if (buffer == 0) {
        return 0;
      }
      LibJack.MIDI_CLEAR_BUFFER.invokeExact(buffer);
      long tail = outTail.get();
      long head = outHead.get();
      int lastOffset = 0;
      while (tail < head) {
        int slot = (int) (tail & (SLOTS - 1));
        long frame = outFrame[slot];
        int offset;
        if (frame < 0) {
          offset = 0;
        } else if (frame < cycle) {
          offset = 0;
          late.incrementAndGet();
        } else if (frame >= cycle + nframes) {
          break;
        } else {
          offset = (int) (frame - cycle);
        }
        offset = Math.max(offset, lastOffset); // JACK wants events in time order
        int length = outLength[slot];
        MemorySegment.copy(outData, slot * SLOT_BYTES, memory, JAVA_BYTE, outScratch, length);
        if ((int) LibJack.MIDI_EVENT_WRITE.invokeExact(buffer, offset, outScratch, (long) length) != 0) {
          break; // JACK's buffer is full: the rest waits for the next period
        }
        lastOffset = offset;
        tail++;
      }
      outTail.lazySet(tail);
      return buffer;
    }

    synchronized boolean queue(long frame, byte[] message) {
      long head = outHead.get();
      if (message.length < 1 || message.length > SLOT_BYTES || head - outTail.get() >= SLOTS) {
        overflows.incrementAndGet();
        return false;
      }
      int slot = (int) (head & (SLOTS - 1));
      System.arraycopy(message, 0, outData, slot * SLOT_BYTES, message.length);
      outFrame[slot] = frame;
      outLength[slot] = message.length;
      outHead.lazySet(head + 1);
      return true;
    }

    /** One reader at a time (synchronized: the scratch array is shared). */
    synchronized int drain(Sink sink, byte[] scratch, long clockOffset) {
      long tail = inTail.get();
      long head = inHead.get();
      int n = 0;
      while (tail < head) {
        int slot = (int) (tail & (SLOTS - 1));
        int length = inLength[slot];
        System.arraycopy(inData, slot * SLOT_BYTES, scratch, 0, length);
        long frame = inFrame[slot];
        long nanos = inUsecs[slot] * 1000 + clockOffset;
        tail++;
        inTail.lazySet(tail);
        sink.event(frame, nanos, scratch, length);
        n++;
      }
      return n;
    }
  }
}
