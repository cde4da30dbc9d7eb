package org.patchwork.drivers.internal;

import org.patchwork.drivers.DriverException;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.Drivers;

/**
 * Run in a JVM of its own by {@link NativeAccessTest}: prints what the JACK driver does there,
 * one {@code key=value} a line.
 */
public final class NativeAccessProbe {

  private NativeAccessProbe() {}

  public static void main(String[] args) {
    System.out.println("reason=" + JackDriver.unavailableReason());
    System.out.println("answers=" + JackDriver.serverAnswers());
    System.out.println("auto=" + Drivers.resolve("auto"));
    try (JackDriver driver = new JackDriver()) {
      driver.open(DriverSettings.defaults());
      System.out.println("open=ok");
    } catch (DriverException e) {
      System.out.println("open=" + e.getMessage());
    }
  }
}
