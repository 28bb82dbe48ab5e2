package io.agentruntime.runtime.backend;

import io.agentruntime.runtime.config.BackendConfig;
import io.agentruntime.runtime.config.IntentConfig;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backends of every configured intent, each with its own connection pool (one slow backend
 * cannot exhaust the connections of the others).
 */
public final class BackendRegistry implements AutoCloseable {

  private final Map<String, Backend> backends;

  private BackendRegistry(Map<String, Backend> backends) {
    this.backends = backends;
  }

  /**
   * Creates one backend per intent from its configuration.
   *
   * @throws IllegalArgumentException naming the field at fault when an intent has an unknown {@code
   *     intents[].backend.type}, or lacks the {@code url}, {@code model}, positive {@code
   *     maxConnections}, positive {@code maxPending} or positive {@code timeout} its backend type
   *     needs
   */
  public static BackendRegistry create(Vertx vertx, List<IntentConfig> intents) {
    Map<String, Backend> backends = new LinkedHashMap<>();
    try {
      for (IntentConfig intent : intents) {
        backends.put(intent.name(), createBackend(vertx, intent));
      }
    } catch (RuntimeException e) {
      backends.values().forEach(Backend::close);
      throw e;
    }
    return new BackendRegistry(Collections.unmodifiableMap(backends));
  }

  private static Backend createBackend(Vertx vertx, IntentConfig intent) {
    BackendConfig backend = intent.backend();
    String type = backend == null ? null : backend.type();
    return switch (type == null ? "" : type) {
      case EchoBackend.TYPE -> new EchoBackend();
      case HttpBackend.TYPE -> {
        URI url = requiredUrl(intent);
        yield new HttpBackend(client(vertx, intent), url);
      }
      case OpenAiBackend.TYPE -> {
        URI url = requiredUrl(intent);
        String model = requiredModel(intent);
        yield new OpenAiBackend(client(vertx, intent), url, model);
      }
      default ->
          throw new IllegalArgumentException(
              "intents[].backend.type of intent '"
                  + intent.name()
                  + "' is '"
                  + type
                  + "': expected one of echo, http, openai");
    };
  }

  private static BackendHttpClient client(Vertx vertx, IntentConfig intent) {
    BackendConfig backend = intent.backend();
    requirePositive(intent, "maxConnections", backend.maxConnections());
    requirePositive(intent, "maxPending", backend.maxPending());
    if (intent.timeout() == null || intent.timeout().isNegative() || intent.timeout().isZero()) {
      throw new IllegalArgumentException(
          "intents[].timeout of intent '" + intent.name() + "' must be positive");
    }
    return BackendHttpClient.create(
        vertx, intent, new Bulkhead(backend.maxConnections(), backend.maxPending()));
  }

  private static void requirePositive(IntentConfig intent, String key, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "intents[].backend." + key + " of intent '" + intent.name() + "' must be positive");
    }
  }

  private static URI requiredUrl(IntentConfig intent) {
    URI url = intent.backend().url();
    if (url == null || url.getHost() == null) {
      throw new IllegalArgumentException(
          "intents[].backend.url of intent '"
              + intent.name()
              + "' must be an absolute http(s) URL for type "
              + intent.backend().type());
    }
    return url;
  }

  private static String requiredModel(IntentConfig intent) {
    String model = intent.backend().model();
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException(
          "intents[].backend.model of intent '" + intent.name() + "' is required for type openai");
    }
    return model;
  }

  /** The backend serving {@code intent}, empty when the intent is not configured. */
  public Optional<Backend> backend(String intent) {
    return Optional.ofNullable(backends.get(intent));
  }

  /** Every configured intent's backend, by intent name, in configuration order. */
  public Map<String, Backend> backends() {
    return backends;
  }

  /** Closes every backend, releasing its HTTP client and connections. */
  @Override
  public void close() {
    backends.values().forEach(Backend::close);
  }
}
