package org.patchwork.drivers;

import java.io.Serial;

/** A driver could not be opened or started: no server, no device, format refused. */
public class DriverException extends Exception {

  @Serial private static final long serialVersionUID = 1L;

  public DriverException(String message) {
    super(message);
  }

  public DriverException(String message, Throwable cause) {
    super(message, cause);
  }
}
