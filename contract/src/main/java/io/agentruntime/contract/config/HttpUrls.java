package io.agentruntime.contract.config;

import java.net.URI;

/** What the runtime and its load generator need to know of an {@code http} or {@code https} URL. */
public final class HttpUrls {

  private HttpUrls() {}

  /** Whether {@code url} is reached over TLS. */
  public static boolean isTls(URI url) {
    return "https".equalsIgnoreCase(url.getScheme());
  }

  /** The port {@code url} names, else its scheme's default (443 with TLS, 80 without). */
  public static int port(URI url) {
    if (url.getPort() != -1) {
      return url.getPort();
    }
    return isTls(url) ? 443 : 80;
  }
}
