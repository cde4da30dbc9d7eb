package org.patchwork.drivers;

import java.util.List;
import java.util.Locale;
import org.patchwork.drivers.internal.JackDriver;
import org.patchwork.drivers.internal.JavaSoundDriver;
import org.patchwork.drivers.internal.NullDriver;

/**
 * Chooses a driver by name: {@code jack}, {@code javasound}, {@code null} or {@code auto}
 * (JACK if a JACK server answers, else Java Sound if a playback line exists, else null).
 *
 * <pre>{@code
 * AudioDriver driver = Drivers.create(System.getProperty("patchwork.driver", "auto"));
 * }</pre>
 */
public final class Drivers {

  public static final String AUTO = "auto";
  public static final String JACK = JackDriver.NAME;
  public static final String JAVA_SOUND = JavaSoundDriver.NAME;
  public static final String NULL = NullDriver.NAME;

  /** Every name {@link #create} accepts. */
  public static final List<String> NAMES = List.of(AUTO, JACK, JAVA_SOUND, NULL);

  private Drivers() {}

  /**
   * A new, unopened driver. Names are case-insensitive; {@code auto} probes the machine now.
   *
   * @throws IllegalArgumentException for a name not in {@link #NAMES}
   */
  public static AudioDriver create(String name) {
    return switch (resolve(name)) {
      case JACK -> new JackDriver();
      case JAVA_SOUND -> new JavaSoundDriver();
      default -> new NullDriver();
    };
  }

  /** The concrete driver a name stands for; {@code auto} probes JACK, then Java Sound. */
  public static String resolve(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    if (!NAMES.contains(n)) {
      throw new IllegalArgumentException("unknown audio driver '" + name + "': choose one of " + String.join(", ", NAMES));
    }
    return n.equals(AUTO) ? choose(JackDriver.serverAnswers(), JavaSoundDriver.playbackLineExists()) : n;
  }

  static String choose(boolean jackServerAnswers, boolean playbackLineExists) {
    return jackServerAnswers ? JACK : playbackLineExists ? JAVA_SOUND : NULL;
  }
}
