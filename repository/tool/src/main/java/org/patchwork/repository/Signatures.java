package org.patchwork.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Detached Ed25519 signatures over whole files. A signature file is one line of text:
 * {@code ed25519 FINGERPRINT BASE64}, naming the signing key (see {@link Keys#fingerprint}) so
 * that a mismatch can be reported by name; the signature covers the file's bytes exactly.
 *
 * <pre>{@code
 * String line = Signatures.sign(pair, Files.readAllBytes(jar));
 * Files.writeString(Path.of(jar + ".sig"), line);
 * Signatures.Detached sig = Signatures.parse(Files.readString(Path.of(jar + ".sig")));
 * boolean ok = Signatures.verify(publicKey, jar, sig);
 * }</pre>
 */
@ProviderType
public final class Signatures {

  private static final Pattern LINE = Pattern.compile("ed25519 ([0-9a-f]{64}) ([A-Za-z0-9+/]{86}==)\\s*");

  private Signatures() {
  }

  /** A parsed signature file. */
  public record Detached(String keyFingerprint, byte[] signature) {
  }

  /** Signs {@code data}; returns the signature file's text (with a final newline). */
  public static String sign(KeyPair pair, byte[] data) {
    try {
      Signature s = Signature.getInstance(Keys.ALGORITHM);
      s.initSign(pair.getPrivate());
      s.update(data);
      return "ed25519 " + Keys.fingerprint(pair.getPublic()) + " " + Base64.getEncoder().encodeToString(s.sign()) + "\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + pair.getPrivate().getAlgorithm() + ": " + e.getMessage(), e);
    }
  }

  /** Signs a file, read in full (bundles are capped in size before this is reached). */
  public static String sign(KeyPair pair, Path file) throws IOException {
    return sign(pair, Files.readAllBytes(file));
  }

  /**
   * Parses a signature file's text.
   *
   * @throws IllegalArgumentException if it is not one {@code ed25519 FINGERPRINT BASE64} line
   */
  public static Detached parse(String text) {
    Matcher m = LINE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a Patchwork signature (expected one line 'ed25519 FINGERPRINT BASE64')");
    }
    return new Detached(m.group(1), Base64.getDecoder().decode(m.group(2)));
  }

  /** Parses signature bytes as downloaded; rejects anything larger than a signature line. */
  public static Detached parse(byte[] bytes) {
    if (bytes.length > 512) {
      throw new IllegalArgumentException("not a Patchwork signature (" + bytes.length + " bytes)");
    }
    return parse(new String(bytes, StandardCharsets.US_ASCII));
  }

  /** Whether {@code sig} is {@code key}'s signature of {@code data}. */
  public static boolean verify(PublicKey key, byte[] data, Detached sig) {
    try {
      Signature s = Signature.getInstance(Keys.ALGORITHM);
      s.initVerify(key);
      s.update(data);
      return s.verify(sig.signature());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Whether {@code sig} is {@code key}'s signature of the file, streamed. */
  public static boolean verify(PublicKey key, Path file, Detached sig) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Signature s = Signature.getInstance(Keys.ALGORITHM);
      s.initVerify(key);
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        s.update(buffer, 0, n);
      }
      return s.verify(sig.signature());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
