package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;
import io.agentruntime.governance.EnforcementMode;

/** Whether governance decisions block requests. */
public enum GovernanceMode implements ResourceValue {
  /** Denied requests are refused with 403. */
  ENFORCE(EnforcementMode.ENFORCE),

  /** Decisions are logged, never enforced. */
  AUDIT(EnforcementMode.AUDIT);

  private final EnforcementMode mode;

  GovernanceMode(EnforcementMode mode) {
    this.mode = mode;
  }

  /** The value as written in the resource: the governance engine's name of the mode. */
  @Override
  @JsonValue
  public String value() {
    return mode.displayName();
  }

  /** The governance engine's mode. */
  public EnforcementMode enforcementMode() {
    return mode;
  }
}
