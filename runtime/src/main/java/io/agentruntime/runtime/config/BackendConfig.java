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
 */
public record BackendConfig(String type, URI url, String model, int maxConnections) {
  public static final int DEFAULT_MAX_CONNECTIONS = 100;
}
