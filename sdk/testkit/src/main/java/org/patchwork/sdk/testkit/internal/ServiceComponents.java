package org.patchwork.sdk.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The Declarative Services components a class's bundle declares: the {@code OSGI-INF/*.xml}
 * files bnd writes from {@code @Component} annotations, read from the class's own class-path
 * root (a classes folder or a jar). Annotations are not retained at run time, so this XML is
 * the only place the service properties can be read outside a framework.
 */
public final class ServiceComponents {

  /**
   * One component.
   *
   * @param file where it was declared
   * @param implementation the component class's name
   * @param provides the service interfaces
   * @param properties the service properties, each with its values
   */
  public record Component(String file, String implementation, List<String> provides,
      Map<String, List<String>> properties) {
  }

  private ServiceComponents() {
  }

  /** The class-path root {@code type} was loaded from, or null when it is not a file or folder. */
  public static Path root(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Every component declared under {@code OSGI-INF/} of {@code root}; null if it has no {@code OSGI-INF}. */
  public static List<Component> declaredIn(Path root) {
    if (root == null) {
      return null;
    }
    try {
      List<Component> found = new ArrayList<>();
      if (Files.isDirectory(root)) {
        Path dir = root.resolve("OSGI-INF");
        if (!Files.isDirectory(dir)) {
          return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
            try (InputStream in = Files.newInputStream(f)) {
              read(in, "OSGI-INF/" + f.getFileName(), found);
            }
          }
        }
        return found;
      }
      if (!Files.isRegularFile(root)) {
        return null;
      }
      try (JarFile jar = new JarFile(root.toFile())) {
        List<JarEntry> entries = jar.stream().filter(e -> e.getName().startsWith("OSGI-INF/")).toList();
        if (entries.isEmpty()) {
          return null;
        }
        for (JarEntry e : entries) {
          if (e.getName().endsWith(".xml")) {
            try (InputStream in = jar.getInputStream(e)) {
              read(in, e.getName(), found);
            }
          }
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OSGI-INF of " + root, e);
    }
  }

  private static void read(InputStream in, String file, List<Component> into) throws IOException {
    Document doc;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      // Quiet: the default handler prints to stderr before it throws.
      builder.setErrorHandler(new DefaultHandler() {
        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      doc = builder.parse(in);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalArgumentException(file + " is not a readable component description: " + e.getMessage(), e);
    }
    // A file holds one scr:component, or several under any root element.
    NodeList implementations = doc.getElementsByTagNameNS("*", "implementation");
    for (int i = 0; i < implementations.getLength(); i++) {
      Element implementation = (Element) implementations.item(i);
      Element component = (Element) implementation.getParentNode();
      List<String> provides = new ArrayList<>();
      Map<String, List<String>> properties = new LinkedHashMap<>();
      for (Node n = component.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && "service".equals(e.getLocalName())) {
          NodeList provide = e.getElementsByTagNameNS("*", "provide");
          for (int k = 0; k < provide.getLength(); k++) {
            provides.add(((Element) provide.item(k)).getAttribute("interface"));
          }
        } else if (n instanceof Element e && "property".equals(e.getLocalName())) {
          properties.put(e.getAttribute("name"), values(e));
        }
      }
      into.add(new Component(file, implementation.getAttribute("class"), provides, properties));
    }
  }

  /** A property's value attribute, or the lines of its body for multi-valued properties. */
  private static List<String> values(Element property) {
    if (property.hasAttribute("value")) {
      return List.of(property.getAttribute("value"));
    }
    List<String> values = new ArrayList<>();
    for (String line : property.getTextContent().split("\\R")) {
      if (!line.isBlank()) {
        values.add(line.strip());
      }
    }
    return values;
  }
}
