package org.patchwork.drivers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.JackClientExtension;
import org.patchwork.drivers.JackExtensions;
import org.patchwork.drivers.jack.LibJack;

/**
 * Extensions on the JACK driver's own client, against a real jackd: the port an extension
 * registers is the audio client's ({@code patchwork:probe}), its {@code process} runs once per
 * period on JACK's thread just before the audio callback, it is detached when the driver closes,
 * and an extension that fails to attach is left out while the audio plays on.
 */
class JackExtensionTest {

  /** Registers an audio output {@code probe} and counts its periods. */
  static final class Probe implements JackClientExtension, JackClientExtension.Attached {
    final AtomicLong periods = new AtomicLong();
    volatile long lastFrames;
    volatile long callbackCallsAtLastPeriod = -1;
    volatile boolean detached;
    volatile String attachedTo;
    RecordingCallback audio;

    @Override
    public Attached attach(long client, String clientName, int sampleRate, int period) throws Exception {
      if (!clientName.equals("patchwork")) {
        return null; // stays out of other clients
      }
      try (Arena a = Arena.ofConfined()) {
        long port;
        try {
          port = (long) LibJack.PORT_REGISTER.invokeExact(client, a.allocateFrom("probe"),
              a.allocateFrom(LibJack.DEFAULT_AUDIO_TYPE), LibJack.PORT_IS_OUTPUT, 0L);
        } catch (Throwable t) {
          throw new Exception(t);
        }
        assertTrue(port != 0, "JACK registered the probe port");
      }
      attachedTo = clientName;
      return this;
    }

    @Override
    public void process(int frames) {
      periods.incrementAndGet();
      lastFrames = frames;
      callbackCallsAtLastPeriod = audio == null ? -1 : audio.calls;
    }

    @Override
    public void detach() {
      detached = true;
    }
  }

  @Test
  void anExtensionsPortIsOnTheAudioClientAndItsProcessRunsEveryPeriodBeforeTheAudio() throws Exception {
    Probe probe = new Probe();
    JackClientExtension broken = (client, clientName, sampleRate, period) -> {
      throw new Exception("no ports for me");
    };
    try (JackServer server = JackServer.start(48_000, 64, Path.of("target"))) {
      JackExtensions.add(broken);
      JackExtensions.add(probe);
      RecordingCallback sine = new RecordingCallback(1000, 48_000);
      probe.audio = sine;
      try (JackDriver driver = new JackDriver()) {
        driver.open(DriverSettings.defaults());
        assertEquals("patchwork", probe.attachedTo);
        driver.start(sine);
        Thread.sleep(1000);
        List<String> ports = JackServer.run(10, JackServer.tool("jack_lsp"), "-s", server.name).lines().toList();
        assertTrue(ports.contains("patchwork:probe") && ports.contains("patchwork:out_1"), ports.toString());
        long periods = probe.periods.get();
        long calls = sine.calls;
        // one process per period: as many as audio callbacks, give or take the one running now
        assertTrue(periods > 48_000 / 64 / 2, "periods: " + periods);
        assertEquals(calls, periods, 2, "extension periods vs audio callbacks");
        assertEquals(64, probe.lastFrames);
        // seen from inside process(): the audio callback of that period had not run yet
        assertEquals(probe.periods.get() - 1, probe.callbackCallsAtLastPeriod, 2);
        assertEquals(0, driver.stats().callbackFailures());
        // a second client is offered the extension too, which stays out of it
        try (JackDriver other = new JackDriver()) {
          other.open(new DriverSettings(48_000, 64, 0, 1, "other"));
          other.start((in, out, frames) -> { });
          Thread.sleep(200);
        }
        assertFalse(JackServer.run(10, JackServer.tool("jack_lsp"), "-s", server.name).contains("other:probe"));
        assertFalse(probe.detached, "the other client's closing detached nothing of patchwork's");
        driver.stop();
        assertFalse(probe.detached, "still attached while the client is open");
      } finally {
        JackExtensions.remove(broken);
        JackExtensions.remove(probe);
      }
      assertTrue(probe.detached, "detached when the driver closed");
      assertTrue(JackExtensions.problems().stream().anyMatch(p -> p.contains("no ports for me")),
          JackExtensions.problems().toString());
    }
  }
}
