package org.patchwork.repository.internal;

import aQute.bnd.osgi.repository.XMLResourceGenerator;
import aQute.bnd.osgi.resource.ResourceBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.resource.Resource;

/**
 * Writes the OSGi Repository (R5) index of a site with bnd's own resource builder and XML
 * generator, the indexer bnd workspaces and Bndtools use: capabilities and requirements from
 * each manifest (packages, bundles, services, extenders, execution environment) and the
 * {@code osgi.content} capability with the jar's SHA-256 and its URL relative to the index.
 */
final class BundleIndexer {

  private BundleIndexer() {
  }

  /**
   * Indexes {@code jars} (site-relative paths under {@code site}) into {@code out}.
   *
   * @param increment the index's increment attribute: the catalogue version it goes with
   */
  static void index(Path site, List<String> jars, String name, long increment, OutputStream out) throws IOException {
    List<Resource> resources = new ArrayList<>();
    for (String relative : jars) {
      try {
        ResourceBuilder builder = new ResourceBuilder();
        if (!builder.addFile(site.resolve(relative).toFile(), new URI(null, relative, null))) {
          throw new IOException(relative + " is not a bundle bnd can index");
        }
        resources.add(builder.build());
      } catch (URISyntaxException e) {
        throw new IOException("bad site path " + relative, e);
      } catch (IOException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("bnd could not index " + relative + ": " + e.getMessage(), e);
      }
    }
    // name() stamps the current time as the increment; increment() afterwards replaces it, so
    // the same site gives the same index bytes.
    new XMLResourceGenerator().resources(resources).name(name).increment(increment).save(out);
  }
}
