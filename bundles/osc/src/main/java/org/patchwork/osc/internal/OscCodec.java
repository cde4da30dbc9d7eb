package org.patchwork.osc.internal;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * OSC packets to messages and back, with JavaOSC's parser and serializer. Whatever JavaOSC
 * throws on bytes that are not OSC (its own parse exception, or a buffer underflow, an illegal
 * argument, a negative array size, a stack overflow for absurdly nested bundles) becomes one
 * {@link Malformed}: a packet either parses completely or is refused. Bundles are flattened
 * (their time tags are not honoured: every message acts on arrival, see docs/osc.md).
 *
 * <p>Not thread-safe: one codec per thread.
 */
final class OscCodec {

  /** Bundles nested deeper than this are refused. */
  static final int MAX_DEPTH = 8;

  /** A packet that is not valid OSC. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private final OSCParser parser;
  private final ByteBuffer out = ByteBuffer.allocate(8192);
  private final OSCSerializer serializer;

  OscCodec() {
    OSCSerializerAndParserBuilder builder = new OSCSerializerAndParserBuilder();
    parser = builder.buildParser();
    serializer = builder.buildSerializer(new BufferBytesReceiver(out));
  }

  /** The messages of a packet, in order. */
  List<OSCMessage> parse(ByteBuffer packet) throws Malformed {
    if (packet.remaining() == 0 || packet.remaining() % 4 != 0) {
      throw new Malformed("an OSC packet's length is a positive multiple of 4, not " + packet.remaining());
    }
    OSCPacket p;
    try {
      p = parser.convert(packet);
    } catch (OSCParseException e) {
      throw new Malformed(e.getMessage());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // JavaOSC trusts sizes inside the packet; whatever it meets on hostile bytes is refused here.
      throw new Malformed("not OSC: " + e.getClass().getSimpleName());
    }
    List<OSCMessage> messages = new ArrayList<>();
    flatten(p, messages, 0);
    return messages;
  }

  private static void flatten(OSCPacket p, List<OSCMessage> into, int depth) throws Malformed {
    if (depth > MAX_DEPTH) {
      throw new Malformed("bundles nested deeper than " + MAX_DEPTH);
    }
    if (p instanceof OSCMessage m) {
      into.add(m);
    } else if (p instanceof OSCBundle b) {
      for (OSCPacket inner : b.getPackets()) {
        flatten(inner, into, depth + 1);
      }
    }
  }

  /** A message as bytes (a view valid until the next call). */
  ByteBuffer write(OSCMessage message) {
    out.clear();
    try {
      serializer.write(message);
    } catch (OSCSerializeException e) {
      throw new IllegalArgumentException("cannot serialise " + message.getAddress() + ": " + e.getMessage(), e);
    }
    out.flip();
    return out;
  }
}
