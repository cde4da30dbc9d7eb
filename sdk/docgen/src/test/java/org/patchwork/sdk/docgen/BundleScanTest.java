package org.patchwork.sdk.docgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Finding module factories from component descriptions, and surviving the ones that are not. */
class BundleScanTest {

  @TempDir
  Path dir;

  private static Element parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement();
  }

  static String component(String impl, String service) {
    return "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + impl + "\">"
        + "<service><provide interface=\"" + service + "\"/></service>"
        + "<implementation class=\"" + impl + "\"/></scr:component>";
  }

  @Test
  void keepsOnlyComponentsProvidingModuleFactory() throws Exception {
    assertEquals(List.of("a.A"), BundleScan.factoryClasses(parse(component("a.A", "org.patchwork.sdk.module.ModuleFactory"))));
    assertEquals(List.of(), BundleScan.factoryClasses(parse(component("b.B", "java.lang.Runnable"))));
    String two = "<components xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.1.0\">"
        + component("c.C", "org.patchwork.sdk.module.ModuleFactory").replace(" xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\"", "")
        + component("d.D", "org.patchwork.sdk.module.ModuleFactory").replace(" xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\"", "")
        + "</components>";
    assertEquals(List.of("c.C", "d.D"), BundleScan.factoryClasses(parse(two)));
  }

  @Test
  void unusableComponentsBecomeWarningsAndTheRestIsFound() throws Exception {
    String factory = "org.patchwork.sdk.module.ModuleFactory";
    Path jar = DocGenTest.bundle(dir, "com.example.mixed", Map.of(
        "1-missing.xml", component("com.example.Missing", factory),
        "2-wrong.xml", component("java.lang.Object", factory),
        "3-broken.xml", "<scr:component",
        "4-doctype.xml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
        "5-sine.xml", DocGenTest.resource("OSGI-INF/org.patchwork.examples.sine.SineFactory.xml"),
        "6-twice.xml", DocGenTest.resource("OSGI-INF/org.patchwork.examples.sine.SineFactory.xml")));
    try (BundleScan scan = BundleScan.of(List.of(jar))) {
      assertEquals(List.of("org.patchwork.examples.sine"),
          scan.found().stream().map(f -> f.factory().descriptor().id()).toList());
      assertEquals("com.example.mixed", scan.found().get(0).bundle());
      List<String> w = scan.warnings();
      assertEquals(5, w.size(), w.toString());
      assertTrue(w.get(0).startsWith("com.example.Missing (com.example.mixed) could not be created: "
          + "java.lang.ClassNotFoundException"), w.get(0));
      assertEquals("java.lang.Object (com.example.mixed) says it provides ModuleFactory but does not implement it", w.get(1));
      assertTrue(w.get(2).startsWith("com.example.mixed.jar!/OSGI-INF/3-broken.xml: not a component description"), w.get(2));
      assertTrue(w.get(3).startsWith("com.example.mixed.jar!/OSGI-INF/4-doctype.xml: not a component description"),
          "no DTDs, so no external entities: " + w.get(3));
      assertTrue(w.get(4).contains("module org.patchwork.examples.sine was already found"), w.get(4));
    }
  }
}
