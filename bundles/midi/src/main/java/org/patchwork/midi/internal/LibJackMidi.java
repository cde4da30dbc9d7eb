package org.patchwork.midi.internal;

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
 * The part of libjack that JACK MIDI needs, bound with {@code java.lang.foreign} in the same
 * style as the audio driver's binding (bundles/drivers {@code LibJack}, see
 * docs/decisions/0013-midi-binding.md): pointers travel as {@code long}s, bytes are read and
 * written through {@link #MEMORY} (one segment over all memory) at the addresses libjack hands
 * out, and every handle is a {@code static final} called with {@code invokeExact}, so the
 * process callback allocates nothing.
 *
 * <p>Where libjack is missing or native access is denied the handles stay null and
 * {@link #problem()} says why; nothing throws from class initialization.
 */
final class LibJackMidi {

  static final int NO_START_SERVER = 0x01; // JackNoStartServer
  static final int SERVER_NAME = 0x04; // JackServerName
  static final long PORT_IS_INPUT = 0x1;
  static final long PORT_IS_OUTPUT = 0x2;
  static final String MIDI_TYPE = "8 bit raw midi"; // JACK_DEFAULT_MIDI_TYPE

  /** {@code jack_midi_event_t}: {@code uint32 time; (pad) size_t size; jack_midi_data_t *buffer}. */
  static final long EVENT_TIME = 0;
  static final long EVENT_SIZE = 8;
  static final long EVENT_BUFFER = 16;
  static final long EVENT_BYTES = 24;

  static final FunctionDescriptor PROCESS_CALLBACK = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG);
  static final FunctionDescriptor THREAD_INIT_CALLBACK = FunctionDescriptor.ofVoid(JAVA_LONG);
  static final FunctionDescriptor SHUTDOWN_CALLBACK = FunctionDescriptor.ofVoid(JAVA_LONG);

  private static final List<String> problems = new ArrayList<>();
  static final Linker LINKER = Linker.nativeLinker();
  private static final SymbolLookup LIB = openLibrary();

  static final MethodHandle CLIENT_OPEN = downcall("jack_client_open",
      FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS), Linker.Option.firstVariadicArg(3));
  static final MethodHandle CLIENT_OPEN_NAMED = downcall("jack_client_open",
      FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS, ADDRESS), Linker.Option.firstVariadicArg(3));
  static final MethodHandle CLIENT_CLOSE = downcall("jack_client_close", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
  static final MethodHandle GET_CLIENT_NAME = downcall("jack_get_client_name", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
  static final MethodHandle GET_SAMPLE_RATE = downcall("jack_get_sample_rate", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
  static final MethodHandle GET_BUFFER_SIZE = downcall("jack_get_buffer_size", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
  static final MethodHandle PORT_REGISTER = downcall("jack_port_register",
      FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG));
  static final MethodHandle PORT_NAME = downcall("jack_port_name", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
  static final MethodHandle PORT_GET_BUFFER = downcall("jack_port_get_buffer",
      FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT));
  static final MethodHandle CONNECT = downcall("jack_connect", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
  // jack_nframes_t jack_midi_get_event_count(void *port_buffer)
  static final MethodHandle MIDI_GET_EVENT_COUNT = downcall("jack_midi_get_event_count",
      FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
  // int jack_midi_event_get(jack_midi_event_t *event, void *port_buffer, uint32_t event_index)
  static final MethodHandle MIDI_EVENT_GET = downcall("jack_midi_event_get",
      FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
  // void jack_midi_clear_buffer(void *port_buffer)
  static final MethodHandle MIDI_CLEAR_BUFFER = downcall("jack_midi_clear_buffer", FunctionDescriptor.ofVoid(JAVA_LONG));
  // int jack_midi_event_write(void *port_buffer, jack_nframes_t time, const jack_midi_data_t *data, size_t size)
  static final MethodHandle MIDI_EVENT_WRITE = downcall("jack_midi_event_write",
      FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
  // jack_nframes_t jack_last_frame_time(const jack_client_t *): the current period's first frame
  static final MethodHandle LAST_FRAME_TIME = downcall("jack_last_frame_time", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
  // jack_nframes_t jack_frame_time(const jack_client_t *): an estimate of the frame now
  static final MethodHandle FRAME_TIME = downcall("jack_frame_time", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
  // jack_time_t jack_frames_to_time(const jack_client_t *, jack_nframes_t): microseconds
  static final MethodHandle FRAMES_TO_TIME = downcall("jack_frames_to_time",
      FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT));
  // jack_time_t jack_get_time(void)
  static final MethodHandle GET_TIME = downcall("jack_get_time", FunctionDescriptor.of(JAVA_LONG));
  static final MethodHandle SET_PROCESS_CALLBACK = downcall("jack_set_process_callback",
      FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG));
  static final MethodHandle SET_THREAD_INIT_CALLBACK = downcall("jack_set_thread_init_callback",
      FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG));
  static final MethodHandle ON_SHUTDOWN = downcall("jack_on_shutdown", FunctionDescriptor.ofVoid(JAVA_LONG, ADDRESS, JAVA_LONG));
  static final MethodHandle ACTIVATE = downcall("jack_activate", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
  static final MethodHandle DEACTIVATE = downcall("jack_deactivate", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));

  /** All of the address space from 0; only used at addresses and lengths libjack gave. */
  static final MemorySegment MEMORY = everything();

  private static final String PROBLEM = problems.isEmpty() ? null : String.join("; ", problems);

  private LibJackMidi() {
  }

  /** Why libjack cannot be called from here, or null when it can. */
  static String problem() {
    return PROBLEM;
  }

  private static SymbolLookup openLibrary() {
    if (ADDRESS.byteSize() != Long.BYTES || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      problems.add("the JACK binding passes pointers as 64-bit longs and needs a 64-bit little-endian JVM");
      return null;
    }
    for (String name : new String[] {"libjack.so.0", "libjack.so"}) {
      try {
        return SymbolLookup.libraryLookup(name, Arena.global());
      } catch (IllegalArgumentException missing) {
        // try the next name
      } catch (IllegalCallerException denied) {
        problems.add(denied(denied));
        return null;
      }
    }
    problems.add("JACK client library libjack.so.0 not found (Debian: apt-get install libjack-jackd2-0)");
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
    return "native access to libjack denied (" + e.getMessage()
        + "): start the JVM with --enable-native-access=ALL-UNNAMED, as bin/patchwork does";
  }

  static RuntimeException unchecked(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(t);
  }
}
