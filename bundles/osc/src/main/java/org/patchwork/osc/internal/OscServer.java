package org.patchwork.osc.internal;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.function.Consumer;
import org.patchwork.controllers.ControlTarget;
import org.patchwork.controllers.ControllerService;
import org.patchwork.sdk.control.RateLimitedLog;

/**
 * The UDP OSC server: one thread receives packets, parses them ({@link OscCodec}), hands each
 * message to the {@link OscDispatcher}, counts what became of it and sends query answers back
 * to the sender. Malformed packets, unknown addresses and bad arguments are counted and logged
 * (at most one line every five seconds, with the count of the rest); nothing a peer sends can
 * end the thread.
 */
public final class OscServer implements AutoCloseable {

  /** The default UDP port. */
  public static final int DEFAULT_PORT = 9000;
  private static final int MAX_PACKET = 65_536;

  private final DatagramChannel channel;
  private final OscDispatcher dispatcher;
  private final OscCodec codec = new OscCodec();
  private final OscStats stats = new OscStats();
  private final RateLimitedLog log;
  private final Thread thread;
  private volatile boolean closed;

  /**
   * Binds and starts receiving.
   *
   * @param bind the address to listen on (loopback unless the user chose otherwise)
   * @param port the UDP port, 0 for any free one (see {@link #port()})
   * @param controllers for learnable {@code /control/...} addresses, or null
   * @throws IOException when the port cannot be bound, naming it
   */
  public OscServer(InetAddress bind, int port, ControlTarget target, ControllerService controllers,
      Consumer<String> warn) throws IOException {
    this.dispatcher = new OscDispatcher(target, controllers);
    this.log = new RateLimitedLog(warn, 5_000);
    DatagramChannel c = DatagramChannel.open();
    try {
      c.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
      c.bind(new InetSocketAddress(bind, port));
    } catch (IOException e) {
      c.close();
      throw new IOException("the OSC server cannot listen on " + bind.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
    }
    this.channel = c;
    this.thread = Thread.ofPlatform().name("patchwork-osc").daemon().start(this::run);
  }

  /** The port listened on. */
  public int port() {
    try {
      return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    } catch (IOException e) {
      return -1;
    }
  }

  /** The counters. */
  public OscStats.Snapshot stats() {
    return stats.snapshot();
  }

  private void run() {
    ByteBuffer in = ByteBuffer.allocateDirect(MAX_PACKET);
    while (!closed) {
      SocketAddress sender;
      try {
        in.clear();
        sender = channel.receive(in);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        log.warn("OSC receive failed: " + e.getMessage());
        continue;
      }
      long nanos = System.nanoTime();
      in.flip();
      stats.packets.increment();
      try {
        handle(in, sender, nanos);
      } catch (RuntimeException | StackOverflowError e) {
        // a bug of ours met with a packet: counted as malformed, the server goes on
        stats.malformed.increment();
        log.warn("OSC packet from " + sender + " failed: " + e);
      }
    }
  }

  private void handle(ByteBuffer packet, SocketAddress sender, long nanos) {
    List<OSCMessage> messages;
    try {
      messages = codec.parse(packet);
    } catch (OscCodec.Malformed e) {
      stats.malformed.increment();
      log.warn("malformed OSC packet from " + sender + ": " + e.getMessage());
      return;
    }
    for (OSCMessage m : messages) {
      stats.messages.increment();
      OscDispatcher.Result r = dispatcher.dispatch(m, nanos);
      switch (r.outcome()) {
        case HANDLED -> stats.handled.increment();
        case UNKNOWN -> stats.unknown.increment();
        case INVALID -> stats.invalid.increment();
        case DROPPED -> stats.dropped.increment();
      }
      if (r.outcome() != OscDispatcher.Outcome.HANDLED) {
        log.warn("OSC message from " + sender + " " + (r.outcome() == OscDispatcher.Outcome.DROPPED ? "dropped" : "refused")
            + ": " + r.problem());
      }
      if (r.reply() != null) {
        reply(r, sender);
      }
    }
  }

  private void reply(OscDispatcher.Result r, SocketAddress sender) {
    SocketAddress to = sender;
    if (r.replyPort() > 0 && sender instanceof InetSocketAddress s) {
      to = new InetSocketAddress(s.getAddress(), r.replyPort());
    }
    try {
      channel.send(codec.write(r.reply()), to);
      stats.replies.increment();
    } catch (IOException | RuntimeException e) {
      log.warn("OSC answer to " + to + " failed: " + e.getMessage());
    }
  }

  /** Stops receiving and waits for the thread. */
  @Override
  public void close() {
    closed = true;
    try {
      channel.close();
      thread.join(2000);
    } catch (IOException e) {
      // closing: nothing left to do with the socket
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
