package io.agentruntime.governance.engine;

/** The outcome of a Cedar evaluation. */
public enum Effect {
  ALLOW("Allow"),
  DENY("Deny");

  private final String displayName;

  Effect(String displayName) {
    this.displayName = displayName;
  }

  /** {@code Allow} or {@code Deny}, as shown in API responses and logs. */
  public String displayName() {
    return displayName;
  }
}
