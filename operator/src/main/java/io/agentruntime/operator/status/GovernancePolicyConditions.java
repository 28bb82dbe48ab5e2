package io.agentruntime.operator.status;

/**
 * Condition types and reasons the operator writes on a GovernancePolicy, in one place so the
 * status, the Warning Events and the documentation agree.
 */
public final class GovernancePolicyConditions {

  /**
   * Whether the spec passed validation (Cedar syntax included); False means nothing was written.
   */
  public static final String VALID = "Valid";

  /** Whether the policy, as specified, is in its runtime's policy set. */
  public static final String SYNCED = "Synced";

  /** Valid=True. */
  public static final String REASON_SPEC_VALID = AgentRuntimeConditions.REASON_SPEC_VALID;

  /** Valid=False and Synced=False: the spec failed validation. */
  public static final String REASON_INVALID_SPEC = AgentRuntimeConditions.REASON_INVALID_SPEC;

  /** Synced=True: the policy set holds the policy as specified. */
  public static final String REASON_POLICY_SYNCED = "PolicySynced";

  /** Synced=False: no AgentRuntime of that name in the policy's namespace. */
  public static final String REASON_RUNTIME_NOT_FOUND = "RuntimeNotFound";

  /** Synced=False: the AgentRuntime reads its policies from files, not from DynamoDB. */
  public static final String REASON_NO_DYNAMODB_STORE = "NoDynamoDbStore";

  /** Synced=False: writing to DynamoDB failed; the operator retries with back-off. */
  public static final String REASON_STORE_UNAVAILABLE =
      AgentRuntimeConditions.REASON_STORE_UNAVAILABLE;

  private GovernancePolicyConditions() {}
}
