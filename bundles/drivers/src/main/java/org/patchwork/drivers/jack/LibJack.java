package org.patchwork.drivers.jack;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of libjack that Patchwork uses (the audio driver here, the JACK MIDI ports in
 * bundles/midi), bound once, with the JDK's Foreign Function & Memory API
 * ({@code java.lang.foreign}). Nothing here allocates per call on the audio thread:
 * <ul>
 *   <li>every {@code jack_client_t*}, {@code jack_port_t*} and sample-buffer pointer travels
 *       as a {@code long} ({@code JAVA_LONG}, the same register as a pointer on the 64-bit
 *       Linux ABIs), so no {@link MemorySegment} is made per call;</li>
 *   <li>samples are read and written through {@link #MEMORY}, one segment over all of memory,
 *       at the raw addresses {@code jack_port_get_buffer} returns;</li>
 *   <li>every handle is a {@code static final}, called with {@code invokeExact} and exact
 *       types, so the JIT inlines the downcall into the process callback.</li>
 * </ul>
 * Strings and the status word only cross on the control thread, as segments of a caller's
 * arena.
 *
 * <p>Binding needs native access. Where the JVM denies it ({@code --illegal-native-access=deny}
 * without {@code --enable-native-access=ALL-UNNAMED}), or libjack is missing, the handles stay
 * null and {@link #problem()} says why; nothing throws from class initialization.
 */
public final class LibJack {

  // jack/types.h
  public static final int NO_START_SERVER = 0x01; // JackNoStartServer
  public static final int SERVER_NAME = 0x04; // JackServerName: the optional (char *) server_name follows
  public static final long PORT_IS_INPUT = 0x1; // JackPortIsInput
  public static final long PORT_IS_OUTPUT = 0x2; // JackPortIsOutput
  public static final String DEFAULT_AUDIO_TYPE = "32 bit float mono audio"; // JACK_DEFAULT_AUDIO_TYPE
  public static final String MIDI_TYPE = "8 bit raw midi"; // JACK_DEFAULT_MIDI_TYPE

  /** {@code jack_midi_event_t}: {@code uint32 time; (pad) size_t size; jack_midi_data_t *buffer}. */
  public static final long EVENT_TIME = 0;
  public static final long EVENT_SIZE = 8;
  public static final long EVENT_BUFFER = 16;
  public static final long EVENT_BYTES = 24;
  private static final String[] STATUS_NAMES = {"JackFailure", "JackInvalidOption", "JackNameNotUnique",
      "JackServerStarted", "JackServerFailed", "JackServerError", "JackNoSuchClient", "JackLoadFailure",
      "JackInitFailure", "JackShmFailure", "JackVersionError", "JackBackendError", "JackClientZombie"};

  public static final String ENABLE_NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
  public static final String INSTALL_HINT = "Debian: apt-get install libjack-jackd2-0";

  /** Upcall shapes: {@code int process(jack_nframes_t nframes, void *arg)}. */
  public static final FunctionDescriptor PROCESS_CALLBACK = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG);
  /** {@code int xrun(void *arg)}. */
  public static final FunctionDescriptor XRUN_CALLBACK = FunctionDescriptor.of(JAVA_INT, JAVA_LONG);
  /** {@code void thread_init(void *arg)}. */
  public static final FunctionDescriptor THREAD_INIT_CALLBACK = FunctionDescriptor.ofVoid(JAVA_LONG);
  /** {@code void shutdown(void *arg)}. */
  public static final FunctionDescriptor SHUTDOWN_CALLBACK = FunctionDescriptor.ofVoid(JAVA_LONG);

  private static final List<String> problems = new ArrayList<>(); // written during class initialization only
  public static final Linker LINKER = Linker.nativeLinker();
  private static final SymbolLookup LIB = openLibrary();

  // jack_client_t *jack_client_open(const char *client_name, jack_options_t options, jack_status_t *status, ...)
  // Variadic: the fixed part ends at index 3; the only variadic argument used is the server name.
  public static final MethodHandle CLIENT_OPEN = downcall("jack_client_open",
      FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS), Linker.Option.firstVariadicArg(3));
  public static final MethodHandle CLIENT_OPEN_NAMED = downcall("jack_client_open",
      FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS, ADDRESS), Linker.Option.firstVariadicArg(3));
  // int jack_client_close(jack_client_t *client)
  public static final MethodHandle CLIENT_CLOSE = downcall("jack_client_close", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
  // char *jack_get_client_name(jack_client_t *client): owned by the client, not to be freed
  public static final MethodHandle GET_CLIENT_NAME = downcall("jack_get_client_name", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
  // jack_nframes_t jack_get_sample_rate(jack_client_t *), jack_get_buffer_size(jack_client_t *)
  public static final MethodHandle GET_SAMPLE_RATE = downcall("jack_get_sample_rate", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
  public static final MethodHandle GET_BUFFER_SIZE = downcall("jack_get_buffer_size", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
  // jack_nframes_t jack_frame_time(const jack_client_t *)
  public static final MethodHandle FRAME_TIME = downcall("jack_frame_time", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
  // jack_port_t *jack_port_register(jack_client_t *, const char *port_name, const char *port_type,
  //                                 unsigned long flags, unsigned long buffer_size)
  public static final MethodHandle PORT_REGISTER = downcall("jack_port_register",
      FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG));
  // void *jack_port_get_buffer(jack_port_t *, jack_nframes_t): the audio thread's only downcall
  public static final MethodHandle PORT_GET_BUFFER = downcall("jack_port_get_buffer",
      FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT));
  // const char *jack_port_name(const jack_port_t *)
  public static final MethodHandle PORT_NAME = downcall("jack_port_name", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
  // int jack_connect(jack_client_t *, const char *source_port, const char *destination_port)
  public static final MethodHandle CONNECT = downcall("jack_connect",
      FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
  // jack_nframes_t jack_midi_get_event_count(void *port_buffer)
  public static final MethodHandle MIDI_GET_EVENT_COUNT = downcall("jack_midi_get_event_count",
      FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
  // int jack_midi_event_get(jack_midi_event_t *event, void *port_buffer, uint32_t event_index)
  public static final MethodHandle MIDI_EVENT_GET = downcall("jack_midi_event_get",
      FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
  // void jack_midi_clear_buffer(void *port_buffer)
  public static final MethodHandle MIDI_CLEAR_BUFFER = downcall("jack_midi_clear_buffer",
      FunctionDescriptor.ofVoid(JAVA_LONG));
  // int jack_midi_event_write(void *port_buffer, jack_nframes_t time, const jack_midi_data_t *data, size_t size)
  public static final MethodHandle MIDI_EVENT_WRITE = downcall("jack_midi_event_write",
      FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
  // jack_nframes_t jack_last_frame_time(const jack_client_t *): the current period's first frame
  public static final MethodHandle LAST_FRAME_TIME = downcall("jack_last_frame_time",
      FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
  // jack_time_t jack_frames_to_time(const jack_client_t *, jack_nframes_t): microseconds
  public static final MethodHandle FRAMES_TO_TIME = downcall("jack_frames_to_time",
      FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT));
  // jack_time_t jack_get_time(void)
  public static final MethodHandle GET_TIME = downcall("jack_get_time", FunctionDescriptor.of(JAVA_LONG));
  // int jack_set_process_callback(jack_client_t *, JackProcessCallback, void *arg)
  public static final MethodHandle SET_PROCESS_CALLBACK = downcall("jack_set_process_callback",
      FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG));
  // int jack_set_thread_init_callback(jack_client_t *, JackThreadInitCallback, void *arg)
  public static final MethodHandle SET_THREAD_INIT_CALLBACK = downcall("jack_set_thread_init_callback",
      FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG));
  // int jack_set_xrun_callback(jack_client_t *, JackXRunCallback, void *arg)
  public static final MethodHandle SET_XRUN_CALLBACK = downcall("jack_set_xrun_callback",
      FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG));
  // void jack_on_shutdown(jack_client_t *, JackShutdownCallback, void *arg)
  public static final MethodHandle ON_SHUTDOWN = downcall("jack_on_shutdown",
      FunctionDescriptor.ofVoid(JAVA_LONG, ADDRESS, JAVA_LONG));
  // int jack_activate(jack_client_t *), int jack_deactivate(jack_client_t *)
  public static final MethodHandle ACTIVATE = downcall("jack_activate", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
  public static final MethodHandle DEACTIVATE = downcall("jack_deactivate", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));

  /**
   * All of the address space, from address 0: {@code MEMORY.get(JAVA_FLOAT_UNALIGNED, p)} reads
   * the float at native address {@code p}. Made once; only ever used at addresses libjack
   * handed out, for the lengths it promised.
   */
  public static final MemorySegment MEMORY = everything();

  private static final String PROBLEM = problems.isEmpty() ? null : String.join("; ", problems);

  private LibJack() {}

  /** Why libjack cannot be called from here, or null when it can. */
  public static String problem() {
    return PROBLEM;
  }

  private static SymbolLookup openLibrary() {
    if (ADDRESS.byteSize() != Long.BYTES || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      problems.add("the JACK binding passes pointers as 64-bit longs and needs a 64-bit little-endian JVM");
      return null;
    }
    try {
      // the library stays loaded for the JVM's life: upcall stubs and handles may outlive any driver
      return SymbolLookup.libraryLookup("libjack.so.0", Arena.global());
    } catch (IllegalArgumentException soname) {
      try {
        return SymbolLookup.libraryLookup("libjack.so", Arena.global());
      } catch (IllegalArgumentException plain) {
        problems.add("JACK client library libjack.so.0 not found (" + INSTALL_HINT + ")");
      } catch (IllegalCallerException denied) {
        problems.add(denied(denied));
      }
    } catch (IllegalCallerException denied) {
      problems.add(denied(denied));
    }
    return null;
  }

  private static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
    if (LIB == null) {
      return null;
    }
    MemorySegment symbol = LIB.find(name).orElse(null);
    if (symbol == null) {
      problems.add("libjack has no " + name + " (too old a JACK?)");
      return null;
    }
    try {
      return LINKER.downcallHandle(symbol, descriptor, options);
    } catch (IllegalCallerException denied) {
      problems.add(denied(denied));
      return null;
    }
  }

  private static MemorySegment everything() {
    if (LIB == null) {
      return null;
    }
    try {
      return MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    } catch (IllegalCallerException denied) {
      problems.add(denied(denied));
      return null;
    }
  }

  private static String denied(IllegalCallerException e) {
    return "native access to libjack denied (" + e.getMessage() + "): start the JVM with " + ENABLE_NATIVE_ACCESS
        + ", as bin/patchwork does";
  }

  /** The names of the bits set in a {@code jack_status_t}, for messages. */
  public static String statusNames(int status) {
    List<String> names = new ArrayList<>();
    for (int bit = 0; bit < STATUS_NAMES.length; bit++) {
      if ((status & (1 << bit)) != 0) {
        names.add(STATUS_NAMES[bit]);
      }
    }
    return String.format("0x%x %s", status, names);
  }

  /** Rethrows what a control-thread downcall threw; a downcall throws no checked exceptions. */
  public static RuntimeException unchecked(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(t);
  }
}
