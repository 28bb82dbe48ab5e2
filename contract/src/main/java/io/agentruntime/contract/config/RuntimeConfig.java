package io.agentruntime.contract.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole runtime configuration, parsed once at startup by {@link RuntimeConfigLoader}. The
 * format is documented in {@code docs/configuration.md}.
 */
public record RuntimeConfig(
    RuntimeIdentity runtime,
    ServerConfig server,
    IdentityConfig identity,
    GovernanceConfig governance,
    IdempotencyConfig idempotency,
    RateLimitConfig rateLimits,
    List<IntentConfig> intents,
    Optional<AsyncConfig> async) {
  public RuntimeConfig {
    intents = List.copyOf(intents);
    Objects.requireNonNull(async, "async");
  }

  /** A runtime that answers every dispatch synchronously. */
  public RuntimeConfig(
      RuntimeIdentity runtime,
      ServerConfig server,
      IdentityConfig identity,
      GovernanceConfig governance,
      IdempotencyConfig idempotency,
      RateLimitConfig rateLimits,
      List<IntentConfig> intents) {
    this(runtime, server, identity, governance, idempotency, rateLimits, intents, Optional.empty());
  }
}
