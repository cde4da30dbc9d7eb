package org.patchwork.project;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.patchwork.project.internal.Hashes;
import org.patchwork.sdk.module.ModuleFactory;

/**
 * Lockfile entries from the running framework: for each module id, the bundle that registered
 * its {@link ModuleFactory} (the highest ranked, as the engine picks it), that bundle's
 * symbolic name and version, and the SHA-256 of its jar. The jar is found through the bundle's
 * location ({@code reference:file:...}, {@code file:...}, {@code deploy:file:...}); a bundle
 * installed from a stream without a file is hashed over its entries instead.
 *
 * <p>Thread: any. Hashes are cached per bundle id and last-modified time.
 */
@ProviderType
public final class FrameworkModuleLocks implements ModuleLocks {

  private record Cached(long modified, String sha256, LockEntry.HashSource source) {
  }

  private final BundleContext context;
  private final Map<Long, Cached> hashes = new ConcurrentHashMap<>();

  /** Locks against the framework {@code context} belongs to. */
  public FrameworkModuleLocks(BundleContext context) {
    this.context = context;
  }

  @Override
  public List<LockEntry> lock(Collection<String> moduleIds) {
    Map<String, LockEntry> out = new TreeMap<>();
    for (String id : moduleIds) {
      ServiceReference<ModuleFactory> ref = provider(id);
      Bundle b = ref == null ? null : ref.getBundle();
      if (b == null) {
        continue;
      }
      Cached h = hash(b);
      out.put(id, new LockEntry(id, b.getSymbolicName(), b.getVersion().toString(), h.sha256(), h.source()));
    }
    return new ArrayList<>(out.values());
  }

  private ServiceReference<ModuleFactory> provider(String id) {
    try {
      Collection<ServiceReference<ModuleFactory>> refs = context.getServiceReferences(ModuleFactory.class,
          "(" + ModuleFactory.MODULE_ID + "=" + escape(id) + ")");
      return refs.stream().max(Comparator.naturalOrder()).orElse(null);
    } catch (InvalidSyntaxException e) {
      return null;
    }
  }

  private Cached hash(Bundle b) {
    Cached c = hashes.get(b.getBundleId());
    if (c != null && c.modified() == b.getLastModified()) {
      return c;
    }
    Path jar = jar(b.getLocation());
    Cached fresh;
    try {
      fresh = jar != null
          ? new Cached(b.getLastModified(), sha256(jar), LockEntry.HashSource.JAR)
          : new Cached(b.getLastModified(), entries(b), LockEntry.HashSource.ENTRIES);
    } catch (IOException e) {
      fresh = new Cached(b.getLastModified(), entriesQuietly(b), LockEntry.HashSource.ENTRIES);
    }
    hashes.put(b.getBundleId(), fresh);
    return fresh;
  }

  /** The jar file behind a bundle location, or null if it does not name one. */
  static Path jar(String location) {
    if (location == null) {
      return null;
    }
    String l = location;
    for (String prefix : new String[] {"reference:", "deploy:"}) {
      if (l.startsWith(prefix)) {
        l = l.substring(prefix.length());
      }
    }
    try {
      URI uri = URI.create(l);
      if ("file".equals(uri.getScheme())) {
        Path p = Path.of(uri);
        return Files.isRegularFile(p) ? p : null;
      }
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
    return null;
  }

  private static String sha256(Path jar) throws IOException {
    try (InputStream in = Files.newInputStream(jar)) {
      return Hashes.sha256(in);
    }
  }

  private static String entriesQuietly(Bundle b) {
    try {
      return entries(b);
    } catch (IOException e) {
      return Hashes.sha256(new byte[0]);
    }
  }

  /** SHA-256 over each entry's name, a NUL, its bytes and a NUL, in name order. */
  private static String entries(Bundle b) throws IOException {
    Enumeration<URL> found = b.findEntries("/", "*", true);
    List<URL> urls = found == null ? List.of() : Collections.list(found);
    List<URL> sorted = new ArrayList<>(urls);
    sorted.sort(Comparator.comparing(URL::getPath));
    MessageDigest d = Hashes.sha256();
    for (URL u : sorted) {
      if (u.getPath().endsWith("/")) {
        continue;
      }
      d.update(u.getPath().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      d.update((byte) 0);
      try (InputStream in = u.openStream()) {
        d.update(in.readAllBytes());
      }
      d.update((byte) 0);
    }
    return HexFormat.of().formatHex(d.digest());
  }

  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
  }
}
