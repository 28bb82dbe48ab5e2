package io.agentruntime.runtime.intent;

import io.agentruntime.contract.config.BackendConfig;
import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.runtime.backend.Backend;
import io.agentruntime.runtime.backend.Backends;
import io.agentruntime.runtime.metrics.RuntimeMetrics;
import io.vertx.core.Vertx;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every configured intent by name, each with its own backend and meters. */
public final class Intents implements AutoCloseable {

  private final Map<String, Intent> byName;

  private Intents(Map<String, Intent> byName) {
    this.byName = byName;
  }

  /**
   * Creates each intent's backend and exposes the bulkhead of every backend that has one.
   *
   * @param configs the configured intents, in configuration order
   */
  public static Intents open(Vertx vertx, List<IntentConfig> configs, RuntimeMetrics metrics) {
    Map<String, Intent> byName = new LinkedHashMap<>();
    try {
      for (IntentConfig config : configs) {
        Backend backend = Backends.create(vertx, config);
        byName.put(config.name(), new Intent(config, backend, metrics.intent(config.name())));
        backend
            .bulkhead()
            .ifPresent(
                bulkhead ->
                    metrics.bindBackendPool(config.name(), config.backend().type(), bulkhead));
      }
    } catch (RuntimeException e) {
      byName.values().forEach(intent -> intent.backend().close());
      throw e;
    }
    return new Intents(Collections.unmodifiableMap(byName));
  }

  /** The intent named {@code name}, empty when it is not configured. */
  public Optional<Intent> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The first intent, in configuration order, whose {@code openai} backend serves {@code model}:
   * what an OpenAI client's {@code model} names.
   */
  public Optional<Intent> servingModel(String model) {
    return byName.values().stream()
        .filter(intent -> model(intent).filter(model::equals).isPresent())
        .findFirst();
  }

  /** The model an intent's {@code openai} backend serves; empty for other backends. */
  public static Optional<String> model(Intent intent) {
    return intent.config().backend() instanceof BackendConfig.OpenAi openAi
        ? Optional.of(openAi.model())
        : Optional.empty();
  }

  /** Every configured intent, in configuration order. */
  public Collection<Intent> all() {
    return byName.values();
  }

  /** Closes every backend, releasing its HTTP client and connections. */
  @Override
  public void close() {
    byName.values().forEach(intent -> intent.backend().close());
  }
}
