package org.patchwork.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Ed25519 key files. A public key file is the PEM {@code PUBLIC KEY} block (X.509
 * SubjectPublicKeyInfo), as {@code openssl pkey -pubout} writes it; a private key file is the
 * PEM {@code PRIVATE KEY} block (PKCS#8) followed by the public block, because the JDK cannot
 * derive an Ed25519 public key from a private one. A key is named by its fingerprint: the
 * lowercase hex SHA-256 of its X.509 encoding.
 *
 * <pre>{@code
 * KeyPair pair = Keys.generate();
 * Keys.write(pair, dir.resolve("private.key"), dir.resolve("public.key"));
 * String id = Keys.fingerprint(pair.getPublic());
 * }</pre>
 */
@ProviderType
public final class Keys {

  /** The JDK's name of the algorithm. */
  public static final String ALGORITHM = "Ed25519";

  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

  private Keys() {
  }

  /** A fresh key pair from the JDK's strong random source. */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519 (every JDK since 15 has)", e);
    }
  }

  /** Writes the private file (owner-only where the file system allows) and the public file. */
  public static void write(KeyPair pair, Path privateFile, Path publicFile) throws IOException {
    String priv = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
    Files.deleteIfExists(privateFile);
    try {
      Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(privateFile);
    }
    Files.writeString(privateFile, priv, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
  }

  /**
   * Reads a private key file: both halves of the pair.
   *
   * @throws KeyFileException naming the file and what is wrong with it
   */
  public static KeyPair readPrivate(Path file) throws IOException {
    String text = readSmall(file);
    byte[] priv = block(text, "PRIVATE KEY", file);
    byte[] pub = block(text, "PUBLIC KEY", file);
    if (priv == null) {
      throw new KeyFileException(file + " is not a private key file (no PEM PRIVATE KEY block)");
    }
    if (pub == null) {
      throw new KeyFileException(file + " has no PUBLIC KEY block after the private key; append it with"
          + " 'openssl pkey -in " + file.getFileName() + " -pubout >> " + file.getFileName() + "'");
    }
    try {
      KeyFactory f = KeyFactory.getInstance(ALGORITHM);
      return new KeyPair(f.generatePublic(new X509EncodedKeySpec(pub)), f.generatePrivate(new PKCS8EncodedKeySpec(priv)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new KeyFileException(file + " does not hold an Ed25519 key pair: " + e.getMessage());
    }
  }

  /**
   * Reads a public key file.
   *
   * @throws KeyFileException naming the file and what is wrong with it
   */
  public static PublicKey readPublic(Path file) throws IOException {
    String text = readSmall(file);
    if (block(text, "PRIVATE KEY", file) != null) {
      throw new KeyFileException(file + " holds a private key; give the public key file (keep the private one secret)");
    }
    byte[] pub = block(text, "PUBLIC KEY", file);
    if (pub == null) {
      throw new KeyFileException(file + " is not a public key file (no PEM PUBLIC KEY block)");
    }
    try {
      return publicKey(pub);
    } catch (IllegalArgumentException e) {
      throw new KeyFileException(file + ": " + e.getMessage());
    }
  }

  /** An Ed25519 public key from its X.509 encoding; rejects any other algorithm. */
  public static PublicKey publicKey(byte[] x509) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
    }
  }

  /** An Ed25519 public key from the base64 of its X.509 encoding, as catalogues carry it. */
  public static PublicKey publicKey(String base64) {
    try {
      return publicKey(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
    }
  }

  /** The base64 of the key's X.509 encoding. */
  public static String base64(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /** The key's name: lowercase hex SHA-256 of its X.509 encoding (64 characters). */
  public static String fingerprint(PublicKey key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The short form users read: {@code ed25519:} and the first 16 hex digits. */
  public static String shortName(String fingerprint) {
    return "ed25519:" + fingerprint.substring(0, Math.min(16, fingerprint.length()));
  }

  /** The PEM text of a public key, for writing a trusted key to a file. */
  public static String publicPem(PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  private static String readSmall(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new KeyFileException("no such key file: " + file);
    }
    if (Files.size(file) > 16 * 1024) {
      throw new KeyFileException(file + " is too large to be a key file");
    }
    return Files.readString(file, StandardCharsets.US_ASCII);
  }

  private static byte[] block(String text, String type, Path file) throws KeyFileException {
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(type)) {
        try {
          return Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
          throw new KeyFileException(file + ": the " + type + " block is not valid base64");
        }
      }
    }
    return null;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  /** A key file that is missing or unreadable; the message names the file. */
  public static final class KeyFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
      super(message);
    }
  }
}
