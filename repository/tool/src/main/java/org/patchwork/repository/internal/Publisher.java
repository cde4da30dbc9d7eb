package org.patchwork.repository.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.framework.Version;
import org.patchwork.repository.Catalogue;
import org.patchwork.repository.CatalogueJson;
import org.patchwork.repository.Digests;
import org.patchwork.repository.JarInspector.BundleFacts;
import org.patchwork.repository.JarInspector;
import org.patchwork.repository.Keys;
import org.patchwork.repository.Signatures;
import org.patchwork.repository.SiteLayout;

/**
 * {@code repo publish}: adds bundles to a site folder. Everything is checked before anything is
 * written (each jar's safety, immutability of published versions, module compatibility), then
 * jars and signatures are copied, the R5 index is regenerated, and the catalogue is written with
 * its version one higher and signed last. A refused publication leaves the site as it was.
 */
final class Publisher {

  /**
   * What to publish.
   *
   * @param site the site folder (created if missing)
   * @param repositoryKey signs the catalogue; must be the key that signed the site before
   * @param publisherKey signs the bundles (often the same key)
   * @param jars bundle jars
   * @param validFor how long the catalogue stays valid
   * @param name the repository's name, or null to keep the current one
   */
  record Request(Path site, KeyPair repositoryKey, KeyPair publisherKey, List<Path> jars, Duration validFor,
      String name) {
  }

  /** A publication refused before anything was written; the message says why. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private record Input(Path jar, BundleFacts facts, String sha256, long size) {
    Version version() {
      return Version.parseVersion(facts.version());
    }
  }

  private record Planned(Input input, Metadata meta, Catalogue.Release release) {
  }

  private Publisher() {
  }

  /** Publishes; returns one line per bundle and one for the catalogue. */
  static List<String> publish(Request r, Clock clock) throws IOException, Refused {
    Path site = r.site().toAbsolutePath().normalize();
    Files.createDirectories(site.resolve(SiteLayout.BUNDLES));
    try (FileChannel lockFile = FileChannel.open(site.resolve(".publish.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
      if (lock == null) {
        throw new Refused("another 'repo publish' is writing " + site + "; try again when it has finished");
      }
      return publishLocked(site, r, clock);
    }
  }

  private static List<String> publishLocked(Path site, Request r, Clock clock) throws IOException, Refused {
    String repoFingerprint = Keys.fingerprint(r.repositoryKey().getPublic());
    String publisherFingerprint = Keys.fingerprint(r.publisherKey().getPublic());
    Catalogue old = readSigned(site, repoFingerprint, r.repositoryKey());
    Map<String, Catalogue.Entry> entries = new TreeMap<>();
    if (old != null) {
      old.bundles().forEach(e -> entries.put(e.id(), e));
    }

    List<Input> inputs = new ArrayList<>();
    for (Path jar : r.jars()) {
      if (!Files.isRegularFile(jar)) {
        throw new Refused("no such jar: " + jar);
      }
      BundleFacts facts;
      try {
        facts = JarInspector.inspect(jar, JarInspector.Limits.DEFAULT);
      } catch (JarInspector.UnsafeJarException e) {
        throw new Refused(e.getMessage());
      }
      inputs.add(new Input(jar, facts, Digests.sha256(jar), Files.size(jar)));
    }
    inputs.sort(Comparator.comparing((Input i) -> i.facts().symbolicName()).thenComparing(Input::version));
    for (int i = 1; i < inputs.size(); i++) {
      Input a = inputs.get(i - 1);
      Input b = inputs.get(i);
      if (a.facts().symbolicName().equals(b.facts().symbolicName()) && a.version().equals(b.version())) {
        throw new Refused(a.jar().getFileName() + " and " + b.jar().getFileName() + " are both "
            + a.facts().symbolicName() + " " + a.version());
      }
    }

    // Phase 1: check everything; nothing is written. The index is rebuilt from every jar, so a
    // damaged jar in the site must not be signed into it.
    for (Catalogue.Entry e : entries.values()) {
      for (Catalogue.Release rel : e.versions()) {
        Path jar = site.resolve(rel.path());
        if (!Files.isRegularFile(jar) || !Digests.sha256(jar).equals(rel.sha256())) {
          throw new Refused("the site is damaged: " + rel.path() + " is missing or does not match its SHA-256 in the"
              + " catalogue; restore it (or check the site with 'patchwork repo verify')");
        }
      }
    }
    List<Path> scanPath = new ArrayList<>(inputs.stream().map(Input::jar).toList());
    for (Catalogue.Entry e : entries.values()) {
      e.latest().ifPresent(rel -> scanPath.add(site.resolve(rel.path())));
    }
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    List<Planned> plan = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    DescriptorScan scan = new DescriptorScan(scanPath);
    try {
      for (Input in : inputs) {
        String id = in.facts().symbolicName();
        Catalogue.Entry entry = entries.get(id);
        Optional<Catalogue.Release> same = entry == null ? Optional.empty() : entry.release(in.facts().version());
        if (same.isPresent()) {
          if (same.get().sha256().equals(in.sha256())) {
            lines.add("unchanged " + id + " " + in.version() + " (already published with the same bytes)");
            continue;
          }
          throw new Refused(id + " " + in.version() + " is already published with other bytes; published versions"
              + " never change, so give the bundle a new version");
        }
        List<Catalogue.ModuleInfo> modules = scan.modules(in.jar(), in.facts());
        checkCompatible(entry, in, modules, plan);
        Metadata meta = Metadata.of(in.jar(), in.facts(), modules);
        checkVersion(meta.minimumHostVersion(), id + ": minimum host version");
        String path = SiteLayout.bundlePath(id, in.facts().version());
        if (!CatalogueJson.safePath(path)) {
          throw new Refused(in.jar().getFileName() + ": the symbolic name " + id + " cannot name a file of the site");
        }
        plan.add(new Planned(in, meta, new Catalogue.Release(in.facts().version(), path, in.size(), in.sha256(),
            path + SiteLayout.SIGNATURE_SUFFIX, publisherFingerprint, meta.minimumHostVersion(), now, modules)));
      }
    } catch (IOException e) {
      // Phase 1 only reads the jars and sidecars given: any failure is the input's.
      throw new Refused(e.getMessage());
    }

    // Phase 2: write jars, signatures and screenshots, then the index, then the catalogue.
    for (Planned p : plan) {
      Catalogue.Release rel = p.release();
      copy(p.input().jar(), site.resolve(rel.path()));
      writeAtomically(site.resolve(rel.signature()),
          Signatures.sign(r.publisherKey(), site.resolve(rel.path())).getBytes(StandardCharsets.US_ASCII));
      entries.put(p.input().facts().symbolicName(),
          merge(entries.get(p.input().facts().symbolicName()), p, copyScreenshots(site, p)));
      lines.add("published " + p.input().facts().symbolicName() + " " + rel.version() + " (" + p.meta().kind()
          + ", sha256 " + rel.sha256().substring(0, 16) + "..., signed by " + Keys.shortName(publisherFingerprint) + ")");
    }
    long version = old == null ? 1 : old.version() + 1;
    String name = r.name() != null ? r.name() : old != null ? old.name() : site.getFileName().toString();
    List<String> jars = entries.values().stream().flatMap(e -> e.versions().stream()).map(Catalogue.Release::path)
        .sorted().toList();
    ByteArrayOutputStream index = new ByteArrayOutputStream();
    BundleIndexer.index(site, jars, name, version, index);
    byte[] indexBytes = index.toByteArray();
    writeAtomically(site.resolve(SiteLayout.INDEX), indexBytes);

    Map<String, String> keys = new TreeMap<>(old == null ? Map.of() : old.keys());
    keys.put(repoFingerprint, Keys.base64(r.repositoryKey().getPublic()));
    keys.put(publisherFingerprint, Keys.base64(r.publisherKey().getPublic()));
    Instant published = Instant.parse(now);
    Catalogue catalogue = new Catalogue(Catalogue.FORMAT, name, version, now,
        published.plus(r.validFor()).toString(), repoFingerprint,
        new Catalogue.FileRef(SiteLayout.INDEX, indexBytes.length, Digests.sha256(indexBytes)), keys,
        List.copyOf(entries.values()));
    byte[] bytes = CatalogueJson.write(catalogue);
    // Catalogue first, signature last: a client reading in between sees a mismatch and refuses,
    // it never accepts a half-written state.
    writeAtomically(site.resolve(SiteLayout.CATALOGUE), bytes);
    writeAtomically(site.resolve(SiteLayout.CATALOGUE_SIGNATURE),
        Signatures.sign(r.repositoryKey(), bytes).getBytes(StandardCharsets.US_ASCII));
    lines.add("catalogue version " + version + " of '" + name + "', " + entries.size() + " bundles, valid until "
        + catalogue.expires() + ", signed by " + Keys.shortName(repoFingerprint));
    return lines;
  }

  /** The site's current catalogue, checked against the repository key; null for a new site. */
  static Catalogue readSigned(Path site, String repoFingerprint, KeyPair repositoryKey) throws IOException, Refused {
    Path file = site.resolve(SiteLayout.CATALOGUE);
    if (!Files.exists(file)) {
      return null;
    }
    byte[] bytes = Files.readAllBytes(file);
    Path sigFile = site.resolve(SiteLayout.CATALOGUE_SIGNATURE);
    if (!Files.exists(sigFile)) {
      throw new Refused(site + " has a catalogue but no " + SiteLayout.CATALOGUE_SIGNATURE + "; restore it first");
    }
    Signatures.Detached sig;
    try {
      sig = Signatures.parse(Files.readAllBytes(sigFile));
    } catch (IllegalArgumentException e) {
      throw new Refused(sigFile + ": " + e.getMessage());
    }
    if (!sig.keyFingerprint().equals(repoFingerprint)) {
      throw new Refused(site + " is signed by repository key " + Keys.shortName(sig.keyFingerprint())
          + ", not by the --key given (" + Keys.shortName(repoFingerprint) + ")");
    }
    if (!Signatures.verify(repositoryKey.getPublic(), bytes, sig)) {
      throw new Refused(file + " does not match its signature; restore the site before publishing");
    }
    try {
      return CatalogueJson.read(bytes);
    } catch (CatalogueJson.InvalidCatalogueException e) {
      throw new Refused(file + ": " + e.getMessage());
    }
  }

  /**
   * A module bundle whose modules changed incompatibly must raise its major version, compared
   * with the newest earlier version published (or being published in the same run).
   */
  private static void checkCompatible(Catalogue.Entry entry, Input in, List<Catalogue.ModuleInfo> modules,
      List<Planned> plan) throws Refused {
    Catalogue.Release previous = null;
    List<Catalogue.Release> earlier = new ArrayList<>(entry == null ? List.of() : entry.versions());
    plan.stream().filter(p -> p.input().facts().symbolicName().equals(in.facts().symbolicName()))
        .forEach(p -> earlier.add(p.release()));
    for (Catalogue.Release rel : earlier) {
      Version v = Version.parseVersion(rel.version());
      if (v.compareTo(in.version()) < 0
          && (previous == null || v.compareTo(Version.parseVersion(previous.version())) > 0)) {
        previous = rel;
      }
    }
    if (previous == null || Version.parseVersion(previous.version()).getMajor() < in.version().getMajor()) {
      return;
    }
    List<String> changes = Compatibility.breakingChanges(previous.modules(), modules);
    if (!changes.isEmpty()) {
      throw new Refused(in.facts().symbolicName() + " " + in.version() + " changes its modules incompatibly"
          + " since " + previous.version() + " without a major version bump: " + String.join("; ", changes)
          + ". Publish it as " + (in.version().getMajor() + 1) + ".0.0, or keep the old ids");
    }
  }

  private static Catalogue.Entry merge(Catalogue.Entry old, Planned p, List<Catalogue.Screenshot> shots) {
    List<Catalogue.Release> versions = new ArrayList<>(old == null ? List.of() : old.versions());
    versions.add(p.release());
    versions.sort(Comparator.comparing((Catalogue.Release rel) -> Version.parseVersion(rel.version())).reversed());
    boolean newest = versions.get(0) == p.release();
    Metadata m = p.meta();
    if (old != null && !newest) {
      return new Catalogue.Entry(old.id(), old.name(), old.summary(), old.description(), old.kind(), old.tags(),
          old.author(), old.licence(), old.homepage(), old.screenshots(), versions);
    }
    return new Catalogue.Entry(p.input().facts().symbolicName(), m.name(), m.summary(), m.description(), m.kind(),
        m.tags(), m.author(), m.licence(), m.homepage(),
        shots.isEmpty() && old != null ? old.screenshots() : shots, versions);
  }

  private static List<Catalogue.Screenshot> copyScreenshots(Path site, Planned p) throws IOException {
    List<Catalogue.Screenshot> shots = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Metadata.Sidecar.Shot s : p.meta().screenshots()) {
      Path file = p.meta().sidecarFolder().resolve(s.file()).normalize();
      if (!Files.isRegularFile(file)) {
        throw new IOException("screenshot " + s.file() + " named by the sidecar of " + p.input().jar().getFileName()
            + " does not exist");
      }
      String name = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
      int n = seen.merge(name, 1, Integer::sum);
      String path = SiteLayout.SCREENSHOTS + p.input().facts().symbolicName() + "/" + (n > 1 ? n + "-" : "") + name;
      copy(file, site.resolve(path));
      shots.add(new Catalogue.Screenshot(path, Digests.sha256(file), s.caption() == null ? "" : s.caption()));
    }
    return shots;
  }

  private static void checkVersion(String version, String what) throws Refused {
    try {
      Version.parseVersion(version);
    } catch (IllegalArgumentException e) {
      throw new Refused(what + " is not a version: " + version);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Path temp = Files.createTempFile(to.getParent(), ".publishing", ".tmp");
    Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING);
    Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static void writeAtomically(Path to, byte[] bytes) throws IOException {
    Files.createDirectories(to.getParent());
    Path temp = Files.createTempFile(to.getParent(), ".publishing", ".tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      out.write(bytes);
    }
    Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
