package io.agentruntime.operator.status;

/** What one reconciliation learned about an AgentRuntime's policy set in its DynamoDB store. */
public sealed interface GovernanceOutcome {

  /** A runtime whose policies come from files: there is no store to follow. */
  GovernanceOutcome NOT_CONFIGURED = new NotConfigured();

  /** The policy set was read; {@code version} is its head version (0 before the first write). */
  static GovernanceOutcome synced(long version) {
    return new Synced(version);
  }

  /**
   * The policy set could not be read.
   *
   * @param reason {@link AgentRuntimeConditions#REASON_TABLE_NOT_FOUND} or {@link
   *     AgentRuntimeConditions#REASON_STORE_UNAVAILABLE}
   * @param message what failed, naming the table and region
   */
  static GovernanceOutcome failed(String reason, String message) {
    return new Failed(reason, message);
  }

  /** No DynamoDB store. */
  record NotConfigured() implements GovernanceOutcome {}

  /** The head version read. */
  record Synced(long version) implements GovernanceOutcome {}

  /** Why the set could not be read. */
  record Failed(String reason, String message) implements GovernanceOutcome {}
}
