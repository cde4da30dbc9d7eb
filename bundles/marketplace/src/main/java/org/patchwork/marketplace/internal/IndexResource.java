package org.patchwork.marketplace.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Version;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/**
 * A bundle offered by a repository, as its R5 index describes it: the capabilities and
 * requirements the resolver works with, plus where it comes from. Identity is by object, as the
 * resolver expects.
 */
final class IndexResource implements Resource {

  private final String repository;
  private final List<Capability> capabilities = new ArrayList<>();
  private final List<Requirement> requirements = new ArrayList<>();
  private String symbolicName;
  private Version version = Version.emptyVersion;

  IndexResource(String repository) {
    this.repository = repository;
  }

  String repository() {
    return repository;
  }

  String symbolicName() {
    return symbolicName;
  }

  Version version() {
    return version;
  }

  /** "org.example.lib 1.0.0". */
  @Override
  public String toString() {
    return symbolicName + " " + version;
  }

  void add(Capability c) {
    capabilities.add(c);
    if (c.getNamespace().equals("osgi.identity")) {
      symbolicName = String.valueOf(c.getAttributes().get("osgi.identity"));
      if (c.getAttributes().get("version") instanceof Version v) {
        version = v;
      }
    }
  }

  void add(Requirement r) {
    requirements.add(r);
  }

  @Override
  public List<Capability> getCapabilities(String namespace) {
    return namespace == null ? Collections.unmodifiableList(capabilities)
        : capabilities.stream().filter(c -> c.getNamespace().equals(namespace)).toList();
  }

  @Override
  public List<Requirement> getRequirements(String namespace) {
    return namespace == null ? Collections.unmodifiableList(requirements)
        : requirements.stream().filter(r -> r.getNamespace().equals(namespace)).toList();
  }

  /** A capability or requirement of an index resource. */
  abstract static class Clause {
    private final IndexResource resource;
    private final String namespace;
    private final Map<String, Object> attributes;
    private final Map<String, String> directives;

    Clause(IndexResource resource, String namespace, Map<String, Object> attributes, Map<String, String> directives) {
      this.resource = resource;
      this.namespace = namespace;
      this.attributes = Collections.unmodifiableMap(attributes);
      this.directives = Collections.unmodifiableMap(directives);
    }

    public String getNamespace() {
      return namespace;
    }

    public Map<String, String> getDirectives() {
      return directives;
    }

    public Map<String, Object> getAttributes() {
      return attributes;
    }

    public Resource getResource() {
      return resource;
    }

    @Override
    public String toString() {
      return namespace + attributes + directives;
    }
  }

  static final class Cap extends Clause implements Capability {
    Cap(IndexResource r, String ns, Map<String, Object> a, Map<String, String> d) {
      super(r, ns, a, d);
    }
  }

  static final class Req extends Clause implements Requirement {
    Req(IndexResource r, String ns, Map<String, Object> a, Map<String, String> d) {
      super(r, ns, a, d);
    }

    /** Optional requirements ({@code resolution:=optional}) may stay unsatisfied. */
    boolean optional() {
      return Namespace.RESOLUTION_OPTIONAL.equals(getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
    }
  }
}
