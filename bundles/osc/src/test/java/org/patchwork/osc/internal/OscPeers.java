package org.patchwork.osc.internal;

import com.illposed.osc.OSCMessage;
import java.io.File;
import java.net.DatagramSocket;
import java.nio.ByteBuffer;
import java.util.List;

/** Helpers for the tests: the liblo tools, free ports, packets. */
final class OscPeers {

  static final String INSTALL_HINT = "install the Debian package liblo-tools (apt-get install liblo-tools), "
      + "which has oscsend and oscdump";

  private OscPeers() {
  }

  /** The absolute path of a tool on PATH, or a failed test naming the package. */
  static String tool(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      File f = new File(dir, command);
      if (f.canExecute()) {
        return f.getAbsolutePath();
      }
    }
    org.junit.jupiter.api.Assertions.fail(command + " not found on PATH: " + INSTALL_HINT);
    return null;
  }

  static int freePort() throws Exception {
    try (DatagramSocket s = new DatagramSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** {@code oscsend localhost port address types args...}; fails the test if it fails. */
  static void oscsend(int port, String address, String types, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(tool("oscsend"), "localhost", Integer.toString(port), address));
    if (!types.isEmpty()) {
      command.add(types);
      command.addAll(List.of(args));
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      org.junit.jupiter.api.Assertions.fail(String.join(" ", command) + " failed: " + out);
    }
  }

  static byte[] bytes(OSCMessage m) {
    ByteBuffer b = new OscCodec().write(m);
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }
}
