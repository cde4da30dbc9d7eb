package org.patchwork.midifile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target. In a normal build it runs in regression mode: every input saved under
 * src/test/resources/org/patchwork/midifile/MidiFileFuzzTestInputs/readRefusesOrRoundTrips/
 * (the four fixture songs and 91 inputs kept from coverage-guided runs, up to three per refusal
 * message and per accepted shape) is replayed. Fuzz for real, with coverage, by compiling for
 * Java 21 (Jazzer's instrumentation cannot read Java 25 class files):
 * {@code JAZZER_FUZZ=1 mvn clean test -Dmaven.compiler.release=21 -Dtest=MidiFileFuzzTest}.
 *
 * <p>The property: any bytes are either refused with a {@link MidiFileException} or read into a
 * model that writes and reads back to itself, pairs its notes and maps its tempo without error.
 */
class MidiFileFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void readRefusesOrRoundTrips(byte[] data) {
    MidiFile file;
    try {
      file = MidiFileReader.read(data);
    } catch (MidiFileException refused) {
      return;
    }
    assertEquals(file, MidiFileReader.read(MidiFileWriter.write(file)));
    assertEquals(file, MidiFileReader.read(MidiFileWriter.write(file, true)));
    for (MidiTrack t : file.tracks()) {
      Notes.pair(t);
    }
    if (file.format() != 2) {
      TempoMap map = TempoMap.of(file);
      assertEquals(Ratio.of(file.endTick()), map.tickAtMicros(map.micros(file.endTick())));
    }
  }
}
