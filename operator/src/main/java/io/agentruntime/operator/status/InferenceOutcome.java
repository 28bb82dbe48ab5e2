package io.agentruntime.operator.status;

/**
 * What was observed of the inference pool in one reconciliation, and the {@code InferenceReady}
 * condition it makes.
 *
 * @param requested whether the spec has an {@code inference} section
 * @param replicas model-server pods the Deployment runs
 * @param ready model-server pods ready (model loaded)
 * @param nodePoolSkipped the spec asks for a NodePool but Karpenter is not installed
 */
public record InferenceOutcome(
    boolean requested, int replicas, int ready, boolean nodePoolSkipped) {

  /** A spec without an inference pool. */
  public static final InferenceOutcome NOT_REQUESTED = new InferenceOutcome(false, 0, 0, false);

  /** Reason of a pool with at least one model server ready. */
  public static final String REASON_READY = "ModelServersReady";

  /** Reason of a pool whose model servers are starting or loading the model. */
  public static final String REASON_LOADING = "ModelLoading";

  /** Reason of a pool scaled to zero while idle: the next request wakes it. */
  public static final String REASON_SCALED_TO_ZERO = "ScaledToZero";

  /** Whether the pool can answer now. */
  public boolean isReady() {
    return ready > 0;
  }

  /** The condition's reason. */
  public String reason() {
    if (ready > 0) {
      return REASON_READY;
    }
    return replicas == 0 ? REASON_SCALED_TO_ZERO : REASON_LOADING;
  }

  /** The condition's message: ready of desired, and what is missing. */
  public String message() {
    String pods = ready + " of " + replicas + " model servers ready";
    if (replicas == 0) {
      pods +=
          "; the pool is scaled to zero and starts on the next request (the runtime answers"
              + " 503 with Retry-After meanwhile)";
    }
    if (nodePoolSkipped) {
      pods +=
          "; Karpenter is not installed, so no NodePool was created: the pool needs existing"
              + " GPU nodes";
    }
    return pods;
  }
}
