package org.patchwork.repository;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where things are in a repository site, relative to its base URL. A site is static files that
 * any HTTP server, S3 bucket or CDN can serve:
 *
 * <pre>
 * catalogue.json          the catalogue (see {@link Catalogue})
 * catalogue.json.sig      the repository key's signature of catalogue.json
 * index.xml               the OSGi Repository (R5) index of every bundle, written by bnd
 * bundles/ID-VERSION.jar  each published bundle, never overwritten
 * bundles/ID-VERSION.jar.sig   its publisher's signature
 * screenshots/ID/FILE     screenshots named by the catalogue
 * </pre>
 */
@ProviderType
public final class SiteLayout {

  public static final String CATALOGUE = "catalogue.json";
  public static final String CATALOGUE_SIGNATURE = "catalogue.json.sig";
  public static final String INDEX = "index.xml";
  public static final String BUNDLES = "bundles/";
  public static final String SCREENSHOTS = "screenshots/";
  public static final String SIGNATURE_SUFFIX = ".sig";

  private SiteLayout() {
  }

  /** The site path of a bundle's jar. */
  public static String bundlePath(String id, String version) {
    return BUNDLES + id + "-" + version + ".jar";
  }
}
