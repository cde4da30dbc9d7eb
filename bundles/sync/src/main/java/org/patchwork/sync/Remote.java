package org.patchwork.sync;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A named place projects sync with: {@code s3://BUCKET/PREFIX} (with an optional endpoint for
 * S3-compatible servers) or a WebDAV URL {@code http(s)://HOST/PATH}.
 *
 * @param name the remote's name, as in {@code patchwork push PROJECT NAME}
 * @param url where the projects are
 * @param endpoint an S3-compatible server's URL, or null
 * @param options adapter options (credentials, region, ...)
 */
@ProviderType
public record Remote(String name, URI url, URI endpoint, Map<String, String> options) {

  /** Checks the name and copies the options. */
  public Remote {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
      throw new IllegalArgumentException("remote names are 1..64 of A-Z a-z 0-9 _ - starting with a letter or digit: "
          + name);
    }
    if (url == null || url.getScheme() == null) {
      throw new IllegalArgumentException("remote " + name + ": URL needs a scheme (s3://, http://, https://): " + url);
    }
    options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
  }

  /** {@code s3} or {@code webdav}. */
  public String kind() {
    return switch (url.getScheme()) {
      case "s3" -> "s3";
      case "http", "https", "dav", "davs", "webdav", "webdavs" -> "webdav";
      default -> throw new IllegalArgumentException("remote " + name + ": unknown URL scheme " + url.getScheme()
          + " (known: s3, http, https)");
    };
  }

  /** Name, URL and endpoint; never the options (they may hold secrets). */
  @Override
  public String toString() {
    return name + " " + url + (endpoint == null ? "" : " (endpoint " + endpoint + ")");
  }
}
