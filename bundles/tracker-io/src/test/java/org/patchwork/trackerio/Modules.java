package org.patchwork.trackerio;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.sdk.module.ModuleFactory;

/**
 * Every Patchwork module on the test class path, found as OSGi would: each bundle's
 * {@code Service-Component} descriptions name the classes that provide {@link ModuleFactory}.
 */
final class Modules {

  private static final Pattern IMPLEMENTATION = Pattern.compile("<implementation class=\"([^\"]+)\"");
  private static ModuleRegistry registry;

  private Modules() {
  }

  static synchronized ModuleRegistry registry() {
    if (registry == null) {
      registry = ModuleRegistry.of(factories().toArray(ModuleFactory[]::new));
    }
    return registry;
  }

  private static List<ModuleFactory> factories() {
    ClassLoader loader = Modules.class.getClassLoader();
    List<ModuleFactory> out = new ArrayList<>();
    try {
      Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
      while (manifests.hasMoreElements()) {
        URL url = manifests.nextElement();
        String components;
        try (InputStream in = url.openStream()) {
          components = new Manifest(in).getMainAttributes().getValue("Service-Component");
        }
        if (components == null) {
          continue;
        }
        String base = url.toString().substring(0, url.toString().length() - "META-INF/MANIFEST.MF".length());
        for (String xml : components.split(",")) {
          String text;
          try (InputStream in = new URL(base + xml.strip()).openStream()) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          }
          if (!text.contains("<provide interface=\"" + ModuleFactory.class.getName() + "\"")) {
            continue;
          }
          Matcher m = IMPLEMENTATION.matcher(text);
          if (m.find()) {
            out.add((ModuleFactory) loader.loadClass(m.group(1)).getDeclaredConstructor().newInstance());
          }
        }
      }
    } catch (IOException | ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
