package org.patchwork.storage.s3;

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

/**
 * The packaged bundle (the SDK's jars nested inside) in Felix: it resolves with only the
 * framework, the SDK and DS, and its configured {@code ProjectRepository} service saves, loads
 * and stores assets on a real S3 server.
 */
class S3BundleIT {

  @TempDir
  Path dir;

  @Test
  void resolvesInFelixAndTalksToS3() throws Exception {
    try (S3ProxyServer server = S3ProxyServer.start(dir.resolve("s3"));
        FelixHarness felix = new FelixHarness(dir.resolve("felix"), List.of())) {
      felix.installRuntime();
      Bundle bundle = felix.install(new File(System.getProperty("bundle.file")));
      bundle.start();
      assertEquals(Bundle.ACTIVE, bundle.getState());
      felix.configure("org.patchwork.storage.s3", Map.of("url", "s3://felix/p", "endpoint",
          server.endpoint().toString(), "accessKey", S3ProxyServer.IDENTITY, "secretKey", S3ProxyServer.CREDENTIAL,
          "createBucket", true));
      ProjectRepository repo = (ProjectRepository) felix.await("(&(objectClass=" + ProjectRepository.class.getName()
          + ")(" + ProjectRepository.SCHEME + "=s3))");
      // The service object comes from the bundle's class loader, SDK classes from its nested jars.
      assertTrue(repo.getClass().getClassLoader() != getClass().getClassLoader());
      byte[] manifest = "{\"formatVersion\": 2, \"name\": \"in felix\"}".getBytes(StandardCharsets.UTF_8);
      String rev = repo.save("felix-song", manifest, null);
      StoredProject p = repo.load("felix-song");
      assertArrayEquals(manifest, p.manifest());
      assertEquals(rev, p.revision());
      byte[] audio = "RIFF....WAVE".getBytes(StandardCharsets.US_ASCII);
      String sha = S3RepositoryTest.sha(audio);
      repo.putAsset(sha, new ByteArrayInputStream(audio), audio.length);
      try (InputStream in = repo.openAsset(sha)) {
        assertArrayEquals(audio, in.readAllBytes());
      }
      assertEquals(List.of("felix-song"), repo.list().stream().map(s -> s.id()).toList());
    }
  }
}
