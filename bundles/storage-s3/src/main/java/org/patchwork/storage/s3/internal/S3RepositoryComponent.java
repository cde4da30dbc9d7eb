package org.patchwork.storage.s3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.patchwork.sdk.project.ProjectRepository;
import org.patchwork.sdk.project.ProjectSummary;
import org.patchwork.sdk.project.StoredProject;
import org.patchwork.storage.s3.S3Repository;
import org.patchwork.storage.s3.S3Settings;

/**
 * One {@link ProjectRepository} service (scheme {@code s3}) per factory configuration
 * {@code org.patchwork.storage.s3~NAME}: the way other bundles get an S3 repository injected.
 */
@Component(service = ProjectRepository.class, configurationPid = "org.patchwork.storage.s3",
    configurationPolicy = ConfigurationPolicy.REQUIRE, property = ProjectRepository.SCHEME + "=s3")
@Designate(ocd = S3RepositoryComponent.Config.class, factory = true)
public final class S3RepositoryComponent implements ProjectRepository {

  /** A remote's settings, as in {@code S3Settings.parse}. */
  @ObjectClassDefinition(name = "Patchwork S3 repository")
  public @interface Config {
    @AttributeDefinition(description = "s3://BUCKET/PREFIX")
    String url();

    @AttributeDefinition(description = "http(s) endpoint of an S3-compatible server; empty for AWS")
    String endpoint() default "";

    @AttributeDefinition(description = "Signing region; empty for the SDK's region chain")
    String region() default "";

    @AttributeDefinition(description = "Access key; empty for the SDK's default credential chain")
    String accessKey() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Secret key")
    String secretKey() default "";

    @AttributeDefinition(description = "Create the bucket when it is missing")
    boolean createBucket() default false;
  }

  private final S3Repository repository;

  @Activate
  public S3RepositoryComponent(Config config) throws IOException {
    Map<String, String> options = new HashMap<>();
    putIfSet(options, "region", config.region());
    putIfSet(options, "accessKey", config.accessKey());
    putIfSet(options, "secretKey", config.secretKey());
    options.put("createBucket", Boolean.toString(config.createBucket()));
    URI endpoint = config.endpoint().isBlank() ? null : URI.create(config.endpoint());
    this.repository = new S3Repository(S3Settings.parse(URI.create(config.url()), endpoint, options));
  }

  @Deactivate
  void deactivate() {
    repository.close();
  }

  @Override
  public List<ProjectSummary> list() throws IOException {
    return repository.list();
  }

  @Override
  public StoredProject load(String projectId) throws IOException {
    return repository.load(projectId);
  }

  @Override
  public String save(String projectId, byte[] manifest, String expectedRevision) throws IOException {
    return repository.save(projectId, manifest, expectedRevision);
  }

  @Override
  public void delete(String projectId, String expectedRevision) throws IOException {
    repository.delete(projectId, expectedRevision);
  }

  @Override
  public boolean hasAsset(String sha256) throws IOException {
    return repository.hasAsset(sha256);
  }

  @Override
  public InputStream openAsset(String sha256) throws IOException {
    return repository.openAsset(sha256);
  }

  @Override
  public void putAsset(String sha256, InputStream data, long length) throws IOException {
    repository.putAsset(sha256, data, length);
  }

  private static void putIfSet(Map<String, String> options, String key, String value) {
    if (value != null && !value.isBlank()) {
      options.put(key, value);
    }
  }
}
