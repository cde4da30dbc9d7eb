package org.patchwork.midi.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;

/**
 * A fake hardware controller: {@link #press} sends a message to whoever listens to its
 * transmitters (what a knob turned does), and whatever is sent to its receiver is kept in
 * {@link #received} (what lights an LED).
 */
public final class LoopbackDevice implements MidiDevice {

  private final Info info;
  private final List<Transmitter> transmitters = new CopyOnWriteArrayList<>();
  /** Every message sent to this device, as bytes. */
  public final List<byte[]> received = new CopyOnWriteArrayList<>();
  private volatile boolean open;

  LoopbackDevice(String name) {
    this.info = new Info(name, "Patchwork tests", "loopback controller", "1.0") {
    };
  }

  /** The device "sends" these bytes (one complete message). */
  public void press(int... message) {
    byte[] bytes = new byte[message.length];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) message[i];
    }
    javax.sound.midi.MidiMessage m = new javax.sound.midi.MidiMessage(bytes) {
      @Override
      public Object clone() {
        return this;
      }
    };
    for (Transmitter t : transmitters) {
      Receiver r = t.getReceiver();
      if (r != null) {
        r.send(m, -1);
      }
    }
  }

  @Override
  public Info getDeviceInfo() {
    return info;
  }

  @Override
  public void open() {
    open = true;
  }

  @Override
  public void close() {
    open = false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public long getMicrosecondPosition() {
    return -1;
  }

  @Override
  public int getMaxReceivers() {
    return -1;
  }

  @Override
  public int getMaxTransmitters() {
    return -1;
  }

  @Override
  public Receiver getReceiver() {
    return new Receiver() {
      @Override
      public void send(MidiMessage message, long timeStamp) {
        byte[] b = message.getMessage();
        received.add(java.util.Arrays.copyOf(b, message.getLength()));
      }

      @Override
      public void close() {
      }
    };
  }

  @Override
  public List<Receiver> getReceivers() {
    return new ArrayList<>();
  }

  @Override
  public Transmitter getTransmitter() {
    Transmitter t = new Transmitter() {
      private volatile Receiver receiver;

      @Override
      public void setReceiver(Receiver r) {
        receiver = r;
      }

      @Override
      public Receiver getReceiver() {
        return receiver;
      }

      @Override
      public void close() {
        transmitters.remove(this);
      }
    };
    transmitters.add(t);
    return t;
  }

  @Override
  public List<Transmitter> getTransmitters() {
    return List.copyOf(transmitters);
  }
}
