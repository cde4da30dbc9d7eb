package org.patchwork.drivers.internal;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.patchwork.drivers.AudioCallback;
import org.patchwork.drivers.DriverException;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.JackClientExtension;
import org.patchwork.drivers.JackExtensions;
import org.patchwork.drivers.jack.LibJack;

/**
 * A JACK client through libjack, bound with {@code java.lang.foreign} ({@link LibJack}): ports
 * {@code in_1..in_n} and {@code out_1..out_n}, the callback run from JACK's process callback
 * on JACK's own process thread. Sample rate and block size are the server's, whatever the
 * settings ask. Xruns are JACK's xrun notifications; a deadline miss is a callback that took
 * longer than the period it had.
 *
 * <p>The server is never started from here ({@code JackNoStartServer}): which server to use is
 * the user's choice. A server name given to the constructor is passed as
 * {@code JackServerName}; without one libjack picks {@code JACK_DEFAULT_SERVER}, else
 * {@code default}.
 *
 * <p>The process callback allocates nothing: port buffers come back from
 * {@code jack_port_get_buffer} as raw addresses in a {@code long}, and samples are copied
 * between them and the driver's {@code float[]}s through one segment spanning all memory.
 *
 * <p>Stopping never lets JACK kill a thread that is running Java code. libjack (jackd2) ends
 * its process thread in {@code jack_deactivate} and its notification thread in
 * {@code jack_client_close} with an <em>asynchronous</em> {@code pthread_cancel}: caught inside
 * an upcall, the thread would vanish while the JVM counts it as running Java, and the next
 * safepoint or handshake (closing a shared arena is one) would wait for it forever. So
 * {@link #stop()} asks the process callback to return non-zero, which makes JACK take the
 * client out of the graph and end the thread itself, from its own code; it waits until that
 * thread has exited, and only then calls {@code jack_deactivate} (a no-op by then). The xrun
 * and shutdown callbacks, which run on the notification thread, are unregistered and drained
 * before {@code jack_client_close}.
 */
public final class JackDriver extends BaseDriver {

  public static final String NAME = "jack";

  private static final MethodHandle PROCESS;
  private static final MethodHandle XRUN;
  private static final MethodHandle SHUTDOWN;
  private static final MethodHandle THREAD_INIT;

  static {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    try {
      PROCESS = lookup.findVirtual(Process.class, "process", MethodType.methodType(int.class, int.class, long.class));
      XRUN = lookup.findVirtual(JackDriver.class, "xrun", MethodType.methodType(int.class, long.class));
      SHUTDOWN = lookup.findVirtual(JackDriver.class, "shutdown", MethodType.methodType(void.class, long.class));
      THREAD_INIT = lookup.findStatic(JackDriver.class, "threadInit", MethodType.methodType(void.class, long.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Rounds of {@link #prime}: past C2's invocation threshold (Tier4InvocationThreshold 5000). */
  private static final int PRIME_ROUNDS = 50_000;
  @SuppressWarnings("unused") private static volatile int primed; // keeps the priming loop's result alive

  /** How long stop() waits for the process callback to see the request: the server's cycles stopped. */
  private static final long ACK_TIMEOUT_NANOS = 2_000_000_000L;
  /** How long stop() waits for a process callback still running (a callback that blocks). */
  private static final long CALLBACK_TIMEOUT_NANOS = 10_000_000_000L;
  /** How long stop() waits for JACK to end its process thread once the callback returned non-zero. */
  private static final long EXIT_TIMEOUT_NANOS = 5_000_000_000L;
  /** How long a notification JACK had begun to deliver may take to enter or leave its upcall stub. */
  private static final long NOTIFICATION_GRACE_NANOS = 20_000_000L;

  private final String serverName; // null: libjack's default server
  private final AtomicInteger inNotification = new AtomicInteger(); // xrun or shutdown upcalls running now
  private Arena arena; // upcall stubs; closed only after jack_client_close, when JACK calls none of them again
  private volatile long client; // jack_client_t*, 0 when not open; read by frameTime() on any thread
  private String clientName;
  private int sampleRate;
  private Process process;
  private JackClientExtension.Attached[] extensions = new JackClientExtension.Attached[0]; // on this client
  private MemorySegment onXrun;
  private MemorySegment onShutdown;
  private volatile boolean serverGone;

  public JackDriver() {
    this(-1, null);
  }

  public JackDriver(long warmupBlocks) {
    this(warmupBlocks, null);
  }

  /**
   * @param warmupBlocks blocks before the allocation window starts; negative: one second
   * @param serverName   the JACK server to connect to, or null for libjack's default
   *                     ({@code JACK_DEFAULT_SERVER}, else {@code default})
   */
  public JackDriver(long warmupBlocks, String serverName) {
    super(warmupBlocks);
    this.serverName = serverName == null || serverName.isBlank() ? null : serverName;
  }

  /** Whether libjack's default JACK server answers a client, without starting one. */
  public static boolean serverAnswers() {
    return serverAnswers(null);
  }

  /** Whether the named JACK server (null: the default) answers a client, without starting one. */
  public static boolean serverAnswers(String serverName) {
    try {
      if (LibJack.problem() != null) {
        return false;
      }
      try (Arena arena = Arena.ofConfined()) {
        long probe = openClient(arena, "patchwork-probe", serverName, arena.allocate(JAVA_INT));
        if (probe == 0) {
          return false;
        }
        int closed = (int) LibJack.CLIENT_CLOSE.invokeExact(probe);
        return true;
      }
    } catch (Throwable e) { // no libjack, no native access: no JACK to choose
      return false;
    }
  }

  /** Why this JVM cannot use JACK at all (libjack missing, native access denied), or null. */
  public static String unavailableReason() {
    return LibJack.problem();
  }

  private static long openClient(Arena arena, String name, String server, MemorySegment status) throws Throwable {
    MemorySegment clientName = arena.allocateFrom(name);
    return server == null
        ? (long) LibJack.CLIENT_OPEN.invokeExact(clientName, LibJack.NO_START_SERVER, status)
        : (long) LibJack.CLIENT_OPEN_NAMED.invokeExact(clientName, LibJack.NO_START_SERVER | LibJack.SERVER_NAME,
            status, arena.allocateFrom(server));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  /** The client's name in the JACK graph, after open; JACK may have changed it to make it unique. */
  public String clientName() {
    return clientName;
  }

  /**
   * JACK's estimate of the current time in frames, which advances by one period per cycle the
   * server runs; any thread, after open. Lets a caller check its callbacks against the
   * server's cycles rather than against the wall clock. JACK counts in 32 bits: it wraps after
   * 2^32 frames (a day at 48 kHz).
   */
  public long frameTime() {
    long c = client;
    if (c == 0) {
      throw new IllegalStateException("JACK frame time unavailable: the driver is not open");
    }
    try {
      return Integer.toUnsignedLong((int) LibJack.FRAME_TIME.invokeExact(c));
    } catch (Throwable t) {
      throw LibJack.unchecked(t);
    }
  }

  @Override
  boolean backendAlive() {
    return !serverGone;
  }

  @Override
  BlockRunner doOpen(DriverSettings settings, StatsRecorderFactory stats) throws DriverException {
    String problem;
    try {
      problem = LibJack.problem();
    } catch (LinkageError e) {
      problem = e.toString();
    }
    if (problem != null) {
      throw new DriverException("JACK driver unavailable: " + problem);
    }
    Arena a = Arena.ofShared(); // open and close may come from different control threads
    arena = a;
    try {
      MemorySegment status = a.allocate(JAVA_INT);
      long c = openClient(a, settings.clientName(), serverName, status);
      if (c == 0) {
        throw new DriverException("no JACK server " + (serverName == null ? "" : "'" + serverName + "' ")
            + "answered (status " + LibJack.statusNames(status.get(JAVA_INT, 0)) + "); start one, e.g. jackd -d alsa");
      }
      client = c;
      clientName = LibJack.MEMORY.getString((long) LibJack.GET_CLIENT_NAME.invokeExact(c));
      sampleRate = (int) LibJack.GET_SAMPLE_RATE.invokeExact(c);
      int period = (int) LibJack.GET_BUFFER_SIZE.invokeExact(c);
      if (sampleRate <= 0 || period <= 0) {
        throw new DriverException("JACK reports " + Integer.toUnsignedString(sampleRate) + " Hz, "
            + Integer.toUnsignedString(period) + " frames per period");
      }
      MemorySegment audioType = a.allocateFrom(LibJack.DEFAULT_AUDIO_TYPE);
      long[] inPorts = register(a, audioType, settings.inputs(), "in_", LibJack.PORT_IS_INPUT);
      long[] outPorts = register(a, audioType, settings.outputs(), "out_", LibJack.PORT_IS_OUTPUT);
      // a period over the largest block is rendered in pieces (see Process)
      int block = Math.min(period, DriverSettings.MAX_BLOCK_SIZE);
      BlockRunner runner = new BlockRunner(settings.inputs(), settings.outputs(), block, stats.create(sampleRate, block));
      extensions = attachExtensions(c, period);
      process = new Process(runner, inPorts, outPorts, sampleRate, extensions);
      // The stubs live in this driver's arena until close; JACK passes arg back, unused (0).
      // The xrun and shutdown callbacks are registered by start() and removed by stop().
      MemorySegment onProcess = LibJack.LINKER.upcallStub(PROCESS.bindTo(process), LibJack.PROCESS_CALLBACK, a);
      onXrun = LibJack.LINKER.upcallStub(XRUN.bindTo(this), LibJack.XRUN_CALLBACK, a);
      onShutdown = LibJack.LINKER.upcallStub(SHUTDOWN.bindTo(this), LibJack.SHUTDOWN_CALLBACK, a);
      check((int) LibJack.SET_PROCESS_CALLBACK.invokeExact(c, onProcess, 0L), "jack_set_process_callback");
      MemorySegment onThreadInit = LibJack.LINKER.upcallStub(THREAD_INIT, LibJack.THREAD_INIT_CALLBACK, a);
      check((int) LibJack.SET_THREAD_INIT_CALLBACK.invokeExact(c, onThreadInit, 0L), "jack_set_thread_init_callback");
      prime(c, a, block);
      // The extensions primed their own code in attach (their ports' buffers are theirs to read).
      // Scratch processes with none, one and two no-op extensions of three classes: the loop over
      // extensions and its call are then compiled for any number and kind (see primeProcess).
      JackClientExtension.Attached[][] kinds = {
          {},
          {new Idle()},
          {new Idle() { }, new Idle() {
            @Override
            public void process(int frames) {
              primed += frames;
            }
          }},
      };
      Process[] scratch = new Process[kinds.length];
      for (int i = 0; i < kinds.length; i++) {
        scratch[i] = new Process(new BlockRunner(settings.inputs(), settings.outputs(), block,
            new StatsRecorder(AllocationMeter.create(), 1)), inPorts, outPorts, sampleRate, kinds[i]);
      }
      primeProcess(scratch, period);
      return runner;
    } catch (DriverException e) {
      release();
      throw e;
    } catch (Throwable t) {
      release();
      throw new DriverException("JACK refused client '" + settings.clientName() + "': " + t, t);
    }
  }

  /** Attaches every extension that agrees; one that throws is left out and reported. */
  private JackClientExtension.Attached[] attachExtensions(long c, int period) {
    java.util.List<JackClientExtension.Attached> attached = new java.util.ArrayList<>();
    for (JackClientExtension e : JackExtensions.current()) {
      try {
        JackClientExtension.Attached a = e.attach(c, clientName, sampleRate, period);
        if (a != null) {
          attached.add(a);
        }
      } catch (Exception | LinkageError t) {
        JackExtensions.problem("client " + clientName + ": " + e.getClass().getName() + " did not attach: " + t);
      }
    }
    return attached.toArray(JackClientExtension.Attached[]::new);
  }

  /** Client inactive: the extensions let go of their ports before the client closes. */
  private void detachExtensions() {
    JackClientExtension.Attached[] attached = extensions;
    extensions = new JackClientExtension.Attached[0];
    for (JackClientExtension.Attached e : attached) {
      try {
        e.detach();
      } catch (RuntimeException | LinkageError t) {
        JackExtensions.problem("client " + clientName + ": " + e.getClass().getName() + " failed to detach: " + t);
      }
    }
  }

  /**
   * Runs the JDK code the process callback shares with every other downcall and copy (the
   * downcall's symbol checks, {@code MemorySegment.copy}) often enough, here on the control
   * thread, that C2 is asked to compile it from here. Before it queues a C2 compilation,
   * HotSpot resolves every string constant of the method's class as Java strings on the
   * thread that asked: measured, about 3 KB once, on JACK's thread some 1300 periods into
   * playing when not primed, and nothing there once primed. Best effort, 40 to 90 ms on the
   * first open of a JVM; nothing depends on it but how soon JACK's thread stops allocating.
   */
  private static void prime(long client, Arena a, int frames) throws Throwable {
    MemorySegment scratch = a.allocate(4L * frames, 16);
    long address = scratch.address();
    float[] samples = new float[frames];
    MemorySegment memory = LibJack.MEMORY;
    int sink = 0;
    for (int i = 0; i < PRIME_ROUNDS; i++) {
      sink += (int) LibJack.FRAME_TIME.invokeExact(client);
      MemorySegment.copy(memory, JAVA_FLOAT_UNALIGNED, address, samples, 0, frames);
      MemorySegment.copy(samples, 0, memory, JAVA_FLOAT_UNALIGNED, address, frames);
    }
    primed = sink;
  }

  /**
   * Runs the process callback's own Java code (port buffer lookups, copies, the block runner)
   * on the control thread, through a scratch runner, until C2 has compiled it. Without this the
   * first periods run {@code Process.process} in the interpreter, whose first
   * {@code invokeExact} of each downcall links its call site (milliseconds, allocating) inside
   * JACK's deadline: the xrun JACK reports as "client was not finished" at start.
   * {@code jack_port_get_buffer} answers before activation with the port's own buffer.
   */
  private static void primeProcess(Process[] processes, int period) {
    AudioCallback[] kinds = BlockRunner.primingCallbacks();
    for (int i = 0; i < PRIME_ROUNDS / 5; i++) {
      Process scratch = processes[i % processes.length];
      scratch.runner.callback(kinds[i % kinds.length]);
      if (i % 7 == 0) {
        scratch.thread = null; // the first real period takes this branch too: keep it compiled
      }
      scratch.process(period, 0L);
    }
  }

  private long[] register(Arena a, MemorySegment type, int count, String prefix, long flags) throws Throwable {
    long[] ports = new long[count];
    for (int i = 0; i < count; i++) {
      String name = prefix + (i + 1);
      ports[i] = (long) LibJack.PORT_REGISTER.invokeExact(client, a.allocateFrom(name), type, flags, 0L);
      if (ports[i] == 0) {
        throw new DriverException("JACK refused port '" + clientName + ":" + name + "'");
      }
    }
    return ports;
  }

  private static void check(int result, String call) throws DriverException {
    if (result != 0) {
      throw new DriverException(call + " failed with " + result);
    }
  }

  @Override
  void doStart(BlockRunner runner) throws DriverException {
    serverGone = false;
    process.rearm();
    long c = client;
    int result;
    try {
      check((int) LibJack.SET_XRUN_CALLBACK.invokeExact(c, onXrun, 0L), "jack_set_xrun_callback");
      LibJack.ON_SHUTDOWN.invokeExact(c, onShutdown, 0L);
      result = (int) LibJack.ACTIVATE.invokeExact(c);
    } catch (DriverException e) {
      throw e;
    } catch (Throwable t) {
      throw new DriverException("JACK did not activate client '" + clientName + "': " + t, t);
    }
    if (result != 0) {
      unregisterNotifications();
      throw new DriverException("JACK did not activate client '" + clientName + "' (jack_activate returned " + result + ")");
    }
  }

  /** See the class comment: JACK must never cancel a thread while it runs Java code. */
  @Override
  void doStop() {
    Process p = process;
    p.stopRequested = true;
    long start = System.nanoTime();
    // The next period's callback sees the request, silences the outputs and returns non-zero.
    while (!p.ended && !serverGone && System.nanoTime() - start < ACK_TIMEOUT_NANOS) {
      LockSupport.parkNanos(1_000_000);
    }
    // No acknowledgement: the server stopped calling. Unless a callback is still running (one
    // that blocks), JACK's thread waits inside libjack, where jack_deactivate may cancel it.
    while (!p.ended && p.inside && System.nanoTime() - start < CALLBACK_TIMEOUT_NANOS) {
      LockSupport.parkNanos(1_000_000);
    }
    Thread thread = p.thread;
    if (p.ended && thread != null) {
      // JACK takes the client out of the graph and ends the thread (pthread_exit) in its own
      // code; the JVM sees the thread end when it detaches at its exit.
      long exitStart = System.nanoTime();
      while (thread.isAlive() && !p.calledAfterEnd && System.nanoTime() - exitStart < EXIT_TIMEOUT_NANOS) {
        LockSupport.parkNanos(1_000_000);
      }
    }
    try {
      // a no-op when JACK has already taken the client out; otherwise ends its idle thread
      int result = (int) LibJack.DEACTIVATE.invokeExact(client);
    } catch (Throwable t) {
      throw LibJack.unchecked(t);
    } finally {
      unregisterNotifications();
    }
  }

  /**
   * Client inactive: takes the xrun and shutdown callbacks back from JACK and waits until no
   * notification thread runs one, so that jack_client_close never cancels it inside Java.
   */
  private void unregisterNotifications() {
    long c = client;
    try {
      int result = (int) LibJack.SET_XRUN_CALLBACK.invokeExact(c, MemorySegment.NULL, 0L);
      LibJack.ON_SHUTDOWN.invokeExact(c, MemorySegment.NULL, 0L);
    } catch (Throwable t) {
      throw LibJack.unchecked(t);
    }
    long start = System.nanoTime();
    while (inNotification.get() != 0 && System.nanoTime() - start < ACK_TIMEOUT_NANOS) {
      LockSupport.parkNanos(1_000_000);
    }
    // one JACK had already begun to deliver may still be entering its stub
    LockSupport.parkNanos(NOTIFICATION_GRACE_NANOS);
  }

  @Override
  void doClose() {
    release();
  }

  /** Closes the client, then frees the upcall stubs JACK can no longer call. */
  private void release() {
    long c = client;
    client = 0;
    if (c != 0) {
      detachExtensions();
    }
    try {
      if (c != 0) {
        int result = (int) LibJack.CLIENT_CLOSE.invokeExact(c);
      }
    } catch (Throwable t) {
      throw LibJack.unchecked(t);
    } finally {
      Arena a = arena;
      arena = null;
      if (a != null) {
        a.close();
      }
    }
  }

  /**
   * JACK's thread-init callback: runs once on JACK's new process thread before its first
   * period. Its only job is to be an upcall: the first upcall on a native thread attaches it to
   * the JVM (a Thread object, its stacks: milliseconds), which inside the first period's
   * deadline would make JACK report an xrun. The thread stays attached until JACK ends it.
   */
  private static void threadInit(long arg) {
    try {
      Thread.currentThread().setName("patchwork-audio-jack");
    } catch (Throwable t) {
      // nothing may leave an upcall
    }
  }

  /** JACK's xrun callback (its notification thread). Nothing may leave an upcall. */
  private int xrun(long arg) {
    inNotification.incrementAndGet();
    try {
      process.runner.stats().xrun();
    } catch (Throwable t) {
      // nothing may leave an upcall
    } finally {
      inNotification.decrementAndGet();
    }
    return 0;
  }

  /** JACK's shutdown callback: the server went away (its notification or process thread). */
  private void shutdown(long arg) {
    inNotification.incrementAndGet();
    serverGone = true;
    inNotification.decrementAndGet();
  }

  /** A no-op extension for priming. */
  private static class Idle implements JackClientExtension.Attached {
    @Override
    public void process(int frames) {
    }

    @Override
    public void detach() {
    }
  }

  /** What JACK's process callback runs; everything it touches is made at open. */
  private static final class Process {
    private final BlockRunner runner;
    private final long[] inPorts;
    private final long[] outPorts;
    private final long[] inBuffers;
    private final long[] outBuffers;
    private final float[][] in;
    private final float[][] out;
    private final float[] zeros;
    private final int maxFrames;
    private final int sampleRate;
    private final JackClientExtension.Attached[] extensions;
    volatile boolean stopRequested; // control thread: return non-zero at the next period
    volatile boolean ended; // the callback returned non-zero: JACK ends this thread
    volatile boolean calledAfterEnd; // a libjack that went on calling after a non-zero return
    volatile boolean inside; // a callback is running
    volatile Thread thread; // JACK's process thread, as the JVM sees it since its first upcall

    Process(BlockRunner runner, long[] inPorts, long[] outPorts, int sampleRate,
        JackClientExtension.Attached[] extensions) {
      this.runner = runner;
      this.extensions = extensions;
      this.inPorts = inPorts;
      this.outPorts = outPorts;
      this.inBuffers = new long[inPorts.length];
      this.outBuffers = new long[outPorts.length];
      this.in = runner.inputs();
      this.out = runner.outputs();
      this.maxFrames = runner.maxFrames();
      this.zeros = new float[maxFrames];
      this.sampleRate = sampleRate;
    }

    /** Control thread, before activating: a new JACK thread will call. */
    void rearm() {
      stopRequested = false;
      ended = false;
      calledAfterEnd = false;
      inside = false;
      thread = null;
    }

    /** JACK's process thread, once per period. Nothing may leave an upcall: it would end the JVM. */
    int process(int nframes, long arg) {
      inside = true;
      try {
        if (thread == null) {
          thread = Thread.currentThread();
        }
        if (stopRequested) {
          // the last period: silence, then non-zero, after which JACK ends this thread
          calledAfterEnd = ended;
          silence(nframes);
          ended = true;
          return 1;
        }
        final JackClientExtension.Attached[] ext = extensions;
        for (int i = 0; i < ext.length; i++) {
          try {
            ext[i].process(nframes);
          } catch (Throwable t) {
            // an extension's lost period must not cost the audio its period
          }
        }
        render(nframes);
      } catch (Throwable t) {
        // BlockRunner catches the callback's own throws; the binding's downcalls and copies do
        // not throw for the addresses JACK hands out. Returning non-zero would make JACK drop
        // the client, so the period is simply lost.
      } finally {
        inside = false;
      }
      return 0;
    }

    private void silence(int nframes) throws Throwable {
      final MemorySegment memory = LibJack.MEMORY;
      for (int i = 0; i < outPorts.length; i++) {
        long buffer = (long) LibJack.PORT_GET_BUFFER.invokeExact(outPorts[i], nframes);
        for (int offset = 0; buffer != 0 && offset < nframes; offset += maxFrames) {
          MemorySegment.copy(zeros, 0, memory, JAVA_FLOAT_UNALIGNED, buffer + 4L * offset, Math.min(maxFrames, nframes - offset));
        }
      }
    }

    private void render(int nframes) throws Throwable {
      final MemorySegment memory = LibJack.MEMORY;
      final long[] inBuf = inBuffers;
      final long[] outBuf = outBuffers;
      // the buffers are valid for this period only: looked up again every time
      for (int i = 0; i < inBuf.length; i++) {
        inBuf[i] = (long) LibJack.PORT_GET_BUFFER.invokeExact(inPorts[i], nframes);
      }
      for (int i = 0; i < outBuf.length; i++) {
        outBuf[i] = (long) LibJack.PORT_GET_BUFFER.invokeExact(outPorts[i], nframes);
      }
      // JACK may hand out more frames than announced (buffer size changed): render in pieces
      // rather than allocate new buffers on this thread.
      for (int offset = 0; offset < nframes; offset += maxFrames) {
        final int n = Math.min(maxFrames, nframes - offset);
        final long bytes = 4L * offset;
        for (int i = 0; i < inBuf.length; i++) {
          if (inBuf[i] != 0) {
            MemorySegment.copy(memory, JAVA_FLOAT_UNALIGNED, inBuf[i] + bytes, in[i], 0, n);
          } else {
            Arrays.fill(in[i], 0, n, 0f);
          }
        }
        runner.run(n, Long.MAX_VALUE, n * 1_000_000_000L / sampleRate);
        for (int i = 0; i < outBuf.length; i++) {
          if (outBuf[i] != 0) {
            MemorySegment.copy(out[i], 0, memory, JAVA_FLOAT_UNALIGNED, outBuf[i] + bytes, n);
          }
        }
      }
    }
  }
}
