package org.patchwork.repository;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Real bundle jars built by tests: a compiled module bundle, a manifest-only bundle, a zip bomb. */
public final class Fixtures {

  private Fixtures() {
  }

  /**
   * A bundle {@code bsn} at {@code version} with one module factory {@code FACTORY} in package
   * {@code pkg}, whose descriptor has the given port and parameter expressions (SDK factory
   * calls such as {@code PortDescriptor.audioIn("in", 2)}).
   */
  public static Path moduleBundle(Path dir, String bsn, String version, String moduleId, List<String> ports,
      List<String> parameters) throws IOException {
    String pkg = "fixture." + bsn.replaceAll("[^A-Za-z0-9]", "_") + ".v" + version.replace('.', '_');
    Path src = Files.createTempDirectory(dir, "src");
    Path classes = Files.createTempDirectory(dir, "classes");
    Path file = src.resolve(pkg.replace('.', '/')).resolve("Factory.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        package %s;
        import java.util.List;
        import java.util.Set;
        import org.patchwork.sdk.module.*;
        public final class Factory implements ModuleFactory {
          public ModuleDescriptor descriptor() {
            return new ModuleDescriptor("%s", "Fixture", "Tests", "1.0.0", ModuleKind.EFFECT, Set.of("effect"),
                List.of(%s), List.of(%s), 0);
          }
          public AudioModule create() { throw new UnsupportedOperationException(); }
        }
        """.formatted(pkg, moduleId, String.join(", ", ports), String.join(", ", parameters)));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        file.toString());
    if (status != 0) {
      throw new IOException("fixture did not compile");
    }
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s.Factory">
          <implementation class="%s.Factory"/>
          <service><provide interface="org.patchwork.sdk.module.ModuleFactory"/></service>
        </scr:component>
        """.formatted(pkg, pkg);
    Path jar = dir.resolve(bsn + "-" + version + ".jar");
    Manifest m = manifest(Map.of("Bundle-SymbolicName", bsn, "Bundle-Version", version,
        "Import-Package", "org.patchwork.sdk.module;version=\"[1.0,2)\"",
        "Service-Component", "OSGI-INF/" + pkg + ".Factory.xml", "Bundle-Name", "Fixture " + bsn,
        "Bundle-Description", "A fixture module. Built by a test."));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
      out.putNextEntry(new JarEntry("OSGI-INF/" + pkg + ".Factory.xml"));
      out.write(xml.getBytes(StandardCharsets.UTF_8));
      List<Path> files;
      try (Stream<Path> walk = Files.walk(classes)) {
        files = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
      }
      for (Path f : files) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
      }
    }
    return jar;
  }

  /** A bundle with only a manifest. */
  public static Path manifestBundle(Path jar, Map<String, String> headers) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest(headers))) {
      out.flush();
    }
    return jar;
  }

  /** A valid bundle manifest plus one entry of {@code zeros} zero bytes, deflated. */
  public static Path zipBomb(Path jar, String bsn, long zeros) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar),
        manifest(Map.of("Bundle-SymbolicName", bsn, "Bundle-Version", "1.0.0")))) {
      out.setLevel(9);
      out.putNextEntry(new ZipEntry("data/zeros.bin"));
      byte[] block = new byte[1 << 20];
      for (long left = zeros; left > 0; left -= block.length) {
        out.write(block, 0, (int) Math.min(block.length, left));
      }
      out.closeEntry();
    }
    return jar;
  }

  /** A zip with many tiny entries. */
  public static Path manyEntries(Path jar, String bsn, int entries) throws IOException {
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(os, manifest(Map.of("Bundle-SymbolicName", bsn)))) {
      for (int i = 0; i < entries; i++) {
        out.putNextEntry(new ZipEntry("e/" + i));
        out.closeEntry();
      }
    }
    return jar;
  }

  static Manifest manifest(Map<String, String> headers) {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
    headers.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
    return m;
  }
}
