package org.patchwork.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/sdk-guide.md true: extracts every file the guide shows, builds the module with
 * Maven exactly as the guide says (its own test included), and hot-deploys the jar into the
 * real host, where {@code pw:modules} must list it.
 */
class FirstModuleGuideIT {

  private static final Pattern FILE = Pattern.compile(
      "File: `([^`]+)`\\R```[a-z]*\\R(.*?)\\R```", Pattern.DOTALL);

  @Test
  void theGuideBuildsAModuleThatHotDeploys(@TempDir Path work, @TempDir Path home, @TempDir Path deploy)
      throws Exception {
    String guide = Files.readString(Path.of("../docs/sdk-guide.md"), StandardCharsets.UTF_8);
    Matcher m = FILE.matcher(guide);
    List<String> written = new ArrayList<>();
    while (m.find()) {
      Path file = work.resolve(m.group(1));
      Files.createDirectories(file.getParent());
      Files.writeString(file, m.group(2) + "\n");
      written.add(m.group(1));
    }
    assertEquals(4, written.size(), "the guide shows pom, module, factory and test: " + written);

    ProcessBuilder mvn = new ProcessBuilder("mvn", "-B", "-q", "-ntp", "package")
        .directory(work.resolve("tremolo").toFile())
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("build.log").toFile());
    mvn.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process build = mvn.start();
    assertTrue(build.waitFor(5, TimeUnit.MINUTES), "the guide's build finishes");
    assertEquals(0, build.exitValue(), Files.readString(work.resolve("build.log")));
    Path jar = work.resolve("tremolo/target/tremolo-1.0.0.jar");
    assertTrue(Files.exists(jar));
    assertTrue(Files.exists(work.resolve("tremolo/target/surefire-reports/TEST-com.example.tremolo.TremoloTest.xml")),
        "the guide's own test ran");

    try (HostProcess host = HostProcess.start(home, "headless", "--deploy", deploy.toString())) {
      Files.copy(jar, deploy.resolve("tremolo-1.0.0.jar"));
      assertTrue(host.awaitErr(e -> e.contains("deployed tremolo-1.0.0.jar (com.example.tremolo 1.0.0)"),
          Duration.ofSeconds(30)), host.err());
      host.send("pw:modules");
      assertTrue(host.awaitOut(0, o -> o.contains("com.example.tremolo"), Duration.ofSeconds(30)), host.out());
      host.send("exit");
      assertEquals(0, host.waitFor(Duration.ofSeconds(30)));
    }
  }
}
