package io.agentruntime.runtime.metrics;

/** The {@code outcome} label of a rate limit bucket check. */
public enum RateLimitOutcome {
  /** The bucket had a token. */
  GRANTED("granted"),
  /** The bucket was empty. */
  LIMITED("limited"),
  /** The bucket could not be read or written. */
  STORE_ERROR("store_error");

  private final String label;

  RateLimitOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
