package io.agentruntime.runtime.metrics;

/** The {@code outcome} label of a budget reservation. */
public enum BudgetOutcome {
  /** The reservation fit and was held. */
  RESERVED("reserved"),
  /** The reservation did not fit in what the window has left. */
  EXHAUSTED("exhausted"),
  /** A cost budget met an intent without {@code backend.price}: not counted. */
  UNPRICED("unpriced"),
  /** The bucket could not be read or written. */
  STORE_ERROR("store_error");

  private final String label;

  BudgetOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
