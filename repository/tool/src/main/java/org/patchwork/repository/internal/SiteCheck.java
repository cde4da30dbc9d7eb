package org.patchwork.repository.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.patchwork.repository.Catalogue;
import org.patchwork.repository.CatalogueJson;
import org.patchwork.repository.Digests;
import org.patchwork.repository.JarInspector;
import org.patchwork.repository.Keys;
import org.patchwork.repository.Signatures;
import org.patchwork.repository.SiteLayout;

/**
 * {@code repo verify}: checks a site folder as a client would before installing from it: the
 * catalogue's signature by the given repository key and its expiry, the index's digest, and
 * every jar's size, digest, publisher signature and safety. Reports every problem, not just the
 * first, so a repository maintainer can fix a site in one go.
 */
final class SiteCheck {

  private SiteCheck() {
  }

  /** The problems found; empty when the site is sound. Adds a summary line to {@code report}. */
  static List<String> check(Path site, PublicKey repositoryKey, Clock clock, List<String> report) throws IOException {
    List<String> problems = new ArrayList<>();
    Path file = site.resolve(SiteLayout.CATALOGUE);
    Path sigFile = site.resolve(SiteLayout.CATALOGUE_SIGNATURE);
    if (!Files.isRegularFile(file) || !Files.isRegularFile(sigFile)) {
      return List.of(site + " has no " + SiteLayout.CATALOGUE + " and " + SiteLayout.CATALOGUE_SIGNATURE);
    }
    byte[] bytes = Files.readAllBytes(file);
    try {
      if (!Signatures.verify(repositoryKey, bytes, Signatures.parse(Files.readAllBytes(sigFile)))) {
        problems.add("the catalogue's signature does not verify with " + Keys.shortName(Keys.fingerprint(repositoryKey)));
      }
    } catch (IllegalArgumentException e) {
      problems.add(SiteLayout.CATALOGUE_SIGNATURE + ": " + e.getMessage());
    }
    Catalogue c;
    try {
      c = CatalogueJson.read(bytes);
    } catch (CatalogueJson.InvalidCatalogueException e) {
      problems.add(e.getMessage());
      return problems;
    }
    if (!Instant.now(clock).isBefore(Instant.parse(c.expires()))) {
      problems.add("the catalogue expired at " + c.expires() + "; publish again to renew it");
    }
    checkFile(site, c.index().path(), c.index().sha256(), c.index().size(), problems);
    int jars = 0;
    for (Catalogue.Entry e : c.bundles()) {
      for (Catalogue.Release r : e.versions()) {
        jars++;
        String what = e.id() + " " + r.version();
        Path jar = site.resolve(r.path());
        if (!checkFile(site, r.path(), r.sha256(), r.size(), problems)) {
          continue;
        }
        try {
          PublicKey key = Keys.publicKey(c.keys().get(r.publisherKey()));
          Signatures.Detached sig = Signatures.parse(Files.readAllBytes(site.resolve(r.signature())));
          if (!sig.keyFingerprint().equals(r.publisherKey()) || !Signatures.verify(key, jar, sig)) {
            problems.add(what + ": the publisher signature does not verify with " + Keys.shortName(r.publisherKey()));
          }
          JarInspector.BundleFacts facts = JarInspector.inspect(jar, JarInspector.Limits.DEFAULT);
          if (!facts.symbolicName().equals(e.id()) || !facts.version().equals(r.version())) {
            problems.add(what + ": the jar says it is " + facts.symbolicName() + " " + facts.version());
          }
        } catch (IOException | IllegalArgumentException ex) {
          problems.add(what + ": " + ex.getMessage());
        }
      }
    }
    report.add("catalogue version " + c.version() + " of '" + c.name() + "', " + c.bundles().size() + " bundles, "
        + jars + " jars, expires " + c.expires() + ": " + (problems.isEmpty() ? "sound" : problems.size() + " problems"));
    return problems;
  }

  private static boolean checkFile(Path site, String path, String sha256, long size, List<String> problems)
      throws IOException {
    Path f = site.resolve(path);
    if (!Files.isRegularFile(f)) {
      problems.add(path + " is missing");
      return false;
    }
    if (Files.size(f) != size || !Digests.sha256(f).equals(sha256)) {
      problems.add(path + " does not match the size and SHA-256 the catalogue gives");
      return false;
    }
    return true;
  }
}
