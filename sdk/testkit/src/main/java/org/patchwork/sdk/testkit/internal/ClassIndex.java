package org.patchwork.sdk.testkit.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.reflect.AccessFlag;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The classes a check can see: every class file under the scanned package prefixes (found on
 * the class path, in the code sources of the classes the caller named, and through the class
 * loaders), plus any other class read on demand (JDK classes, to tell synchronized methods).
 * Answers the hierarchy questions call resolution needs. Names are internal ({@code a/b/C}).
 */
public final class ClassIndex {

  private final List<ClassLoader> loaders;
  private final List<String> prefixes;
  private final Set<Path> roots = new LinkedHashSet<>();
  private final Map<String, Optional<ClassModel>> models = new HashMap<>();
  private Map<String, Path> scoped;

  /**
   * @param prefixes package prefixes in internal form ({@code org/patchwork/engine}); a prefix
   *     matches that package and its subpackages only, never {@code org/patchwork/engineroom}
   * @param known classes whose loaders and code sources are searched too
   */
  public ClassIndex(List<String> prefixes, List<Class<?>> known) {
    this.prefixes = List.copyOf(prefixes);
    Set<ClassLoader> ls = new LinkedHashSet<>();
    for (Class<?> c : known) {
      if (c.getClassLoader() != null) {
        ls.add(c.getClassLoader());
      }
      root(c);
    }
    if (Thread.currentThread().getContextClassLoader() != null) {
      ls.add(Thread.currentThread().getContextClassLoader());
    }
    ls.add(ClassIndex.class.getClassLoader());
    ls.add(ClassLoader.getSystemClassLoader());
    this.loaders = List.copyOf(ls);
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        roots.add(Path.of(entry).toAbsolutePath().normalize());
      }
    }
    for (String prefix : this.prefixes) {
      for (ClassLoader l : loaders) {
        try {
          Enumeration<URL> urls = l.getResources(prefix);
          while (urls.hasMoreElements()) {
            Path r = rootOf(urls.nextElement(), prefix);
            if (r != null) {
              roots.add(r);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + prefix, e);
        }
      }
    }
  }

  /** Whether {@code internalName}'s package is under one of the prefixes. */
  public boolean inScope(String internalName) {
    for (String p : prefixes) {
      if (internalName.startsWith(p) && (internalName.length() == p.length() || internalName.charAt(p.length()) == '/')) {
        return true;
      }
    }
    return false;
  }

  /** Every class under the prefixes, sorted by name. */
  public Set<String> scopeClasses() {
    if (scoped == null) {
      Map<String, Path> found = new TreeMap<>();
      for (Path root : roots) {
        list(root, found);
      }
      scoped = found;
    }
    return Collections.unmodifiableSet(scoped.keySet());
  }

  /** The parsed class, or empty when no loader or root has it. */
  public Optional<ClassModel> model(String internalName) {
    Optional<ClassModel> m = models.get(internalName);
    if (m == null) {
      m = Optional.ofNullable(read(internalName)).map(b -> ClassFile.of().parse(b));
      models.put(internalName, m);
    }
    return m;
  }

  /** Whether {@code type} is {@code ancestor} or extends or implements it, directly or not. */
  public boolean isSubtype(String type, String ancestor) {
    if (type.equals(ancestor)) {
      return true;
    }
    Optional<ClassModel> m = model(type);
    if (m.isEmpty()) {
      return false;
    }
    ClassModel c = m.get();
    if (c.superclass().isPresent() && isSubtype(c.superclass().get().asInternalName(), ancestor)) {
      return true;
    }
    for (ClassEntry i : c.interfaces()) {
      if (isSubtype(i.asInternalName(), ancestor)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the class can be instantiated (not an interface, not abstract). */
  public boolean isConcrete(String internalName) {
    return model(internalName)
        .map(c -> !c.flags().has(AccessFlag.INTERFACE) && !c.flags().has(AccessFlag.ABSTRACT))
        .orElse(false);
  }

  /** A method found in a class. */
  public record Found(String owner, MethodModel method) {
  }

  /**
   * The method a call {@code name desc} on an object of class {@code type} runs: declared in
   * {@code type} or its superclasses, else a default method of its interfaces; for an
   * interface or abstract class with no body, the abstract declaration. Null if none is found.
   */
  public Found resolve(String type, String name, String desc) {
    Found abstractOne = null;
    for (String c = type; c != null; ) {
      Optional<ClassModel> m = model(c);
      if (m.isEmpty()) {
        break;
      }
      MethodModel mm = declared(m.get(), name, desc);
      if (mm != null) {
        if (!mm.flags().has(AccessFlag.ABSTRACT)) {
          return new Found(c, mm);
        }
        if (abstractOne == null) {
          abstractOne = new Found(c, mm);
        }
      }
      c = m.get().superclass().map(ClassEntry::asInternalName).orElse(null);
    }
    Found viaInterface = fromInterfaces(type, name, desc, new LinkedHashSet<>());
    if (viaInterface != null && !viaInterface.method().flags().has(AccessFlag.ABSTRACT)) {
      return viaInterface;
    }
    return abstractOne != null ? abstractOne : viaInterface;
  }

  private Found fromInterfaces(String type, String name, String desc, Set<String> seen) {
    Found abstractOne = null;
    for (String c = type; c != null; ) {
      Optional<ClassModel> m = model(c);
      if (m.isEmpty()) {
        break;
      }
      for (ClassEntry i : m.get().interfaces()) {
        String iface = i.asInternalName();
        if (!seen.add(iface)) {
          continue;
        }
        MethodModel mm = model(iface).map(im -> declared(im, name, desc)).orElse(null);
        if (mm != null && !mm.flags().has(AccessFlag.ABSTRACT)) {
          return new Found(iface, mm);
        }
        if (mm != null && abstractOne == null) {
          abstractOne = new Found(iface, mm);
        }
        Found deeper = fromInterfaces(iface, name, desc, seen);
        if (deeper != null && !deeper.method().flags().has(AccessFlag.ABSTRACT)) {
          return deeper;
        }
        if (deeper != null && abstractOne == null) {
          abstractOne = deeper;
        }
      }
      c = m.get().superclass().map(ClassEntry::asInternalName).orElse(null);
    }
    return abstractOne;
  }

  /** Every method of {@code type} itself named {@code name}, in declaration order. */
  public List<MethodModel> declared(String type, String name) {
    List<MethodModel> result = new ArrayList<>();
    model(type).ifPresent(c -> {
      for (MethodModel m : c.methods()) {
        if (m.methodName().equalsString(name)) {
          result.add(m);
        }
      }
    });
    return result;
  }

  private static MethodModel declared(ClassModel c, String name, String desc) {
    for (MethodModel m : c.methods()) {
      if (m.methodName().equalsString(name) && m.methodType().equalsString(desc)) {
        return m;
      }
    }
    return null;
  }

  private byte[] read(String internalName) {
    String resource = internalName + ".class";
    if (scoped != null && scoped.containsKey(internalName)) {
      byte[] b = readFromRoot(scoped.get(internalName), resource);
      if (b != null) {
        return b;
      }
    }
    for (ClassLoader l : loaders) {
      try (InputStream in = l.getResourceAsStream(resource)) {
        if (in != null) {
          return in.readAllBytes();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
    for (Path root : roots) {
      byte[] b = readFromRoot(root, resource);
      if (b != null) {
        return b;
      }
    }
    return null;
  }

  private static byte[] readFromRoot(Path root, String resource) {
    try {
      if (Files.isDirectory(root)) {
        Path p = root.resolve(resource);
        return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
      }
      if (Files.isRegularFile(root)) {
        try (JarFile jar = new JarFile(root.toFile())) {
          JarEntry e = jar.getJarEntry(resource);
          if (e == null) {
            return null;
          }
          try (InputStream in = jar.getInputStream(e)) {
            return in.readAllBytes();
          }
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " from " + root, e);
    }
  }

  private void list(Path root, Map<String, Path> found) {
    try {
      if (Files.isDirectory(root)) {
        for (String prefix : prefixes) {
          Path dir = root.resolve(prefix);
          if (!Files.isDirectory(dir)) {
            continue;
          }
          try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
              String name = root.relativize(f).toString().replace(File.separatorChar, '/');
              add(name.substring(0, name.length() - ".class".length()), root, found);
            });
          }
        }
      } else if (Files.isRegularFile(root) && root.toString().endsWith(".jar")) {
        try (JarFile jar = new JarFile(root.toFile())) {
          jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class"))
              .forEach(n -> add(n.substring(0, n.length() - ".class".length()), root, found));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private void add(String name, Path root, Map<String, Path> found) {
    if (inScope(name) && !name.endsWith("/package-info") && !name.endsWith("/module-info")) {
      found.putIfAbsent(name, root);
    }
  }

  private void root(Class<?> c) {
    try {
      if (c.getProtectionDomain().getCodeSource() != null
          && c.getProtectionDomain().getCodeSource().getLocation() != null) {
        roots.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
      }
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      // A code source that is not a file (a bundle URL in a framework): the loaders still see it.
    }
  }

  private static Path rootOf(URL url, String prefix) {
    try {
      switch (url.getProtocol()) {
        case "file" -> {
          Path dir = Path.of(url.toURI());
          Path r = dir;
          for (int i = 0; i < prefix.split("/").length; i++) {
            r = r.getParent();
          }
          return r;
        }
        case "jar" -> {
          String s = url.getPath();
          int bang = s.indexOf("!/");
          return bang < 0 ? null : Path.of(java.net.URI.create(s.substring(0, bang)));
        }
        default -> {
          return null;
        }
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
