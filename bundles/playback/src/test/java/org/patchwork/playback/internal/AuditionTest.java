package org.patchwork.playback.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.WavFormat;
import org.patchwork.engine.WavWriter;
import org.patchwork.examples.gain.GainFactory;
import org.patchwork.examples.sine.SineFactory;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;
import org.patchwork.sdk.testkit.Signals;

/** {@code pw:audition} through the real engine: what is heard, when, and what is refused. */
class AuditionTest {

  /** An envelope-like modulator: 1 on its CV output while a note is held (events in, no audio out). */
  static final ModuleDescriptor GATE = new ModuleDescriptor("test.gate", "Gate", "Patchwork tests", "1.0.0",
      ModuleKind.MODULATOR, Set.of("envelope"), List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.cvOut("env"),
          PortDescriptor.cvIn("offset")),
      List.of(ParameterDescriptor.choice("shape", "Shape", 0, "square", "half")), 0);

  static final class Gate implements AudioModule {
    private float level;

    @Override
    public void activate(double sampleRate, int maxFrames) {
    }

    @Override
    public ProcessStatus process(ProcessContext ctx) {
      float[] out = ctx.output(1, 0);
      float[] offset = ctx.input(2, 0);
      float on = ctx.parameter(0) == 0 ? 1f : 0.5f;
      int e = 0;
      for (int i = 0; i < ctx.frames(); i++) {
        while (e < ctx.eventCount() && ctx.event(e).frame() == i) {
          Event.Type t = ctx.event(e++).type();
          level = t == Event.Type.NOTE_ON ? on : t == Event.Type.NOTE_OFF ? 0f : level;
        }
        out[i] = level + offset[i];
      }
      return ProcessStatus.CONTINUE;
    }

    @Override
    public void reset() {
      level = 0;
    }

    @Override
    public void deactivate() {
    }
  }

  static final ModuleRegistry REGISTRY = ModuleRegistry.of(new SineFactory(), new GainFactory(), new ModuleFactory() {
    @Override
    public ModuleDescriptor descriptor() {
      return GATE;
    }

    @Override
    public AudioModule create() {
      return new Gate();
    }
  });

  @TempDir
  Path dir;

  private WavReader.Audio audition(String... args) throws Exception {
    Path out = dir.resolve("out.wav");
    java.util.List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--out", out.toString()));
    new AuditionCommand(REGISTRY).audition(all.toArray(new String[0]));
    return WavReader.read(out);
  }

  @Test
  void anInstrumentPlaysItsNoteAtUnityAndReleasesAtThreeQuarters() throws Exception {
    WavReader.Audio a = audition("org.patchwork.examples.sine", "--note", "69", "--velocity", "1", "--seconds", "1");
    assertEquals(48_000, a.sampleRate());
    assertEquals(2, a.channels());
    assertEquals(48_000, a.frames());
    float[] held = java.util.Arrays.copyOfRange(a.samples()[0], 4800, 33_600);
    assertEquals(440, Signals.peakFrequency(held, 48_000), 0.5, "note 69 is A4");
    // The sine's default gain is 0.25 and the track's +3.01 dB undoes the centre pan's -3 dB.
    assertEquals(0.25, Signals.peak(held), 0.005, "heard at the module's own level");
    assertArrayEquals(a.samples()[0], a.samples()[1], "mono output on both sides");
    double before = Signals.rms(a.samples()[0], 30_000, 36_000);
    double after = Signals.rms(a.samples()[0], 47_000, 48_000);
    assertTrue(before > 0.15 && after < before / 10, "released at 0.75 s (200 ms release): " + before + " -> " + after);
  }

  @Test
  void anEffectHearsTheBurstByDefaultAndItsTailEnds() throws Exception {
    WavReader.Audio a = audition("org.patchwork.examples.gain", "--set", "gain=-6.0206");
    float[] left = a.samples()[0];
    assertEquals(96_000, left.length, "2 s by default");
    for (int i = 0; i < 12_000; i += 997) {
      assertEquals(AuditionSignal.noise(i) * 0.5f * fade(i), left[i], 1e-5, "frame " + i);
    }
    assertEquals(0.0, Signals.peak(java.util.Arrays.copyOfRange(left, 12_000, 96_000)), "silent after 0.25 s");
  }

  private static float fade(int frame) {
    double edge = Math.min(frame, 12_000 - frame) / 240.0;
    return (float) (edge >= 1 ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * edge));
  }

  @Test
  void aNoteDrivenModulatorWithoutAudioOutputIsHeardOnItsCv() throws Exception {
    WavReader.Audio a = audition("test.gate", "--seconds", "1", "--set", "shape=half");
    float[] left = a.samples()[0];
    assertEquals(0.5f, left[0], "note on at frame 0");
    assertEquals(0.5f, left[35_999]);
    assertEquals(0f, left[36_000], "note off at exactly 75% of 1 s");
  }

  @Test
  void aModulatorTakesTheInputOnItsCvInputs() throws Exception {
    WavReader.Audio a = audition("test.gate", "--seconds", "0.5", "--input", "sine:1000");
    float[] left = a.samples()[0];
    assertEquals(1000, Signals.peakFrequency(java.util.Arrays.copyOfRange(left, 18_000, 24_000), 48_000), 0.5,
        "the sine alone after the note");
    assertEquals(1.5, Signals.peak(left), 0.01, "gate 1 plus the 0.5 sine");
  }

  @Test
  void anInputFileSetsTheRateAndLength() throws Exception {
    Path in = dir.resolve("in.wav");
    float[][] tone = new float[1][22_050];
    for (int i = 0; i < tone[0].length; i++) {
      tone[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 441 * i / 44_100.0));
    }
    try (WavWriter w = WavWriter.create(in, WavFormat.PCM_16, 44_100, 1)) {
      w.write(tone, tone[0].length);
      w.commit();
    }
    WavReader.Audio a = audition("org.patchwork.examples.gain", "--input", in.toString());
    assertEquals(44_100, a.sampleRate());
    assertEquals(88_200, a.frames(), "max(2 s, 0.5 s + 1 s)");
    assertEquals(441, Signals.peakFrequency(java.util.Arrays.copyOfRange(a.samples()[1], 0, 22_050), 44_100), 0.5);
    assertEquals(0.5, Signals.peak(a.samples()[1]), 1e-3);
  }

  @Test
  void theSameAuditionGivesTheSameBytes() throws Exception {
    Path a = dir.resolve("a.wav");
    Path b = dir.resolve("b.wav");
    for (Path p : List.of(a, b)) {
      new AuditionCommand(REGISTRY).audition("org.patchwork.examples.gain", "--input", "noise", "--format", "s24",
          "--out", p.toString());
    }
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "org.example.nope                                       | unknown module 'org.example.nope'",
      "org.patchwork.examples.sine --set volume=1            | has no parameter 'volume' (it has: gain, attack, release)",
      "org.patchwork.examples.sine --set gain=2              | parameter 'gain' = 2 is outside [0, 1]",
      "org.patchwork.examples.sine --set gain                | --set needs PARAM=VALUE, not 'gain'",
      "org.patchwork.examples.sine --set gain=loud           | parameter 'gain' needs a number, not 'loud'",
      "test.gate --set shape=2                               | parameter 'shape' = 2 is outside [0, 1]",
      "test.gate --set shape=0.5                             | parameter 'shape' is stepped and needs a whole number",
      "test.gate --set shape=round                           | needs a number or one of square, half, not 'round'",
      "org.patchwork.examples.sine --note 128                | --note must be a MIDI key within 0..127: 128",
      "org.patchwork.examples.sine --velocity 0              | --velocity must be above 0 and at most 1",
      "org.patchwork.examples.gain --input pink              | --input must be silence, noise, burst, impulse, sine:HZ or a .wav file, not 'pink'",
      "org.patchwork.examples.gain --input sine:x            | --input sine:HZ needs a frequency in Hz, not 'x'",
      "org.patchwork.examples.gain --input sine:30000        | is not below the Nyquist frequency (24000 Hz at 48000 Hz)",
      "org.patchwork.examples.gain --input /no/such.wav      | no such input file: /no/such.wav",
      "org.patchwork.examples.gain --seconds -1              | --seconds must be above 0 and at most 3600",
      "org.patchwork.examples.gain --sample-rate 1000        | --sample-rate must be a whole number within 8000..384000 Hz: 1000",
      "org.patchwork.examples.gain --format s8               | --format must be s16, s24 or f32, not s8"})
  void badInputIsOneLineAndWritesNothing(String args, String message) throws Exception {
    List<String> all = new java.util.ArrayList<>(List.of(args.split(" ")));
    all.addAll(List.of("--out", dir.resolve("out.wav").toString()));
    UsageException e = assertThrows(UsageException.class,
        () -> new AuditionCommand(REGISTRY).audition(all.toArray(new String[0])));
    assertTrue(e.getMessage().startsWith("audition: ") && e.getMessage().contains(message), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "nothing written");
    }
  }

  @Test
  void aMalformedInputFileIsRefusedByName() throws Exception {
    Path bad = dir.resolve("bad.wav");
    Files.write(bad, "RIFF\0\0\0\0WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Path out = dir.resolve("out.wav");
    UsageException e = assertThrows(UsageException.class, () -> new AuditionCommand(REGISTRY).audition(
        "org.patchwork.examples.gain", "--input", bad.toString(), "--out", out.toString()));
    assertEquals("audition: cannot use input " + bad + ": no fmt chunk", e.getMessage());
    assertFalse(Files.exists(out));

    Path rate = dir.resolve("rate.wav");
    try (WavWriter w = WavWriter.create(rate, WavFormat.FLOAT_32, 44_100, 2)) {
      w.write(new float[2][10], 10);
      w.commit();
    }
    e = assertThrows(UsageException.class, () -> new AuditionCommand(REGISTRY).audition(
        "org.patchwork.examples.gain", "--input", rate.toString(), "--sample-rate", "48000", "--out", out.toString()));
    assertTrue(e.getMessage().contains("is 44100 Hz but --sample-rate is 48000 Hz"), e.getMessage());
    assertFalse(Files.exists(out));
  }
}
