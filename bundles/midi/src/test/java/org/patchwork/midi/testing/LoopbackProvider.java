package org.patchwork.midi.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.spi.MidiDeviceProvider;

/**
 * A javax.sound.midi device provider for the tests (registered in
 * META-INF/services/javax.sound.midi.spi.MidiDeviceProvider of the test resources): its
 * devices are {@link LoopbackDevice}s that tests plug in and out while the service runs,
 * exactly as USB devices come and go under the ALSA provider.
 */
public final class LoopbackProvider extends MidiDeviceProvider {

  /** The devices "plugged in" now. */
  public static final List<LoopbackDevice> DEVICES = new CopyOnWriteArrayList<>();

  /** Plugs a device in; it shows from the next scan. */
  public static LoopbackDevice plug(String name) {
    LoopbackDevice d = new LoopbackDevice(name);
    DEVICES.add(d);
    return d;
  }

  /** Unplugs a device. */
  public static void unplug(LoopbackDevice d) {
    DEVICES.remove(d);
  }

  @Override
  public MidiDevice.Info[] getDeviceInfo() {
    return DEVICES.stream().map(LoopbackDevice::getDeviceInfo).toArray(MidiDevice.Info[]::new);
  }

  @Override
  public MidiDevice getDevice(MidiDevice.Info info) {
    for (LoopbackDevice d : DEVICES) {
      if (d.getDeviceInfo().equals(info)) {
        return d;
      }
    }
    throw new IllegalArgumentException("no such loopback device: " + info);
  }
}
