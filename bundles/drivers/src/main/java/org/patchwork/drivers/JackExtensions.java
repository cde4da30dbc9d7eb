package org.patchwork.drivers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link JackClientExtension}s every JACK driver offers its client when it opens. A driver takes the
 * list as it is at {@link AudioDriver#open}: one added later joins the next driver opened, one
 * removed stays attached to the drivers already open until they close (its {@code process} must
 * then keep to its rules, typically by doing nothing).
 *
 * <p>Thread: any.
 */
public final class JackExtensions {

  private static final CopyOnWriteArrayList<JackClientExtension> EXTENSIONS = new CopyOnWriteArrayList<>();
  private static final List<String> PROBLEMS = new CopyOnWriteArrayList<>();

  private JackExtensions() {
  }

  /** Adds {@code extension} for the JACK drivers opened from now on; adding it twice does nothing. */
  public static void add(JackClientExtension extension) {
    if (extension == null) {
      throw new IllegalArgumentException("a JACK client extension must not be null");
    }
    EXTENSIONS.addIfAbsent(extension);
  }

  /** Removes {@code extension} for the drivers opened from now on. */
  public static void remove(JackClientExtension extension) {
    EXTENSIONS.remove(extension);
  }

  /** The extensions a driver opened now would attach, in the order they were added. */
  public static List<JackClientExtension> current() {
    return List.copyOf(EXTENSIONS);
  }

  /** Why extensions could not attach (the last 16 reasons), oldest first. */
  public static List<String> problems() {
    return List.copyOf(PROBLEMS);
  }

  /** Records why an extension did not attach. For drivers. */
  public static void problem(String message) {
    PROBLEMS.add(message);
    while (PROBLEMS.size() > 16) {
      PROBLEMS.removeFirst();
    }
  }
}
