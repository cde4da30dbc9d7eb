package org.patchwork.storage.webdav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.patchwork.sdk.project.ProjectRepository;
import org.patchwork.sdk.project.StoredProject;
import org.patchwork.storage.s3.FelixHarness;

/**
 * The packaged bundle (Sardine, HttpClient and JAXB nested inside) in Felix: it resolves, and
 * its configured service works against Apache httpd (PROPFIND answers are parsed by the
 * embedded JAXB, found through the bundle's own class loader).
 */
class WebDavBundleIT {

  @TempDir
  Path dir;

  @Test
  void resolvesInFelixAndTalksToApache() throws Exception {
    try (DavServer apache = DavServer.apache(); FelixHarness felix = new FelixHarness(dir.resolve("felix"), List.of())) {
      felix.installRuntime();
      Bundle bundle = felix.install(new File(System.getProperty("bundle.file")));
      bundle.start();
      assertEquals(Bundle.ACTIVE, bundle.getState());
      felix.configure("org.patchwork.storage.webdav", Map.of("url", apache.url("felix/").toString()));
      ProjectRepository repo = (ProjectRepository) felix.await("(&(objectClass=" + ProjectRepository.class.getName()
          + ")(" + ProjectRepository.SCHEME + "=webdav))");
      assertTrue(repo.getClass().getClassLoader() != getClass().getClassLoader());
      byte[] manifest = "{\"formatVersion\": 2, \"name\": \"in felix\"}".getBytes(StandardCharsets.UTF_8);
      String rev = repo.save("felix-song", manifest, null);
      StoredProject p = repo.load("felix-song");
      assertArrayEquals(manifest, p.manifest());
      assertEquals(rev, p.revision());
      byte[] audio = "RIFF....WAVE".getBytes(StandardCharsets.US_ASCII);
      String sha = WebDavRepositoryTest.sha(audio);
      repo.putAsset(sha, new ByteArrayInputStream(audio), audio.length);
      try (InputStream in = repo.openAsset(sha)) {
        assertArrayEquals(audio, in.readAllBytes());
      }
      assertEquals(List.of("felix-song"), repo.list().stream().map(s -> s.id()).toList());
    }
  }
}
