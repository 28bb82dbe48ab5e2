package io.agentruntime.governance.store.dynamodb;

import java.util.Locale;
import java.util.Objects;

/**
 * One read of a policy store in one region, as reported to a {@link StoreRequestListener}: the
 * labels of {@code agent_policy_store_requests_total}.
 *
 * @param operation what was read
 * @param region the AWS region that was asked
 * @param outcome how it ended, after the SDK's own retries
 */
public record StoreRequest(Operation operation, String region, Outcome outcome) {
  public StoreRequest {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** The store operations that reach DynamoDB. */
  public enum Operation {
    /** The whole set: one {@code Query}. */
    LOAD,
    /** The head's version: one {@code GetItem}. */
    CURRENT_VERSION;

    /** The metric label value, e.g. {@code current_version}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How a request ended. */
  public enum Outcome {
    SUCCESS,
    /** DynamoDB kept throttling until the retries ran out. */
    THROTTLED,
    /** Any other failure: unreachable, timed out, denied, or a malformed item. */
    ERROR;

    /** The metric label value, e.g. {@code throttled}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
