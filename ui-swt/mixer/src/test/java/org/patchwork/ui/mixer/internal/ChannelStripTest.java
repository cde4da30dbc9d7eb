package org.patchwork.ui.mixer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChannelStripTest {

  @Test
  void panReadsAsPercentToTheSideWithADetentAtTheCentre() {
    assertEquals("C", ChannelStrip.PAN.format(0));
    assertEquals("L 35", ChannelStrip.PAN.format(-0.35));
    assertEquals("R 100", ChannelStrip.PAN.format(1));
    assertEquals(0, ChannelStrip.PAN.value(0.505), "within 2 % of the centre snaps to it");
    assertEquals(-1, ChannelStrip.PAN.value(0));
    assertEquals(0.75, ChannelStrip.PAN.position(0.5), 1e-12);
  }
}
