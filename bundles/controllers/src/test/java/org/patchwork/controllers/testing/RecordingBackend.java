package org.patchwork.controllers.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.patchwork.controllers.ControlBackend;

/** A backend that writes down what it was asked, for tests that need no sound. */
public final class RecordingBackend implements ControlBackend {

  public final List<String> calls = new CopyOnWriteArrayList<>();

  @Override
  public long frameOf(long nanos) {
    return 0;
  }

  @Override
  public void play(long frame) {
    calls.add("play");
  }

  @Override
  public void stop(long frame) {
    calls.add("stop");
  }

  @Override
  public void resume(long frame) {
    calls.add("resume");
  }

  @Override
  public void locate(long frame, double beats) {
    calls.add("locate " + beats);
  }

  @Override
  public void tempo(long frame, double bpm) {
    calls.add("tempo " + bpm);
  }

  @Override
  public void noteOn(long frame, int track, int key, double velocity) {
    calls.add("noteOn " + track + " " + key + " " + Math.round(velocity * 127));
  }

  @Override
  public void noteOff(long frame, int track, int key) {
    calls.add("noteOff " + track + " " + key);
  }

  @Override
  public void parameter(long frame, String node, String parameter, double value) {
    calls.add("parameter " + node + "/" + parameter + " " + value);
  }

  @Override
  public void trackVolume(long frame, int track, double volume) {
    calls.add("volume " + track + " " + volume);
  }

  @Override
  public void trackPan(long frame, int track, double pan) {
    calls.add("pan " + track + " " + pan);
  }

  @Override
  public void trackMute(long frame, int track, boolean muted) {
    calls.add("mute " + track + " " + muted);
  }

  @Override
  public void command(long frame, String name, int argument) {
    calls.add("command " + name + " " + argument);
  }
}
