import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.patchwork.dsp.oscillators.internal.SawFactory;
import org.patchwork.dsp.oscillators.internal.WavetableFactory;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.testkit.ModuleHarness;

/**
 * Renders Patchwork's saw (org.patchwork.dsp.saw, 64-frame BLEP table) and the saw frame of its wavetable
 * oscillator (org.patchwork.dsp.wavetable, position 2/3 of the Classic bank) through the test
 * kit's offline harness, as the unit tests do: level 1, {@code freq} set, 48 kHz, blocks of 128
 * frames. Writes raw little-endian float32 files {@code pw_<index>.f32} (saw) and
 * {@code wt_<index>.f32} (wavetable), one per frequency.
 *
 * <p>usage: java -cp CLASSPATH SawRender.java FOLDER FRAMES FREQ [FREQ ...]
 */
public final class SawRender {

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: SawRender FOLDER FRAMES FREQ [FREQ ...]");
    }
    Path folder = Path.of(args[0]);
    int frames = Integer.parseInt(args[1]);
    for (int i = 2; i < args.length; i++) {
      double hz = Double.parseDouble(args[i]);
      write(render(new SawFactory(), hz, frames, -1), folder.resolve("pw_" + (i - 2) + ".f32"));
      write(render(new WavetableFactory(), hz, frames, 2.0 / 3), folder.resolve("wt_" + (i - 2) + ".f32"));
    }
  }

  private static float[] render(ModuleFactory factory, double hz, int frames, double position) {
    ModuleHarness h = new ModuleHarness(factory.create(), factory.descriptor(), 48_000, 128)
        .set("freq", hz).set("level", 1);
    if (position >= 0) {
      h.set("position", position);
    }
    // Key 69 keeps the frequency at freq, and starts an oscillator that waits for a note.
    h.noteOn(0, 69, 1f);
    return h.render(frames)[0];
  }

  private static void write(float[] signal, Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(4 * signal.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : signal) {
      bytes.putFloat(x);
    }
    Files.write(file, bytes.array());
  }
}
