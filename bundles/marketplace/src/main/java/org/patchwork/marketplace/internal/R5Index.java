package org.patchwork.marketplace.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.osgi.framework.Version;
import org.patchwork.sdk.cli.UsageException;

/**
 * Parses an OSGi Repository (R5) index ({@code http://www.osgi.org/xmlns/repository/v1.0.0}):
 * resources with typed capability attributes and directives, as bnd's indexer writes them. The
 * parser reads no DTD and no external entity; the index itself is pinned by the signed
 * catalogue's digest before it is parsed.
 */
final class R5Index {

  static final String NS = "http://www.osgi.org/xmlns/repository/v1.0.0";

  private R5Index() {
  }

  /**
   * The resources of an index.
   *
   * @throws UsageException if it is not an R5 index this parser understands
   */
  static List<IndexResource> parse(byte[] xml, String repository) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    List<IndexResource> resources = new ArrayList<>();
    try {
      XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
      IndexResource resource = null;
      String clause = null;
      String namespace = null;
      Map<String, Object> attributes = null;
      Map<String, String> directives = null;
      boolean root = false;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = r.getLocalName();
          if (!root) {
            if (!name.equals("repository") || !NS.equals(r.getNamespaceURI())) {
              throw new UsageException("repository '" + repository + "': index.xml is not an OSGi Repository index");
            }
            root = true;
            continue;
          }
          switch (name) {
            case "resource" -> resource = new IndexResource(repository);
            case "capability", "requirement" -> {
              clause = name;
              namespace = r.getAttributeValue(null, "namespace");
              attributes = new LinkedHashMap<>();
              directives = new LinkedHashMap<>();
            }
            case "attribute" -> {
              if (attributes != null) {
                attributes.put(r.getAttributeValue(null, "name"),
                    typed(r.getAttributeValue(null, "type"), r.getAttributeValue(null, "value")));
              }
            }
            case "directive" -> {
              if (directives != null) {
                directives.put(r.getAttributeValue(null, "name"), r.getAttributeValue(null, "value"));
              }
            }
            default -> {
              // Referrals and unknown elements: this client follows no links out of a signed index.
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String name = r.getLocalName();
          if ((name.equals("capability") || name.equals("requirement")) && resource != null && namespace != null) {
            if (clause.equals("capability")) {
              resource.add(new IndexResource.Cap(resource, namespace, attributes, directives));
            } else {
              resource.add(new IndexResource.Req(resource, namespace, attributes, directives));
            }
            attributes = null;
            directives = null;
          } else if (name.equals("resource") && resource != null) {
            if (resource.symbolicName() != null) {
              resources.add(resource);
            }
            resource = null;
          }
        }
      }
    } catch (XMLStreamException | IllegalArgumentException e) {
      throw new UsageException("repository '" + repository + "': index.xml cannot be read: " + e.getMessage());
    }
    return resources;
  }

  /** An attribute value in its declared type (R5 section 132.5.6). */
  static Object typed(String type, String value) {
    if (value == null) {
      throw new IllegalArgumentException("an attribute has no value");
    }
    if (type == null || type.equals("String")) {
      return value;
    }
    return switch (type) {
      case "Version" -> Version.parseVersion(value.strip());
      case "Long" -> Long.parseLong(value.strip());
      case "Double" -> Double.parseDouble(value.strip());
      case "List<String>" -> split(value);
      case "List<Version>" -> split(value).stream().map(v -> Version.parseVersion(v.strip())).toList();
      case "List<Long>" -> split(value).stream().map(v -> Long.parseLong(v.strip())).toList();
      case "List<Double>" -> split(value).stream().map(v -> Double.parseDouble(v.strip())).toList();
      default -> throw new IllegalArgumentException("unknown attribute type " + type);
    };
  }

  /** A comma-separated list where {@code \,} and {@code \\} are escapes. */
  private static List<String> split(String value) {
    List<String> items = new ArrayList<>();
    StringBuilder item = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        item.append(value.charAt(++i));
      } else if (c == ',') {
        items.add(item.toString().strip());
        item.setLength(0);
      } else {
        item.append(c);
      }
    }
    items.add(item.toString().strip());
    return List.copyOf(items);
  }

  /** The content URL and SHA-256 of a resource, from its {@code osgi.content} capability. */
  static String[] content(IndexResource resource) {
    for (var c : resource.getCapabilities("osgi.content")) {
      Object sha = c.getAttributes().get("osgi.content");
      Object url = c.getAttributes().get("url");
      if (sha != null && url != null) {
        return new String[] {url.toString(), sha.toString().toLowerCase(java.util.Locale.ROOT)};
      }
    }
    return null;
  }
}
