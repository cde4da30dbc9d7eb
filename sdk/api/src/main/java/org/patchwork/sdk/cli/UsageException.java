package org.patchwork.sdk.cli;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Thrown by a command when the user's input is wrong (an unknown option, a missing file, a bad
 * value). {@code bin/patchwork} prints the message as one line on standard error and exits
 * with status 2; the shell prints it and goes on. The message names the problem.
 *
 * <pre>{@code
 * if (!Files.exists(path)) {
 *   throw new UsageException("no such project: " + path);
 * }
 * }</pre>
 */
@ProviderType
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the one-line message shown to the user. */
  public UsageException(String message) {
    super(message);
  }
}
