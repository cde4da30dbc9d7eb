package org.patchwork.marketplace.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Version;
import org.patchwork.repository.Catalogue;
import org.patchwork.repository.Digests;
import org.patchwork.repository.JarInspector;
import org.patchwork.repository.Keys;
import org.patchwork.repository.Signatures;
import org.patchwork.sdk.cli.UsageException;

/**
 * Downloads each planned jar and checks it before anything is installed: its size and SHA-256
 * against the signed catalogue; its publisher's detached signature over the whole file; that the
 * publisher's key is one the user trusts (the repository's own key, a key given to
 * {@code market trust}, or the key pinned for that bundle id at its first install) and is the
 * pinned one if a pin exists; that the jar is safe to open (no zip bomb) and is the bundle the
 * catalogue says; and that this host is recent enough for it.
 */
final class Verifier {

  /** A planned step whose jar passed every check. */
  record Verified(Planner.Step step, Path jar) {
  }

  private final Fetcher fetcher;
  private final Market.Listener listener;

  Verifier(Fetcher fetcher, Market.Listener listener) {
    this.fetcher = fetcher;
    this.listener = listener;
  }

  Verified verify(Planner.Step step, Path staging, List<String> trusted, Map<String, String> pins, Version host)
      throws IOException {
    Catalogue.Release rel = step.release();
    String what = step.id() + " " + rel.version();
    Version needs = Version.parseVersion(rel.minimumHostVersion() == null ? "0" : rel.minimumHostVersion());
    if (withoutQualifier(host).compareTo(needs) < 0) {
      throw new UsageException(what + " needs Patchwork " + needs + " or later; this host is " + host);
    }
    String pinned = pins.get(step.id());
    if (pinned != null && !pinned.equals(rel.publisherKey())) {
      throw new UsageException(what + " is signed by publisher key " + Keys.shortName(rel.publisherKey()) + ", but "
          + step.id() + " was first installed from key " + Keys.shortName(pinned) + " and is pinned to it (a changed"
          + " publisher, or an impostor); refused. 'patchwork market trust KEYFILE --for " + step.id()
          + "' re-pins it if the publisher really changed keys");
    }
    String repoKey = step.repo().catalogue().repositoryKey();
    if (pinned == null && !rel.publisherKey().equals(repoKey) && !trusted.contains(rel.publisherKey())) {
      throw new UsageException(what + " is signed by unknown publisher key " + Keys.shortName(rel.publisherKey())
          + " (not the key of repository '" + step.repo().repo().name() + "'); refused. If you know this publisher,"
          + " 'patchwork market trust KEYFILE' trusts their public key");
    }

    Path jar = staging.resolve(step.id() + "-" + rel.version() + ".jar");
    fetcher.download(Fetcher.resolve(step.repo().base(), rel.path()), rel.size(), jar,
        listener.download(step.id(), rel.version(), rel.size()));
    long size = Files.size(jar);
    String sha = Digests.sha256(jar);
    if (size != rel.size() || !sha.equals(rel.sha256())) {
      throw new UsageException(what + ": the downloaded jar's SHA-256 " + sha.substring(0, 16) + "... (" + size
          + " bytes) does not match the catalogue's " + rel.sha256().substring(0, 16) + "... (" + rel.size()
          + " bytes): it was changed after publication; refused");
    }
    byte[] sigBytes = fetcher.fetch(Fetcher.resolve(step.repo().base(), rel.signature()), 512);
    Signatures.Detached sig;
    try {
      sig = Signatures.parse(sigBytes);
    } catch (IllegalArgumentException e) {
      throw new UsageException(what + ": its publisher signature is " + e.getMessage() + "; refused");
    }
    PublicKey key = Keys.publicKey(step.repo().catalogue().keys().get(rel.publisherKey()));
    if (!sig.keyFingerprint().equals(rel.publisherKey())) {
      throw new UsageException(what + ": its signature was made with key " + Keys.shortName(sig.keyFingerprint())
          + ", not the publisher key " + Keys.shortName(rel.publisherKey()) + " the catalogue names; refused");
    }
    if (!Signatures.verify(key, jar, sig)) {
      throw new UsageException(what + ": the publisher signature does not verify with key "
          + Keys.shortName(rel.publisherKey()) + " (a wrong or forged signature); refused");
    }
    JarInspector.BundleFacts facts;
    try {
      facts = JarInspector.inspect(jar, JarInspector.Limits.DEFAULT);
    } catch (JarInspector.UnsafeJarException e) {
      throw new UsageException(what + ": " + e.getMessage() + "; refused");
    }
    if (!facts.symbolicName().equals(step.id()) || !Version.parseVersion(facts.version()).equals(
        Version.parseVersion(rel.version()))) {
      throw new UsageException(what + ": the jar says it is " + facts.symbolicName() + " " + facts.version() + "; refused");
    }
    return new Verified(step, jar);
  }

  private static Version withoutQualifier(Version v) {
    return new Version(v.getMajor(), v.getMinor(), v.getMicro());
  }
}
