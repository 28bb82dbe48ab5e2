package io.agentruntime.contract.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One intent a caller may dispatch (configuration {@code intents[]}).
 *
 * @param name the intent, also the Cedar action {@code Action::"<name>"}
 * @param timeout how long the backend may take: past it the caller gets 504
 * @param backend where the intent is served
 */
public record IntentConfig(String name, Duration timeout, BackendConfig backend) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public IntentConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(backend, "backend");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout of intent '" + name + "' must be positive");
    }
  }
}
