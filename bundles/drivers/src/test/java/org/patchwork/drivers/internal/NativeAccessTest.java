package org.patchwork.drivers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The JACK binding needs native access ({@code java.lang.foreign}'s restricted methods). A JVM
 * that denies it must get a DriverException that says which flag to add, never an
 * ExceptionInInitializerError, and auto must pass JACK by.
 */
class NativeAccessTest {

  @Test
  void deniedNativeAccessIsAClearDriverExceptionAndAutoSkipsJack() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = location(JackDriver.class) + File.pathSeparator + location(NativeAccessProbe.class);
    String output = JackServer.run(60, java, "--illegal-native-access=deny", "-cp", classPath,
        NativeAccessProbe.class.getName());
    System.out.printf("JVM with --illegal-native-access=deny:%n%s", output);
    Map<String, String> seen = output.lines().filter(l -> l.matches("[a-z]+=.*"))
        .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
    assertTrue(seen.getOrDefault("reason", "").contains("--enable-native-access=ALL-UNNAMED"), output);
    assertEquals("false", seen.get("answers"), output);
    assertTrue(!"jack".equals(seen.get("auto")), output);
    String open = seen.getOrDefault("open", "");
    assertTrue(open.startsWith("JACK driver unavailable: native access to libjack denied"), output);
    assertTrue(open.contains("--enable-native-access=ALL-UNNAMED"), output);
  }

  private static String location(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
