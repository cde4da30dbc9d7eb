package org.patchwork.osc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.patchwork.controllers.internal.ControlBus;
import org.patchwork.controllers.testing.RecordingBackend;

/**
 * Seeded mutation fuzzing of the packet parser and the dispatcher (Jazzer cannot instrument
 * Java 25 classes yet): 100,000 packets made from valid ones by flipping bits, overwriting
 * bytes and size fields with extreme values, cutting, splicing and padding, plus pure noise.
 * Every packet must either parse completely or be refused as malformed; nothing may throw
 * anything else, and no message that parses may make the dispatcher throw.
 */
class OscFuzzTest {

  static final long SEED = 0x05C_F0221L;

  static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    for (OSCMessage m : List.of(
        new OSCMessage("/transport/play"),
        new OSCMessage("/transport/tempo", List.of(133.5f)),
        new OSCMessage("/track/3/volume", List.of(0.75f)),
        new OSCMessage("/track/3/mute", List.of(true)),
        new OSCMessage("/module/lead/cutoff", List.of(440.0)),
        new OSCMessage("/note", List.of(0, 60, 0.9f)),
        new OSCMessage("/query/module/lead/cutoff", List.of(9001)),
        new OSCMessage("/x", List.of("a string argument", new byte[] {1, 2, 3, 4, 5}, 7L, 'c')))) {
      seeds.add(OscPeers.bytes(m));
    }
    OSCBundle bundle = new OSCBundle(List.<OSCPacket>of(new OSCMessage("/transport/stop"),
        new OSCMessage("/note", List.of(1, 61, 0.5f))));
    OSCBundle nested = new OSCBundle(List.<OSCPacket>of(bundle, new OSCMessage("/track/0/pan", List.of(-1f))));
    seeds.add(bytes(bundle));
    seeds.add(bytes(nested));
    return seeds;
  }

  private static byte[] bytes(OSCBundle b) {
    com.illposed.osc.BufferBytesReceiver r = new com.illposed.osc.BufferBytesReceiver(ByteBuffer.allocate(4096));
    try {
      new com.illposed.osc.OSCSerializerAndParserBuilder().buildSerializer(r).write(b);
    } catch (com.illposed.osc.OSCSerializeException e) {
      throw new IllegalStateException(e);
    }
    return r.toByteArray();
  }

  static byte[] mutate(Random r, List<byte[]> seeds) {
    byte[] s = seeds.get(r.nextInt(seeds.size())).clone();
    int kind = r.nextInt(8);
    switch (kind) {
      case 0 -> {
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
          int bit = r.nextInt(s.length * 8);
          s[bit / 8] ^= (byte) (1 << (bit % 8));
        }
      }
      case 1 -> {
        for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
          s[r.nextInt(s.length)] = (byte) r.nextInt(256);
        }
      }
      case 2 -> {
        // a 32-bit field (a size, an int, a time tag) set to an extreme value
        int at = r.nextInt(Math.max(1, s.length / 4)) * 4;
        int v = switch (r.nextInt(5)) {
          case 0 -> Integer.MAX_VALUE;
          case 1 -> Integer.MIN_VALUE;
          case 2 -> -1;
          case 3 -> 0x7FFF_FFF0;
          default -> r.nextInt();
        };
        ByteBuffer.wrap(s).putInt(Math.min(at, s.length - 4), v);
      }
      case 3 -> s = java.util.Arrays.copyOf(s, r.nextInt(s.length + 1));
      case 4 -> s = java.util.Arrays.copyOf(s, s.length + 4 * (1 + r.nextInt(8)));
      case 5 -> {
        byte[] other = seeds.get(r.nextInt(seeds.size()));
        int cut = r.nextInt(s.length);
        byte[] joined = java.util.Arrays.copyOf(s, cut + other.length - Math.min(other.length, r.nextInt(other.length)));
        System.arraycopy(other, 0, joined, cut, joined.length - cut);
        s = joined;
      }
      case 6 -> {
        // the type tag string replaced by random tags
        String tags = ",ifsbhtdScrmTFNI[]";
        for (int i = 0; i < s.length; i++) {
          if (s[i] == ',') {
            for (int k = i + 1; k < s.length && s[k] != 0; k++) {
              s[k] = (byte) tags.charAt(r.nextInt(tags.length()));
            }
            break;
          }
        }
      }
      default -> {
        s = new byte[4 * r.nextInt(40)];
        r.nextBytes(s);
        if (s.length > 0 && r.nextBoolean()) {
          s[0] = (byte) (r.nextBoolean() ? '/' : '#');
        }
      }
    }
    return s;
  }

  @Test
  void oneHundredThousandMutatedPacketsParseOrAreRefusedAndNothingElseHappens() throws Exception {
    RecordingBackend backend = new RecordingBackend();
    try (ControlBus bus = new ControlBus(() -> null, m -> { })) {
      OscDispatcher dispatcher = new OscDispatcher(bus, null);
      OscCodec codec = new OscCodec();
      List<byte[]> seeds = seeds();
      Random r = new Random(SEED);
      int parsed = 0;
      int refused = 0;
      int[] outcomes = new int[OscDispatcher.Outcome.values().length];
      long start = System.nanoTime();
      for (int i = 0; i < 100_000; i++) {
        byte[] packet = mutate(r, seeds);
        List<OSCMessage> messages;
        try {
          messages = codec.parse(ByteBuffer.wrap(packet));
        } catch (OscCodec.Malformed e) {
          refused++;
          continue;
        } catch (Throwable t) {
          throw new AssertionError("packet " + i + " (" + java.util.HexFormat.of().formatHex(packet) + ") threw " + t, t);
        }
        parsed++;
        for (OSCMessage m : messages) {
          try {
            outcomes[dispatcher.dispatch(m, 0).outcome().ordinal()]++;
          } catch (Throwable t) {
            throw new AssertionError("packet " + i + " message " + m.getAddress() + " threw " + t, t);
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("OSC fuzz (seed %x): 100000 packets in %.1f s: %d parsed, %d refused as malformed; "
          + "messages handled %d, unknown %d, invalid %d, dropped %d%n", SEED, seconds, parsed, refused,
          outcomes[0], outcomes[1], outcomes[2], outcomes[3]);
      assertEquals(100_000, parsed + refused);
      assertTrue(refused > 10_000 && parsed > 10_000, "the mutations reach both sides");
      assertTrue(outcomes[OscDispatcher.Outcome.HANDLED.ordinal()] > 1000, "valid messages still act");
      assertTrue(bus.awaitApplied(5000));
      assertEquals(0, bus.state().failures(), "nothing the dispatcher passed on failed on the model thread");
    }
  }

  @Test
  void theServerSurvivesFuzzOverUdpAndStillAnswers() throws Exception {
    try (ControlBus bus = new ControlBus(() -> null, m -> { });
        OscServer server = new OscServer(InetAddress.getLoopbackAddress(), 0, bus, null, m -> { });
        DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      Random r = new Random(SEED + 1);
      List<byte[]> seeds = seeds();
      for (int i = 0; i < 5000; i++) {
        byte[] p = mutate(r, seeds);
        peer.send(new DatagramPacket(p, p.length, InetAddress.getLoopbackAddress(), server.port()));
      }
      byte[] query = OscPeers.bytes(new OSCMessage("/query/tempo"));
      peer.send(new DatagramPacket(query, query.length, InetAddress.getLoopbackAddress(), server.port()));
      peer.setSoTimeout(5000);
      DatagramPacket answer = new DatagramPacket(new byte[512], 512);
      do {
        peer.receive(answer); // earlier fuzz packets may have been valid queries too
      } while (!new String(answer.getData(), 0, 6).equals("/tempo"));
      OscStats.Snapshot s = server.stats();
      System.out.println("OSC server after 5000 fuzz packets over UDP: " + s);
      assertEquals(5001, s.packets());
      assertTrue(s.malformed() > 500);
    }
  }
}
