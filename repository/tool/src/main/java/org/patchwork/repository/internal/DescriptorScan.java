package org.patchwork.repository.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.patchwork.repository.Catalogue;
import org.patchwork.repository.JarInspector.BundleFacts;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the module descriptors of bundles being published, without OSGi: the Declarative
 * Services descriptions ({@code OSGI-INF/*.xml}) name the components that provide
 * {@link ModuleFactory}; each is created with its public no-argument constructor in a class
 * loader over its own jar first, then the other jars given (so a module may use a library
 * published beside it, and two versions of one bundle never see each other's classes), and
 * asked for its descriptor. The SDK comes from this tool's own class loader, so the types agree.
 * This runs the publisher's own code, on the publisher's machine, as building it did.
 */
final class DescriptorScan {

  private final List<Path> context;

  /** A scan whose modules may use classes of {@code context} jars. */
  DescriptorScan(List<Path> context) {
    this.context = List.copyOf(context);
  }

  /**
   * The modules a bundle offers, sorted by id.
   *
   * @throws IOException naming a factory that cannot be created or described
   */
  List<Catalogue.ModuleInfo> modules(Path jar, BundleFacts facts) throws IOException {
    List<String> implementations = implementations(facts, ModuleFactory.class.getName());
    if (implementations.isEmpty()) {
      return List.of();
    }
    List<URL> urls = new ArrayList<>(List.of(jar.toUri().toURL()));
    for (Path p : context) {
      if (!p.equals(jar)) {
        urls.add(p.toUri().toURL());
      }
    }
    List<Catalogue.ModuleInfo> modules = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader("repository-descriptor-scan", urls.toArray(URL[]::new),
        DescriptorScan.class.getClassLoader())) {
      for (String implementation : implementations) {
        modules.add(info(describe(loader, facts.symbolicName(), implementation)));
      }
    }
    modules.sort(Comparator.comparing(Catalogue.ModuleInfo::id));
    return modules;
  }

  private static ModuleDescriptor describe(ClassLoader loader, String bundle, String implementation)
      throws IOException {
    try {
      Class<?> type = Class.forName(implementation, true, loader);
      if (!ModuleFactory.class.isAssignableFrom(type)) {
        throw new IOException(bundle + ": " + implementation + " is declared to provide ModuleFactory but does not implement it");
      }
      return ((ModuleFactory) type.getConstructor().newInstance()).descriptor();
    } catch (NoSuchMethodException e) {
      throw new IOException(bundle + ": module factory " + implementation
          + " has no public no-argument constructor, so its descriptor cannot be read for the compatibility check");
    } catch (InvocationTargetException e) {
      throw new IOException(bundle + ": module factory " + implementation + " failed: " + e.getCause(), e);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      throw new IOException(bundle + ": module factory " + implementation + " cannot be loaded: " + e, e);
    }
  }

  static Catalogue.ModuleInfo info(ModuleDescriptor d) {
    List<Catalogue.PortInfo> ports = d.ports().stream()
        .map(p -> new Catalogue.PortInfo(p.id(), p.type().name(), p.direction().name(), p.channels())).toList();
    List<Catalogue.ParameterInfo> parameters = new ArrayList<>();
    for (ParameterDescriptor p : d.parameters()) {
      parameters.add(new Catalogue.ParameterInfo(p.id(), p.name(), p.min(), p.max(), p.defaultValue(), p.unit(),
          p.has(ParameterFlag.STEPPED), p.has(ParameterFlag.REMOVED)));
    }
    return new Catalogue.ModuleInfo(d.id(), d.name(), d.kind().name(), List.copyOf(new TreeSet<>(d.tags())), ports,
        parameters);
  }

  /** Implementation classes of the components in {@code facts} that provide {@code service}. */
  static List<String> implementations(BundleFacts facts, String service) throws IOException {
    List<String> classes = new ArrayList<>();
    DocumentBuilder xml = parser();
    for (Map.Entry<String, byte[]> entry : facts.components().entrySet()) {
      Element root;
      try {
        root = xml.parse(new ByteArrayInputStream(entry.getValue())).getDocumentElement();
      } catch (SAXException e) {
        throw new IOException(facts.symbolicName() + ": " + entry.getKey() + " is not a component description: "
            + e.getMessage());
      }
      List<Element> components = local(root).equals("component") ? List.of(root) : children(root, "component");
      for (Element component : components) {
        boolean provides = false;
        for (Element s : children(component, "service")) {
          for (Element provide : children(s, "provide")) {
            provides |= service.equals(provide.getAttribute("interface"));
          }
        }
        for (Element impl : children(component, "implementation")) {
          if (provides && !impl.getAttribute("class").isBlank()) {
            classes.add(impl.getAttribute("class"));
          }
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

  /** A namespace-aware parser that reads no DTDs or external entities. */
  private static DocumentBuilder parser() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
    }
  }
}
