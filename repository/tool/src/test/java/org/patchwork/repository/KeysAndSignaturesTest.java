package org.patchwork.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysAndSignaturesTest {

  @Test
  void keyFilesRoundTripAndPrivateFileIsOwnerOnly(@TempDir Path dir) throws Exception {
    KeyPair pair = Keys.generate();
    Keys.write(pair, dir.resolve("private.key"), dir.resolve("public.key"));
    KeyPair read = Keys.readPrivate(dir.resolve("private.key"));
    assertEquals(Keys.fingerprint(pair.getPublic()), Keys.fingerprint(read.getPublic()));
    assertEquals(Keys.fingerprint(pair.getPublic()), Keys.fingerprint(Keys.readPublic(dir.resolve("public.key"))));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private.key"))));
    assertEquals(64, Keys.fingerprint(pair.getPublic()).length());
    assertTrue(Files.readString(dir.resolve("public.key")).startsWith("-----BEGIN PUBLIC KEY-----"));
  }

  @Test
  void wrongKeyFilesAreNamed(@TempDir Path dir) throws Exception {
    KeyPair pair = Keys.generate();
    Keys.write(pair, dir.resolve("private.key"), dir.resolve("public.key"));
    var e = assertThrows(Keys.KeyFileException.class, () -> Keys.readPublic(dir.resolve("private.key")));
    assertTrue(e.getMessage().contains("holds a private key"), e.getMessage());
    e = assertThrows(Keys.KeyFileException.class, () -> Keys.readPrivate(dir.resolve("public.key")));
    assertTrue(e.getMessage().contains("not a private key file"), e.getMessage());
    Files.writeString(dir.resolve("junk.key"), "hello");
    assertThrows(Keys.KeyFileException.class, () -> Keys.readPublic(dir.resolve("junk.key")));
    assertThrows(Keys.KeyFileException.class, () -> Keys.readPublic(dir.resolve("missing.key")));
  }

  @Test
  void signatureCoversEveryByteAndNamesItsKey() {
    KeyPair a = Keys.generate();
    KeyPair b = Keys.generate();
    byte[] data = "a bundle's bytes".getBytes(StandardCharsets.UTF_8);
    String line = Signatures.sign(a, data);
    Signatures.Detached sig = Signatures.parse(line);
    assertEquals(Keys.fingerprint(a.getPublic()), sig.keyFingerprint());
    assertTrue(Signatures.verify(a.getPublic(), data, sig));
    assertFalse(Signatures.verify(b.getPublic(), data, sig), "another key does not verify");
    byte[] changed = data.clone();
    changed[3] ^= 1;
    assertFalse(Signatures.verify(a.getPublic(), changed, sig), "one flipped bit fails");
    assertNotEquals(Signatures.sign(b, data), line);
    assertThrows(IllegalArgumentException.class, () -> Signatures.parse("ed25519 abc def"));
    assertThrows(IllegalArgumentException.class, () -> Signatures.parse(new byte[4096]));
  }
}
