/**
 * MIDI for Patchwork: every input and output port the machine offers (javax.sound.midi devices
 * and the JACK MIDI ports {@code midi_in}/{@code midi_out}) behind one {@link
 * org.patchwork.midi.MidiService}, events stamped on the audio clock, and MIDI clock in
 * ({@link org.patchwork.midi.MidiClockFollower}) and out ({@link org.patchwork.midi.MidiClockSender}).
 *
 * <pre>{@code
 * midi.addListener(e -> { if (e.isNoteOn()) target.noteOn(e.nanos(), 0, e.data1(), e.data2() / 127.0); });
 * midi.send("jack:midi_out", new byte[] {(byte) 0x90, 60, 127});
 * }</pre>
 */
@Export
@Version("1.0.0")
package org.patchwork.midi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
