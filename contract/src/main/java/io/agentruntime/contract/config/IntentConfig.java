package io.agentruntime.contract.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One intent a caller may dispatch (configuration {@code intents[]}).
 *
 * @param name the intent, also the Cedar action {@code Action::"<name>"}
 * @param timeout how long the backend may take: past it the caller gets 504
 * @param backend where the intent is served
 * @param async how the intent runs when dispatched with {@code Prefer: respond-async}
 */
public record IntentConfig(
    String name, Duration timeout, BackendConfig backend, AsyncIntentConfig async) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public IntentConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(async, "async");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout of intent '" + name + "' must be positive");
    }
  }

  /** An intent run asynchronously with the defaults of {@link AsyncIntentConfig}. */
  public IntentConfig(String name, Duration timeout, BackendConfig backend) {
    this(name, timeout, backend, AsyncIntentConfig.DEFAULT);
  }
}
