package org.patchwork.playback.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.bus.TelemetryRing;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.Drivers;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectLoader;
import org.patchwork.sdk.testkit.Signals;

/**
 * A live run through the null driver's real-time clock, every output frame captured: the
 * transport, tempo, live notes, parameters and the mixer act at the engine frames they name.
 * The song plays A4 for half a beat on every beat at 120 bpm (24,000 frames a beat).
 */
class LiveSongTest {

  private static final int RATE = 48_000;
  private static final double A4 = 440;
  private static final double C4 = 261.6256;

  @TempDir
  Path dir;

  private Path project() throws Exception {
    try (InputStream in = LiveSongTest.class.getResourceAsStream("/live-project.json")) {
      Path p = dir.resolve("project.json");
      Files.writeString(p, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return p;
    }
  }

  /** Onsets (|x| rising above 1e-3 after at least 2000 quiet frames) in {@code x[from..to)}. */
  private static List<Integer> onsets(float[] x, int from, int to) {
    List<Integer> out = new ArrayList<>();
    int quiet = 2000;
    for (int i = Math.max(0, from); i < to; i++) {
      if (Math.abs(x[i]) > 1e-3) {
        if (quiet >= 2000) {
          out.add(i);
        }
        quiet = 0;
      } else {
        quiet++;
      }
    }
    return out;
  }

  private static boolean until(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    return condition.getAsBoolean();
  }

  /** The amplitude of the {@code hz} component of {@code x[from..to)} (Goertzel). */
  static double level(float[] x, int from, int to, double hz, double rate) {
    double c = 2 * Math.cos(2 * Math.PI * hz / rate);
    double s1 = 0;
    double s2 = 0;
    for (int i = from; i < to; i++) {
      double s0 = x[i] + c * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    return 2 * Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - c * s1 * s2)) / (to - from);
  }

  @Test
  void transportTempoNotesParametersAndMixerActAtTheirFrames() throws Exception {
    Path file = project();
    Project project = ProjectLoader.load(file, SongPlaybackTest.REGISTRY);
    CapturingDriver driver = new CapturingDriver(Drivers.create("null"), 40, RATE);
    driver.open(new DriverSettings(RATE, 256, 2, 2, "patchwork"));
    LiveSong run = new LiveSong(file, project, SongPlaybackTest.REGISTRY, driver,
        LiveStart.score(file, project, SongPlaybackTest.REGISTRY, RATE), new TelemetryRing(4096), () -> { });
    try {
      long latency = 2 * run.renderAhead();
      Thread.sleep(300);
      assertFalse(run.playing());

      // play: the song's first note at exactly the frame named
      long play = run.frame() + latency;
      run.play(play);
      assertTrue(until(run::playing), "inputs are applied on the run's song thread, at once");
      driver.await(play + 3 * 24_000 + 12_000);
      List<Integer> beats = onsets(driver.left, (int) play - 4000, (int) play + 3 * 24_000 + 12_000);
      assertEquals(4, beats.size(), beats.toString());
      System.out.printf("live play at frame %d: notes at %s%n", play, beats);
      assertEquals(play, beats.get(0), 1, "the first note starts at the play's frame");
      assertEquals(24_000, beats.get(1) - beats.get(0), 1, "a beat at 120 bpm");
      assertEquals(24_000, beats.get(2) - beats.get(1), 1);
      assertTrue(level(driver.left, beats.get(0) + 100, beats.get(0) + 9000, A4, RATE) > 0.1, "A-4 is 440 Hz");
      assertEquals(3.5, run.beats(), 0.3, "the song position, 3.5 beats in");

      // tempo 240 from a frame half-way through beat 4: the beats after it come every 12,000 frames
      long tempo = play + 3 * 24_000 + 12_000;
      while (tempo < run.frame() + latency) {
        tempo += 24_000;
      }
      run.tempo(tempo, 240);
      driver.await(tempo + 4 * 12_000);
      List<Integer> fast = onsets(driver.left, (int) tempo, (int) tempo + 4 * 12_000);
      assertTrue(fast.size() >= 3, fast.toString());
      assertEquals(12_000, fast.get(2) - fast.get(1), 1, "a beat at 240 bpm: " + fast);
      assertTrue(until(() -> run.tempo() == 240), "tempo " + run.tempo());

      // stop half-way through a sounding note: silence from that frame
      long sounding = fast.get(2);
      while (sounding < run.frame() + latency) {
        sounding += 12_000; // a note still to come, at 240 bpm
      }
      long stop = sounding + 1500;
      assertTrue(stop > run.frame() + run.renderAhead(), "the stop is ahead of the song's horizon");
      run.stop(stop);
      assertTrue(until(() -> !run.playing()));
      driver.await(stop + RATE);
      double before = Signals.rms(driver.left, (int) stop - 1000, (int) stop - 10);
      double after = Signals.rms(driver.left, (int) stop + 300, (int) stop + RATE);
      System.out.printf("live stop: rms %.4f before, %.6f after the stop's frame%n", before, after);
      assertTrue(before > 0.1, "the note sounded up to the stop: " + before);
      assertTrue(after < 1e-4, "released at the stop's frame (release 0): " + after);
      assertEquals(List.of(), onsets(driver.left, (int) stop, (int) stop + RATE), "no song after the stop");

      // a live note on the second track (C4) at its exact frame, while the transport stands
      long note = run.frame() + latency;
      assertTrue(run.noteOn(note, 1, 60, 0.8));
      assertTrue(run.noteOff(note + 9600, 1, 60));
      assertFalse(run.noteOn(note, 5, 60, 0.8), "no track 5");
      driver.await(note + 12_000);
      List<Integer> live = onsets(driver.left, (int) note - 2000, (int) note + 12_000);
      assertEquals(1, live.size(), live.toString());
      assertEquals(note, live.getFirst(), 1, "the live note at its frame");
      double c4 = level(driver.left, (int) note + 500, (int) note + 9000, C4, RATE);
      double a4 = level(driver.left, (int) note + 500, (int) note + 9000, A4, RATE);
      assertTrue(c4 > 10 * a4, "C4, the key played: " + c4 + " vs " + a4);

      // a parameter at its frame: the keys' gain halved (it glides, as the descriptor smooths it)
      long gain = run.frame() + latency + 9600;
      assertTrue(run.noteOn(gain - 9600, 1, 60, 0.8));
      assertTrue(run.parameter(gain, "keys", "gain", 0.25));
      assertFalse(run.parameter(gain, "keys", "cutoff", 0.25), "no such parameter");
      driver.await(gain + 9600);
      double loud = Signals.rms(driver.left, (int) gain - 4800, (int) gain - 100);
      double soft = Signals.rms(driver.left, (int) gain + 4800, (int) gain + 9600);
      System.out.printf("live parameter: gain 0.5 -> 0.25 at its frame: rms %.4f -> %.4f%n", loud, soft);
      assertEquals(0.5, soft / loud, 0.02);

      // the mixer: mute, then unmute at half volume (-6 dB)
      assertTrue(run.trackMute(1, true));
      Thread.sleep(100);
      long muted = run.frame();
      driver.await(muted + 4800);
      assertTrue(Signals.rms(driver.left, (int) muted + 256, (int) muted + 4800) < 1e-5, "muted");
      assertTrue(run.trackVolume(1, 0.5));
      assertTrue(run.trackMute(1, false));
      Thread.sleep(100);
      long half = run.frame();
      driver.await(half + 4800);
      double halfRms = Signals.rms(driver.left, (int) half + 256, (int) half + 4800);
      assertEquals(0.5, halfRms / soft, 0.02, "half the volume: " + halfRms + " vs " + soft);
      run.noteOff(run.frame() + latency, 1, 60);
      Thread.sleep(200);

      // locate to beat 8 and play from there: the song's line 0 of its 9th pass, at its frame
      long locate = run.frame() + latency;
      run.locate(locate, 8);
      run.play(locate);
      Thread.sleep(200);
      assertEquals(8, run.beats(), 1.5, "near beat 8 at 240 bpm");
      driver.await(locate + 12_000);
      assertEquals(locate, onsets(driver.left, (int) locate - 2000, (int) locate + 6000).getFirst(), 1);
      assertEquals(0, run.late(), "every input ahead of the engine");
      assertEquals(0, run.faults());
    } finally {
      run.close();
    }
    assertTrue(run.finished());
    assertFalse(run.alive());
  }
}
