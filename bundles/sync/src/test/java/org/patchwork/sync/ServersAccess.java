package org.patchwork.sync;

/** Lets tests in other packages use the shared servers. */
public final class ServersAccess {

  private final Servers servers;

  private ServersAccess(Servers servers) {
    this.servers = servers;
  }

  public static ServersAccess shared() throws Exception {
    return new ServersAccess(Servers.shared());
  }

  public String s3Endpoint() {
    return servers.s3.endpoint().toString();
  }

  public String apacheUrl(String path) {
    return servers.apache.url(path).toString();
  }
}
