package org.patchwork.marketplace.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.patchwork.repository.Catalogue;
import org.patchwork.repository.CatalogueJson;
import org.patchwork.repository.Digests;
import org.patchwork.repository.Keys;
import org.patchwork.repository.Signatures;
import org.patchwork.repository.SiteLayout;
import org.patchwork.sdk.cli.UsageException;

/**
 * Fetches and checks repository catalogues, TUF style: the catalogue must be signed by the key
 * the user gave to {@code add-repo}, must not have expired (an attacker cannot freeze a client
 * on an old catalogue for longer than its validity), and its version must not be lower than the
 * highest seen before (an attacker cannot replay an old, vulnerable catalogue); the same version
 * with other bytes is refused too. The index must match the digest the catalogue gives. What
 * passes is cached for offline browsing and re-checked (signature) whenever it is read back.
 */
final class Catalogues {

  /** A catalogue that passed every check, with its parsed index. */
  record Verified(MarketState.Repo repo, Catalogue catalogue, List<IndexResource> index, boolean fresh) {
    URI base() {
      return Fetcher.base(repo.url());
    }

    boolean expired(Clock clock) {
      return !Instant.now(clock).isBefore(Instant.parse(catalogue.expires()));
    }
  }

  private static final int MAX_INDEX = 64 << 20;

  private final MarketHome home;
  private final Fetcher fetcher;
  private final Clock clock;

  Catalogues(MarketHome home, Fetcher fetcher, Clock clock) {
    this.home = home;
    this.fetcher = fetcher;
    this.clock = clock;
  }

  /**
   * Downloads and checks a repository's catalogue and index and caches them.
   *
   * @throws UsageException if the repository fails a check (its content is not to be trusted)
   * @throws Fetcher.Unreachable if it cannot be reached
   */
  Verified refresh(MarketState.Repo repo) throws IOException {
    URI base = Fetcher.base(repo.url());
    byte[] bytes = fetcher.fetch(Fetcher.resolve(base, SiteLayout.CATALOGUE), CatalogueJson.MAX_BYTES);
    byte[] sig = fetcher.fetch(Fetcher.resolve(base, SiteLayout.CATALOGUE_SIGNATURE), 512);
    Path cache = home.cache(repo.name());
    Path cached = cache.resolve(SiteLayout.CATALOGUE);
    byte[] before = Files.exists(cached) ? Files.readAllBytes(cached) : null;
    Catalogue c = check(repo, bytes, sig, true);
    if (c.version() == repo.highestVersion() && before != null && !Arrays.equals(before, bytes)) {
      throw new UsageException("repository '" + repo.name() + "': catalogue version " + c.version()
          + " changed without a new version number; refused");
    }
    byte[] index = fetcher.fetch(Fetcher.resolve(base, c.index().path()), Math.min(MAX_INDEX, c.index().size()));
    if (index.length != c.index().size() || !Digests.sha256(index).equals(c.index().sha256())) {
      throw new UsageException("repository '" + repo.name() + "': its index does not match the SHA-256 the signed catalogue"
          + " gives; refused");
    }
    List<IndexResource> resources = R5Index.parse(index, repo.name());
    Files.createDirectories(cache);
    MarketState.writeBytes(cache.resolve(SiteLayout.INDEX), index);
    MarketState.writeBytes(cache.resolve(SiteLayout.CATALOGUE_SIGNATURE), sig);
    MarketState.writeBytes(cached, bytes);
    return new Verified(repo.withHighest(c.version()), c, resources, true);
  }

  /**
   * The cached catalogue of a repository, its signature checked again, or null if none is cached.
   * Expiry is not checked here: browsing an expired catalogue is harmless, installing from it
   * is refused by the caller.
   */
  Verified cached(MarketState.Repo repo) throws IOException {
    Path cache = home.cache(repo.name());
    Path file = cache.resolve(SiteLayout.CATALOGUE);
    if (!Files.exists(file)) {
      return null;
    }
    Catalogue c = check(repo, Files.readAllBytes(file), Files.readAllBytes(cache.resolve(SiteLayout.CATALOGUE_SIGNATURE)),
        false);
    byte[] index = Files.readAllBytes(cache.resolve(SiteLayout.INDEX));
    if (!Digests.sha256(index).equals(c.index().sha256())) {
      throw new UsageException("repository '" + repo.name() + "': the cached index was changed; run 'patchwork market refresh'");
    }
    return new Verified(repo, c, R5Index.parse(index, repo.name()), false);
  }

  /** Signature, repository key, expiry (if asked) and version checks of catalogue bytes. */
  Catalogue check(MarketState.Repo repo, byte[] bytes, byte[] sigBytes, boolean checkExpiry) {
    String name = "repository '" + repo.name() + "'";
    PublicKey key = Keys.publicKey(repo.key());
    String expected = Keys.fingerprint(key);
    Signatures.Detached sig;
    try {
      sig = Signatures.parse(sigBytes);
    } catch (IllegalArgumentException e) {
      throw new UsageException(name + ": catalogue.json.sig is " + e.getMessage() + "; refused");
    }
    if (!sig.keyFingerprint().equals(expected)) {
      throw new UsageException(name + ": the catalogue is signed by key " + Keys.shortName(sig.keyFingerprint())
          + ", not by the repository key " + Keys.shortName(expected) + " given to add-repo; refused");
    }
    if (!Signatures.verify(key, bytes, sig)) {
      throw new UsageException(name + ": the catalogue's signature does not verify with the repository key "
          + Keys.shortName(expected) + " (changed in transit or by the server); refused");
    }
    Catalogue c;
    try {
      c = CatalogueJson.read(bytes);
    } catch (CatalogueJson.InvalidCatalogueException e) {
      throw new UsageException(name + ": " + e.getMessage());
    }
    if (!c.repositoryKey().equals(expected)) {
      throw new UsageException(name + ": the catalogue names repository key " + Keys.shortName(c.repositoryKey())
          + " but is signed by " + Keys.shortName(expected) + "; refused");
    }
    if (checkExpiry && !Instant.now(clock).isBefore(Instant.parse(c.expires()))) {
      throw new UsageException(name + ": the catalogue expired at " + c.expires() + " (a stale or frozen mirror?);"
          + " the repository must publish again; refused");
    }
    if (c.version() < repo.highestVersion()) {
      throw new UsageException(name + ": catalogue version " + c.version() + " is older than version " + repo.highestVersion()
          + " seen before (a replayed old catalogue?); refused");
    }
    return c;
  }

  /** Keys the user trusts explicitly, by fingerprint. */
  List<String> trustedKeys() throws IOException {
    List<String> keys = new ArrayList<>();
    if (Files.isDirectory(home.trusted())) {
      try (var files = Files.list(home.trusted())) {
        for (Path p : files.filter(f -> f.toString().endsWith(".pub")).toList()) {
          keys.add(Keys.fingerprint(Keys.readPublic(p)));
        }
      }
    }
    return keys;
  }
}
