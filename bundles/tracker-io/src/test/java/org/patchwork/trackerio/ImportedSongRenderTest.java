package org.patchwork.trackerio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectLoader;
import org.patchwork.engine.Session;
import org.patchwork.midifile.MidiFileReader;
import org.patchwork.sdk.testkit.Signals;
import org.patchwork.sequencer.TrackerProjects;

/**
 * An imported song plays on the instruments the importer built: every engine track sounds when
 * its notes play, nothing faults, the limiter keeps the peak at -1 dBFS, and the drum voices
 * have the spectra they should (the kick low, the hi-hat high and noisy).
 */
class ImportedSongRenderTest {

  /** Renders the project's song with only {@code solo} (an engine track id, or null for all) heard. */
  static float[] render(String json, String solo, double seconds) throws Exception {
    ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(json);
    for (JsonNode t : tree.get("tracks")) {
      ((ObjectNode) t).put("solo", t.get("id").asText().equals(solo));
    }
    Project p = ProjectLoader.parse("p.json", tree.toString().getBytes(StandardCharsets.UTF_8), Modules.registry());
    int frames = (int) (seconds * 48_000);
    float[] out = new float[frames];
    try (Session s = new Session(p, TrackerProjects.timeline("p.json", p, 48_000), Modules.registry(), 48_000, 256,
        seconds, null, 1)) {
      int at = 0;
      int n;
      while ((n = s.next()) > 0) {
        System.arraycopy(s.buffer()[0], 0, out, at, Math.min(n, frames - at));
        at += n;
      }
      assertEquals(0, s.faults());
    }
    return out;
  }

  @Test
  void everyInstrumentSoundsAndTheMixStaysBelowTheCeiling() throws Exception {
    String json = MidiImport.read(MidiFileReader.read(RoundTripTest.fixture("song-type1.mid")), "t").projectJson();
    float[] all = render(json, null, 8);
    assertTrue(Signals.peak(all) <= Math.pow(10, -1 / 20.0) + 1e-4, "limiter ceiling: " + Signals.peak(all));
    assertTrue(Signals.rms(all, 0, all.length) > 0.03);
    StringBuilder levels = new StringBuilder();
    for (String track : new String[] {"gm-34", "gm-81", "drum-kick", "drum-snare", "drum-closed-hat", "gm-90"}) {
      float[] solo = render(json, track, 8);
      double rms = Signals.rms(solo, 0, solo.length);
      levels.append(String.format(Locale.ROOT, "%s %.1f dB, ", track, 20 * Math.log10(rms)));
      assertTrue(rms > 0.003, track + " is heard: " + levels);
    }
    System.out.println("imported song-type1, 8 s solo levels: " + levels);
    // The kick's energy is low (52 Hz), the hi-hat's high.
    float[] kick = render(json, "drum-kick", 2);
    float[] hat = render(json, "drum-closed-hat", 2);
    assertTrue(Signals.peakFrequency(java.util.Arrays.copyOf(kick, 8192), 48_000) < 120);
    assertTrue(Signals.peakFrequency(java.util.Arrays.copyOf(hat, 8192), 48_000) > 4000);
  }
}
