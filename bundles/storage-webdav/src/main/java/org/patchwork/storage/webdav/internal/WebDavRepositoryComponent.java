package org.patchwork.storage.webdav.internal;

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
import org.patchwork.storage.webdav.WebDavRepository;

/**
 * One {@link ProjectRepository} service (scheme {@code webdav}) per factory configuration
 * {@code org.patchwork.storage.webdav~NAME}: the way other bundles get a WebDAV repository.
 */
@Component(service = ProjectRepository.class, configurationPid = "org.patchwork.storage.webdav",
    configurationPolicy = ConfigurationPolicy.REQUIRE, property = ProjectRepository.SCHEME + "=webdav")
@Designate(ocd = WebDavRepositoryComponent.Config.class, factory = true)
public final class WebDavRepositoryComponent implements ProjectRepository {

  /** A share's settings. */
  @ObjectClassDefinition(name = "Patchwork WebDAV repository")
  public @interface Config {
    @AttributeDefinition(description = "http(s)://HOST/PATH of the collection")
    String url();

    @AttributeDefinition(description = "User name; empty for none")
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password")
    String password() default "";
  }

  private final WebDavRepository repository;

  @Activate
  public WebDavRepositoryComponent(Config config) {
    Map<String, String> options = new HashMap<>();
    if (!config.username().isBlank()) {
      options.put("username", config.username());
      options.put("password", config.password());
    }
    this.repository = new WebDavRepository(URI.create(config.url()), options);
  }

  @Deactivate
  void deactivate() throws IOException {
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
}
