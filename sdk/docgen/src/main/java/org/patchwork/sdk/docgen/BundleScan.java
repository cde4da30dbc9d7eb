package org.patchwork.sdk.docgen;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.patchwork.sdk.module.ModuleFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Finds the module factories in bundle jars without OSGi: reads each jar's Declarative Services
 * component descriptions ({@code OSGI-INF/*.xml}, written by bnd from {@code @Component}),
 * keeps the components that provide {@link ModuleFactory}, and creates them with their public
 * no-argument constructor from one class loader over all the jars (so a module may use classes
 * of another jar given). The SDK's classes come from this tool's own class path, so factories
 * and the test kit agree on them.
 */
final class BundleScan implements AutoCloseable {

  /** A factory found in a jar. */
  record Found(ModuleFactory factory, String bundle, String implementation) {
  }

  private final URLClassLoader loader;
  private final List<Found> found = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private BundleScan(URLClassLoader loader) {
    this.loader = loader;
  }

  /**
   * Scans {@code jars} in the given order.
   *
   * @throws IOException if a jar cannot be opened
   */
  static BundleScan of(List<Path> jars) throws IOException {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = jars.get(i).toUri().toURL();
    }
    BundleScan scan = new BundleScan(new URLClassLoader("docgen-bundles", urls, BundleScan.class.getClassLoader()));
    Set<String> ids = new HashSet<>();
    DocumentBuilder xml = parser();
    for (Path jar : jars) {
      try (JarFile file = new JarFile(jar.toFile())) {
        String bundle = bundleName(file, jar);
        List<JarEntry> components = new ArrayList<>();
        for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
          JarEntry entry = e.nextElement();
          String name = entry.getName();
          if (name.startsWith("OSGI-INF/") && name.endsWith(".xml") && name.indexOf('/', 9) < 0) {
            components.add(entry);
          }
        }
        components.sort(java.util.Comparator.comparing(JarEntry::getName));
        for (JarEntry entry : components) {
          try (InputStream in = file.getInputStream(entry)) {
            for (String implementation : factoryClasses(xml.parse(in).getDocumentElement())) {
              scan.create(implementation, bundle, ids);
            }
          } catch (SAXException e) {
            scan.warnings.add(jar.getFileName() + "!/" + entry.getName() + ": not a component description: "
                + e.getMessage());
          }
        }
      }
    }
    return scan;
  }

  /** The factories found, in jar order, then component file order. */
  List<Found> found() {
    return found;
  }

  /** Components that could not be used, one line each. */
  List<String> warnings() {
    return warnings;
  }

  private void create(String implementation, String bundle, Set<String> ids) {
    try {
      Class<?> type = Class.forName(implementation, true, loader);
      if (!ModuleFactory.class.isAssignableFrom(type)) {
        warnings.add(implementation + " (" + bundle + ") says it provides ModuleFactory but does not implement it");
        return;
      }
      ModuleFactory factory = (ModuleFactory) type.getConstructor().newInstance();
      String id = factory.descriptor().id();
      if (!ids.add(id)) {
        warnings.add(implementation + " (" + bundle + "): module " + id + " was already found in an earlier jar; skipped");
        return;
      }
      found.add(new Found(factory, bundle, implementation));
    } catch (NoSuchMethodException e) {
      warnings.add(implementation + " (" + bundle + ") has no public no-argument constructor; skipped");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      Throwable cause = e instanceof java.lang.reflect.InvocationTargetException t ? t.getCause() : e;
      warnings.add(implementation + " (" + bundle + ") could not be created: " + cause);
    }
  }

  /** Implementation classes of the components under {@code root} that provide ModuleFactory. */
  static List<String> factoryClasses(Element root) {
    List<String> classes = new ArrayList<>();
    List<Element> components = new ArrayList<>();
    if (local(root).equals("component")) {
      components.add(root);
    } else {
      components.addAll(children(root, "component"));
    }
    for (Element component : components) {
      boolean provides = false;
      for (Element service : children(component, "service")) {
        for (Element provide : children(service, "provide")) {
          provides |= ModuleFactory.class.getName().equals(provide.getAttribute("interface"));
        }
      }
      for (Element impl : children(component, "implementation")) {
        if (provides && !impl.getAttribute("class").isBlank()) {
          classes.add(impl.getAttribute("class"));
        }
      }
    }
    return classes;
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> list = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && local(e).equals(localName)) {
        list.add(e);
      }
    }
    return list;
  }

  private static String local(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getNodeName().replaceFirst("^.*:", "");
  }

  private static String bundleName(JarFile file, Path jar) throws IOException {
    Manifest m = file.getManifest();
    String name = m == null ? null : m.getMainAttributes().getValue("Bundle-SymbolicName");
    return name == null ? jar.getFileName().toString() : name.split(";", 2)[0].strip();
  }

  /** A namespace-aware parser that reads no DTDs or external entities. */
  private static DocumentBuilder parser() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throws fatal errors, prints nothing
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
    }
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
