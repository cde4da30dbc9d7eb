package org.patchwork.engine;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders a project to a WAV file by driving the real engine (the same plan, ring and block
 * processing a sound card would) from a file sink, as fast as the CPU allows, running
 * independent tracks on {@link RenderSettings#effectiveThreads()} threads. The same project
 * and settings give the same bytes on every run and machine, whatever the number of threads. Output is latency-compensated: a
 * note at beat 0 sounds at frame 0 of the file even behind look-ahead effects.
 *
 * <pre>{@code
 * RenderResult r = new OfflineRenderer(registry).render(project,
 *     new RenderSettings(48_000, 256, 0, WavFormat.PCM_24), Path.of("song.wav"),
 *     fraction -> System.out.printf("\r%3.0f%%", fraction * 100));
 * }</pre>
 */
@ProviderType
public final class OfflineRenderer {

  private final ModuleRegistry registry;

  /** A renderer that creates modules from {@code registry}. */
  public OfflineRenderer(ModuleRegistry registry) {
    if (registry == null) {
      throw new IllegalArgumentException("registry must not be null");
    }
    this.registry = registry;
  }

  /**
   * Renders {@code project} to {@code out} (stereo). Until it succeeds the file is written under
   * a temporary name beside {@code out}; on any failure, including an exception from
   * {@code progress}, that file is deleted and {@code out} is left as it was.
   *
   * @throws GraphException if the project's graph breaks a rule
   * @throws IllegalArgumentException if the sample rate is not a whole number of Hz
   * @throws IOException if the file cannot be written
   */
  public RenderResult render(Project project, RenderSettings settings, Path out, RenderProgress progress)
      throws IOException {
    return render(project, null, settings, out, progress);
  }

  /**
   * As {@link #render(Project, RenderSettings, Path, RenderProgress)}, playing {@code timeline}
   * (a compiled tracker song, see {@link Session#Session(Project, Timeline, ModuleRegistry,
   * double, int, double, org.patchwork.bus.TelemetryRing, int)}) through the project's graph in
   * place of its notes; null plays the notes. The timeline must have been computed for the
   * render's sample rate: {@link #sampleRate(Project, RenderSettings)}.
   *
   * @throws IllegalArgumentException if the timeline was computed for another sample rate or
   *     names something the graph does not have
   */
  public RenderResult render(Project project, Timeline timeline, RenderSettings settings, Path out,
      RenderProgress progress) throws IOException {
    double rate = sampleRate(project, settings);
    if (rate != Math.rint(rate)) {
      throw new IllegalArgumentException("a WAV file needs a whole number of Hz: " + rate);
    }
    RenderProgress report = progress == null ? RenderProgress.NONE : progress;
    try (Session session = new Session(project, timeline, registry, rate, settings.blockSize(), settings.seconds(),
            null, settings.effectiveThreads());
         WavWriter wav = WavWriter.create(out, settings.format(), (int) rate, 2)) {
      long total = session.totalFrames();
      int percent = 0;
      report.progress(0);
      int n;
      while ((n = session.next()) > 0) {
        wav.write(session.buffer(), n);
        int now = total == 0 ? 100 : (int) (wav.frames() * 100 / total);
        if (now > percent && now < 100) {
          percent = now;
          report.progress(now / 100.0);
        }
      }
      report.progress(1.0);
      wav.commit();
      return new RenderResult(out, wav.frames(), rate, wav.peak(), session.faults());
    }
  }

  /** The sample rate a render of {@code project} with {@code settings} runs at. */
  public static double sampleRate(Project project, RenderSettings settings) {
    return settings.sampleRate() == 0 ? project.sampleRate() : settings.sampleRate();
  }
}
