package io.agentruntime.runtime.metrics;

/** How the MCP gateway answered one message: the {@code outcome} label of its meters. */
public enum McpOutcome {
  /** Relayed to the upstream server, which answered. */
  RELAYED("relayed"),
  /** Answered from the answer recorded for its idempotency key, not relayed again. */
  REPLAYED("replayed"),
  /** Refused by policy: never relayed. */
  DENIED("denied"),
  /** Refused by a policy's rate limit: never relayed. */
  RATE_LIMITED("rate_limited"),
  /** Refused by a policy's token budget: never relayed. */
  BUDGET_EXHAUSTED("budget_exhausted"),
  /** Refused for its form, its session or its caller: never relayed. */
  REJECTED("rejected"),
  /** The upstream server failed, timed out or could not be reached. */
  UPSTREAM_ERROR("upstream_error");

  private final String label;

  McpOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
