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
    List<McpServerConfig> mcpServers,
    Optional<AsyncConfig> async,
    Optional<TracingConfig> tracing) {
  public RuntimeConfig {
    intents = List.copyOf(intents);
    mcpServers = List.copyOf(mcpServers);
    Objects.requireNonNull(async, "async");
    Objects.requireNonNull(tracing, "tracing");
  }

  /** The MCP server served at {@code /mcp/<name>}, if one is configured. */
  public Optional<McpServerConfig> mcpServer(String name) {
    return mcpServers.stream().filter(server -> server.name().equals(name)).findFirst();
  }
}
