package org.patchwork.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.patchwork.drivers.internal.JackDriver;
import org.patchwork.drivers.internal.JavaSoundDriver;

class DriversTest {

  @Test
  void autoPrefersJackThenJavaSoundThenNull() {
    assertEquals("jack", Drivers.choose(true, true));
    assertEquals("jack", Drivers.choose(true, false));
    assertEquals("javasound", Drivers.choose(false, true));
    assertEquals("null", Drivers.choose(false, false));
  }

  @Test
  void namesAreCaseInsensitiveAndEachMakesItsDriver() {
    assertEquals("jack", Drivers.create(" JACK ").name());
    assertEquals("javasound", Drivers.create("JavaSound").name());
    assertEquals("null", Drivers.create("null").name());
  }

  @Test
  void unknownNamesAreRejectedWithTheChoices() {
    for (String bad : new String[] {"alsa", "", null}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Drivers.create(bad));
      assertTrue(e.getMessage().contains("auto, jack, javasound, null"), e.getMessage());
    }
  }

  @Test
  void autoWithoutAJackServerFallsBackByWhatTheMachineHas() {
    // The JACK tests start their server only while they run; here none answers under the
    // test's JACK_DEFAULT_SERVER, so auto must skip JACK.
    assertEquals(false, JackDriver.serverAnswers());
    String expected = JavaSoundDriver.playbackLineExists() ? "javasound" : "null";
    assertEquals(expected, Drivers.resolve("auto"));
    assertEquals(expected, Drivers.create("AUTO").name());
  }

  @Test
  void settingsRejectWhatNoDriverCanDo() {
    assertThrows(IllegalArgumentException.class, () -> new DriverSettings(1_000, 256, 2, 2, "p"));
    assertThrows(IllegalArgumentException.class, () -> new DriverSettings(48_000, 0, 2, 2, "p"));
    assertThrows(IllegalArgumentException.class, () -> new DriverSettings(48_000, 256, -1, 2, "p"));
    assertThrows(IllegalArgumentException.class, () -> new DriverSettings(48_000, 256, 2, 0, "p"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DriverSettings(48_000, 256, 2, 2, "a:b"));
    assertTrue(e.getMessage().contains("without ':'"), e.getMessage());
    assertEquals(2_666_666, new DriverSettings(48_000, 128, 0, 2, "p").blockNanos());
  }
}
