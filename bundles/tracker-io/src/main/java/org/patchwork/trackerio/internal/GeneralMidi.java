package org.patchwork.trackerio.internal;

import java.util.List;

/**
 * The General MIDI Level 1 sound set: the 128 program names in their 16 families of 8, and the
 * percussion key map of channel 10 grouped into the drum voices the importer builds.
 */
public final class GeneralMidi {

  /** Program names, index = program number − 1 (0..127), as the GM 1 specification lists them. */
  public static final List<String> PROGRAMS = List.of(
      "Acoustic Grand Piano", "Bright Acoustic Piano", "Electric Grand Piano", "Honky-tonk Piano",
      "Electric Piano 1", "Electric Piano 2", "Harpsichord", "Clavi",
      "Celesta", "Glockenspiel", "Music Box", "Vibraphone", "Marimba", "Xylophone", "Tubular Bells", "Dulcimer",
      "Drawbar Organ", "Percussive Organ", "Rock Organ", "Church Organ", "Reed Organ", "Accordion", "Harmonica",
      "Tango Accordion",
      "Acoustic Guitar (nylon)", "Acoustic Guitar (steel)", "Electric Guitar (jazz)", "Electric Guitar (clean)",
      "Electric Guitar (muted)", "Overdriven Guitar", "Distortion Guitar", "Guitar harmonics",
      "Acoustic Bass", "Electric Bass (finger)", "Electric Bass (pick)", "Fretless Bass", "Slap Bass 1",
      "Slap Bass 2", "Synth Bass 1", "Synth Bass 2",
      "Violin", "Viola", "Cello", "Contrabass", "Tremolo Strings", "Pizzicato Strings", "Orchestral Harp",
      "Timpani",
      "String Ensemble 1", "String Ensemble 2", "SynthStrings 1", "SynthStrings 2", "Choir Aahs", "Voice Oohs",
      "Synth Voice", "Orchestra Hit",
      "Trumpet", "Trombone", "Tuba", "Muted Trumpet", "French Horn", "Brass Section", "SynthBrass 1",
      "SynthBrass 2",
      "Soprano Sax", "Alto Sax", "Tenor Sax", "Baritone Sax", "Oboe", "English Horn", "Bassoon", "Clarinet",
      "Piccolo", "Flute", "Recorder", "Pan Flute", "Blown Bottle", "Shakuhachi", "Whistle", "Ocarina",
      "Lead 1 (square)", "Lead 2 (sawtooth)", "Lead 3 (calliope)", "Lead 4 (chiff)", "Lead 5 (charang)",
      "Lead 6 (voice)", "Lead 7 (fifths)", "Lead 8 (bass + lead)",
      "Pad 1 (new age)", "Pad 2 (warm)", "Pad 3 (polysynth)", "Pad 4 (choir)", "Pad 5 (bowed)",
      "Pad 6 (metallic)", "Pad 7 (halo)", "Pad 8 (sweep)",
      "FX 1 (rain)", "FX 2 (soundtrack)", "FX 3 (crystal)", "FX 4 (atmosphere)", "FX 5 (brightness)",
      "FX 6 (goblins)", "FX 7 (echoes)", "FX 8 (sci-fi)",
      "Sitar", "Banjo", "Shamisen", "Koto", "Kalimba", "Bag pipe", "Fiddle", "Shanai",
      "Tinkle Bell", "Agogo", "Steel Drums", "Woodblock", "Taiko Drum", "Melodic Tom", "Synth Drum",
      "Reverse Cymbal",
      "Guitar Fret Noise", "Breath Noise", "Seashore", "Bird Tweet", "Telephone Ring", "Helicopter", "Applause",
      "Gunshot");

  /** The 16 families, each of 8 programs: family {@code program / 8}. */
  public enum Family {
    PIANO, CHROMATIC_PERCUSSION, ORGAN, GUITAR, BASS, STRINGS, ENSEMBLE, BRASS, REED, PIPE, SYNTH_LEAD,
    SYNTH_PAD, SYNTH_EFFECTS, ETHNIC, PERCUSSIVE, SOUND_EFFECTS
  }

  /** The drum voices channel 10's keys are grouped into; each becomes one instrument. */
  public enum Drum {
    KICK("Kick"), SNARE("Snare"), CLOSED_HAT("Hi-hat"), OPEN_HAT("Open hat"), CYMBAL("Cymbal"), TOM("Tom"),
    PERCUSSION("Percussion");

    private final String label;

    Drum(String label) {
      this.label = label;
    }

    /** The instrument's name: {@code "Drums: Kick"}. */
    public String instrumentName() {
      return "Drums: " + label;
    }

    /** The engine track id: {@code "drum-kick"}. */
    public String output() {
      return "drum-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private GeneralMidi() {
  }

  /** The family of program 0..127. */
  public static Family family(int program) {
    return Family.values()[program / 8];
  }

  /** The program whose name is {@code name} (case-insensitive), or -1. */
  public static int program(String name) {
    for (int i = 0; i < PROGRAMS.size(); i++) {
      if (PROGRAMS.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The drum voice of a channel-10 key (GM 1 percussion map, keys 35..81): bass drums, snares
   * and claps, closed and pedal hi-hats, the open hi-hat, crash, ride, china and splash
   * cymbals, toms; everything else (tambourine, cowbell, congas, ...) is percussion.
   */
  public static Drum drum(int key) {
    return switch (key) {
      case 35, 36 -> Drum.KICK;
      case 37, 38, 39, 40 -> Drum.SNARE;
      case 42, 44 -> Drum.CLOSED_HAT;
      case 46 -> Drum.OPEN_HAT;
      case 49, 51, 52, 53, 55, 57, 59 -> Drum.CYMBAL;
      case 41, 43, 45, 47, 48, 50 -> Drum.TOM;
      default -> Drum.PERCUSSION;
    };
  }
}
