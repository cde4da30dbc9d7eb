package org.patchwork.storage.s3;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where an {@link S3Repository} keeps its projects, parsed from a remote's URL
 * {@code s3://BUCKET[/PREFIX]}, an optional endpoint and options.
 *
 * <pre>{@code
 * S3Settings s = S3Settings.parse(URI.create("s3://songs/band"), URI.create("http://127.0.0.1:9000"),
 *     Map.of("accessKey", "k", "secretKey", "s"));
 * }</pre>
 *
 * @param bucket the bucket
 * @param prefix key prefix, empty or ending in {@code /}
 * @param endpoint the S3 endpoint, or null for AWS itself
 * @param region the signing region, or null for the SDK's region chain (us-east-1 with an endpoint)
 * @param accessKey static credentials, or null for the SDK's default provider chain
 * @param secretKey the secret that goes with {@code accessKey}
 * @param pathStyle path-style addressing (the default with an endpoint: most S3-compatible servers need it)
 * @param createBucket create the bucket when it is missing (tests, private servers)
 */
@ProviderType
public record S3Settings(String bucket, String prefix, URI endpoint, String region, String accessKey,
    String secretKey, boolean pathStyle, boolean createBucket) {

  /** The options {@link #parse} understands. */
  public static final Set<String> OPTIONS = Set.of("region", "accessKey", "secretKey", "pathStyle", "createBucket");

  /** Checks the parts. */
  public S3Settings {
    if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw new IllegalArgumentException("S3 bucket names are 3..63 of a-z 0-9 . - : " + bucket);
    }
    prefix = prefix == null ? "" : prefix;
    if (!prefix.isEmpty() && (!prefix.endsWith("/") || prefix.startsWith("/") || prefix.contains("//"))) {
      throw new IllegalArgumentException("S3 key prefix must be empty or like 'a/b/': " + prefix);
    }
    if ((accessKey == null) != (secretKey == null)) {
      throw new IllegalArgumentException("S3 credentials need both accessKey and secretKey, or neither");
    }
    if (endpoint != null && (endpoint.getHost() == null
        || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())))) {
      throw new IllegalArgumentException("S3 endpoint must be an http(s) URL: " + endpoint);
    }
  }

  /**
   * Reads a remote's settings.
   *
   * @throws IllegalArgumentException naming the part that is wrong or the option not understood
   */
  public static S3Settings parse(URI url, URI endpoint, Map<String, String> options) {
    if (url == null || !"s3".equals(url.getScheme()) || url.getHost() == null) {
      throw new IllegalArgumentException("S3 remote URL must look like s3://BUCKET/PREFIX: " + url);
    }
    Set<String> unknown = new TreeSet<>(options.keySet());
    unknown.removeAll(OPTIONS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown S3 option(s) " + unknown + " (known: " + new TreeSet<>(OPTIONS) + ")");
    }
    String path = url.getPath() == null ? "" : url.getPath().replaceAll("^/+", "");
    String prefix = path.isEmpty() || path.endsWith("/") ? path : path + "/";
    return new S3Settings(url.getHost(), prefix, endpoint, options.get("region"), options.get("accessKey"),
        options.get("secretKey"), bool(options, "pathStyle", endpoint != null), bool(options, "createBucket", false));
  }

  private static boolean bool(Map<String, String> options, String key, boolean dflt) {
    String v = options.get(key);
    if (v == null) {
      return dflt;
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException("S3 option " + key + " must be true or false: " + v);
    }
    return Boolean.parseBoolean(v);
  }

  /** The settings without the secret, for messages and listings. */
  @Override
  public String toString() {
    return "s3://" + bucket + "/" + prefix + (endpoint == null ? "" : " at " + endpoint)
        + (accessKey == null ? " (default credentials)" : " (key " + accessKey + ")");
  }
}
