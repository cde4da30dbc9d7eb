package org.patchwork.ui.shell.internal;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.sdk.module.ModuleFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every module factory on the test class path, found as the framework finds them: from the DS
 * component descriptions bnd writes into each bundle ({@code OSGI-INF/*.xml}), keeping the
 * components that provide {@link ModuleFactory}. So the real demo song, with whatever modules it
 * uses today, can be opened without listing them here.
 */
final class ModuleScan {

  private ModuleScan() {
  }

  static ModuleRegistry registry() throws Exception {
    Map<String, ModuleFactory> byId = new LinkedHashMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.endsWith(".jar")) {
        continue;
      }
      for (String implementation : factories(new File(entry))) {
        ModuleFactory f = (ModuleFactory) Class.forName(implementation).getConstructor().newInstance();
        byId.putIfAbsent(f.descriptor().id(), f);
      }
    }
    return ModuleRegistry.of(byId.values().toArray(ModuleFactory[]::new));
  }

  private static List<String> factories(File jar) throws Exception {
    List<String> out = new ArrayList<>();
    try (JarFile file = new JarFile(jar)) {
      for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        String name = entry.getName();
        if (!name.startsWith("OSGI-INF/") || !name.endsWith(".xml") || name.indexOf('/', 9) >= 0) {
          continue;
        }
        Document doc;
        try (var in = file.getInputStream(entry)) {
          var builder = DocumentBuilderFactory.newInstance();
          builder.setNamespaceAware(true);
          doc = builder.newDocumentBuilder().parse(in);
        } catch (IOException | org.xml.sax.SAXException ex) {
          continue;
        }
        NodeList provides = doc.getElementsByTagNameNS("*", "provide");
        boolean factory = false;
        for (int i = 0; i < provides.getLength(); i++) {
          factory |= ModuleFactory.class.getName().equals(((Element) provides.item(i)).getAttribute("interface"));
        }
        NodeList impl = doc.getElementsByTagNameNS("*", "implementation");
        if (factory && impl.getLength() > 0) {
          out.add(((Element) impl.item(0)).getAttribute("class"));
        }
      }
    }
    return out;
  }
}
