package io.agentruntime.contract.config;

import java.util.List;

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
    List<IntentConfig> intents) {
  public RuntimeConfig {
    intents = List.copyOf(intents);
  }
}
