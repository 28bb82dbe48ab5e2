package io.agentruntime.governance.engine.jvm;

/**
 * How one policy came out for one request.
 *
 * @param satisfied whether the policy applies (false when it failed)
 * @param error the evaluation error, or null
 */
public record PolicyResult(boolean satisfied, String error) {
  static final PolicyResult SATISFIED = new PolicyResult(true, null);
  static final PolicyResult NOT_SATISFIED = new PolicyResult(false, null);

  static PolicyResult error(String message) {
    return new PolicyResult(false, message);
  }

  public boolean failed() {
    return error != null;
  }
}
