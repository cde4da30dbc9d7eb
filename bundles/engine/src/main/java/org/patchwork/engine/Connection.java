package org.patchwork.engine;

import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A cable from an output port to an input port, or to the master bus.
 *
 * <pre>{@code
 * new Connection("lfo.out", "filter.cutoff");            // node.port to node.port
 * new Connection("lead.out", Connection.MASTER);          // straight into the master bus
 * Connection.feedback("delay.out", "delay.in", 4800);     // explicit feedback, 4800 frames
 * }</pre>
 *
 * @param from {@code node.port} of an audio or CV output
 * @param to {@code node.port} of an audio or CV input, or {@link #MASTER}
 * @param channels for each destination channel (by index) the source channel feeding it, or -1
 *     for none; empty for the default (destination channel {@code i} takes source channel
 *     {@code i mod n}, so a mono source feeds both sides of a stereo input)
 * @param feedbackDelay 0 for an ordinary cable; otherwise this cable closes a loop and delivers
 *     its signal this many frames late (at least 1)
 */
@ProviderType
public record Connection(String from, String to, List<Integer> channels, int feedbackDelay) {

  /** The destination that means "the master bus". */
  public static final String MASTER = "master";

  /** Copies its arguments. */
  public Connection {
    Objects.requireNonNull(from, "connection source");
    Objects.requireNonNull(to, "connection destination");
    channels = channels == null ? List.of() : List.copyOf(channels);
  }

  /** An ordinary cable with the default channel mapping. */
  public Connection(String from, String to) {
    this(from, to, List.of(), 0);
  }

  /** A cable that closes a loop, delayed by {@code delayFrames}. */
  public static Connection feedback(String from, String to, int delayFrames) {
    return new Connection(from, to, List.of(), delayFrames);
  }

  /** Whether this cable is an explicit feedback edge. */
  public boolean isFeedback() {
    return feedbackDelay != 0;
  }
}
