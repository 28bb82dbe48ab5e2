package io.agentruntime.runtime.config;

import java.net.URI;

/**
 * Where an intent is dispatched (configuration {@code intents[].backend}).
 *
 * @param type {@code echo}, {@code http} or {@code openai}
 * @param url base URL for {@code http} (the URL posted to) and {@code openai} (the server root);
 *     null for {@code echo}
 * @param model the model name sent to an {@code openai} backend; null otherwise
 * @param maxConnections size of this backend's keep-alive connection pool
 * @param maxPending calls that may wait for one of those connections; beyond it a call is refused
 *     with 503 without being sent
 * @param maxResponseSize largest answer read from the backend, in bytes; a larger one is abandoned
 *     (its connection closed) and the caller gets 502
 */
public record BackendConfig(
    String type, URI url, String model, int maxConnections, int maxPending, long maxResponseSize) {
  public static final int DEFAULT_MAX_CONNECTIONS = 100;

  /** Default {@code maxResponseSize}: far above a chat completion, far below a pod's heap. */
  public static final long DEFAULT_MAX_RESPONSE_SIZE = 10L << 20;

  /** A backend with the default answer size limit. */
  public BackendConfig(String type, URI url, String model, int maxConnections, int maxPending) {
    this(type, url, model, maxConnections, maxPending, DEFAULT_MAX_RESPONSE_SIZE);
  }

  /** A backend whose wait queue has the default size for {@code maxConnections}. */
  public BackendConfig(String type, URI url, String model, int maxConnections) {
    this(type, url, model, maxConnections, defaultMaxPending(maxConnections));
  }

  /** Twice the pool: a burst may queue briefly, a hung backend cannot pile up callers. */
  public static int defaultMaxPending(int maxConnections) {
    return (int) Math.min(Integer.MAX_VALUE, 2L * maxConnections);
  }
}
