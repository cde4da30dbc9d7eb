package org.patchwork.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.sdk.testkit.Signals;

/**
 * {@code patchwork audition} over every module the distribution offers, whatever they are:
 * each renders a finite file, and whatever plays notes is heard. Bad input exits 2 and writes
 * nothing.
 */
class AuditionIT {

  /** -60 dBFS. */
  static final double AUDIBLE_RMS = 1e-3;

  @TempDir
  Path home;
  @TempDir
  Path work;

  private record Module(String id, String kind, boolean playsNotes) {
  }

  private List<Module> modules() throws Exception {
    HostProcess.Result r = HostProcess.run(home, "modules", "--json");
    assertEquals(0, r.status(), r.err());
    List<Module> modules = new ArrayList<>();
    for (JsonNode m : new ObjectMapper().readTree(r.out())) {
      boolean events = false;
      for (JsonNode p : m.get("ports")) {
        events |= p.get("type").asText().equals("EVENTS") && p.get("direction").asText().equals("INPUT");
      }
      modules.add(new Module(m.get("id").asText(), m.get("kind").asText(), events));
    }
    return modules;
  }

  /** One host reads every audition from standard input, so the loop costs one start-up, not one per module. */
  @Test
  void everyModuleAuditionsToAFiniteFileAndWhatPlaysNotesIsHeard() throws Exception {
    List<Module> modules = modules();
    assertTrue(modules.stream().anyMatch(m -> m.id().equals("org.patchwork.examples.sine")), modules.toString());
    long start = System.nanoTime();
    String out;
    String err;
    try (HostProcess host = HostProcess.start(home, "headless")) {
      for (Module m : modules) {
        host.send("pw:audition " + m.id() + " --out " + work.resolve(m.id() + ".wav"));
      }
      host.send("exit");
      host.closeInput();
      assertEquals(0, host.waitFor(Duration.ofSeconds(60 + 10L * modules.size())), host.err());
      out = host.out();
      err = host.err();
    }
    double perModule = (System.nanoTime() - start) / 1e9 / modules.size();
    System.out.printf("AuditionIT: %d modules auditioned, %.2f s each including one host start%n",
        modules.size(), perModule);
    assertEquals("", err, "no audition failed");
    List<String> problems = new ArrayList<>();
    for (Module m : modules) {
      Path file = work.resolve(m.id() + ".wav");
      if (!out.contains("auditioned " + m.id() + " (" + m.kind())) {
        problems.add(m.id() + ": no report line");
        continue;
      }
      Wave wave = Wave.read(file);
      if (wave.channels() != 2 || wave.sampleRate() != 48_000 || wave.samples()[0].length != 96_000) {
        problems.add(m.id() + ": expected 2 s of stereo at 48 kHz, got " + wave.channels() + " channel(s), "
            + wave.sampleRate() + " Hz, " + wave.samples()[0].length + " frames");
      }
      for (float[] ch : wave.samples()) {
        for (int i = 0; i < ch.length; i++) {
          if (!Float.isFinite(ch[i])) {
            problems.add(m.id() + ": sample " + i + " is " + ch[i]);
            break;
          }
        }
      }
      float[] mono = wave.mono(0, wave.seconds());
      double rms = Signals.rms(mono, 0, mono.length);
      if ((m.kind().equals("INSTRUMENT") || m.playsNotes()) && !(rms > AUDIBLE_RMS)) {
        problems.add(m.id() + ": silent, RMS " + String.format("%.1f dBFS", 20 * Math.log10(Math.max(rms, 1e-12))));
      }
    }
    assertEquals(List.of(), problems, out);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "org.example.nope                                | unknown module 'org.example.nope'",
      "org.patchwork.examples.sine --set volume=1      | has no parameter 'volume'",
      "org.patchwork.examples.sine --set gain=5        | parameter 'gain' = 5 is outside [0, 1]",
      "org.patchwork.examples.sine --input pink        | --input must be silence, noise, burst, impulse, sine:HZ or a .wav file",
      "org.patchwork.examples.sine --input BAD         | cannot use input",
      "org.patchwork.examples.sine --note 200          | --note must be a MIDI key within 0..127"})
  void badInputExitsTwoWithOneLineAndWritesNothing(String args, String message) throws Exception {
    Path bad = work.resolve("bad.wav");
    Files.write(bad, "RIFF____WAVEdata\u0004\0\0\0abcd".getBytes(StandardCharsets.ISO_8859_1));
    List<String> all = new ArrayList<>();
    all.add("audition");
    for (String a : args.split(" ")) {
      all.add(a.equals("BAD") ? bad.toString() : a);
    }
    Path out = work.resolve("never.wav");
    all.addAll(List.of("--out", out.toString()));
    HostProcess.Result r = HostProcess.run(home, all.toArray(new String[0]));
    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.err().lines().count(), "one line: " + r.err());
    assertTrue(r.err().startsWith("patchwork: audition: ") && r.err().contains(message), r.err());
    assertEquals("", r.out());
    assertFalse(Files.exists(out), "nothing written");
    try (var files = Files.list(work)) {
      assertEquals(List.of(bad), files.toList(), "no temporary file left either");
    }
  }
}
