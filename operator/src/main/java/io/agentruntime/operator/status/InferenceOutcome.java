package io.agentruntime.operator.status;

import io.agentruntime.operator.addon.AddOn;
import java.util.List;

/**
 * What was observed of the inference pool in one reconciliation, and the {@code InferenceReady}
 * condition it makes.
 *
 * @param requested whether the spec has an {@code inference} section
 * @param replicas model-server pods the Deployment runs
 * @param ready model-server pods ready (model loaded)
 * @param unusableAddOns the CRDs the pool would use but cannot: Karpenter's NodePool when the spec
 *     asks for one (missing included), KEDA's ScaledObject when KEDA is installed in a form the
 *     operator cannot use (without KEDA the pool scales with an HPA, as intended)
 * @param sharedCachePending the model cache claim asks for ReadWriteMany and is not bound yet: a
 *     storage class that offers ReadWriteOnce only (EBS) never binds it
 */
public record InferenceOutcome(
    boolean requested,
    int replicas,
    int ready,
    List<AddOnCrd> unusableAddOns,
    boolean sharedCachePending) {

  /** A spec without an inference pool. */
  public static final InferenceOutcome NOT_REQUESTED =
      new InferenceOutcome(false, 0, 0, List.of(), false);

  /** Reason of a pool with at least one model server ready. */
  public static final String REASON_READY = "ModelServersReady";

  /** Reason of a pool whose model servers are starting or loading the model. */
  public static final String REASON_LOADING = "ModelLoading";

  /** Reason of a pool scaled to zero while idle: the next request wakes it. */
  public static final String REASON_SCALED_TO_ZERO = "ScaledToZero";

  /** Copies the list. */
  public InferenceOutcome {
    unusableAddOns = List.copyOf(unusableAddOns);
  }

  /** Whether the pool can answer now. */
  public boolean isReady() {
    return ready > 0;
  }

  /**
   * The condition's reason: whether servers are ready, else an add-on installed in a form the
   * operator cannot use (e.g. {@code KarpenterVersionUnsupported}), else loading or scaled to zero.
   */
  public String reason() {
    if (ready > 0) {
      return REASON_READY;
    }
    return unusableAddOns.stream()
        .filter(crd -> crd.state() != AddOnCrd.State.MISSING)
        .findFirst()
        .map(AddOnCrd::reason)
        .orElse(replicas == 0 ? REASON_SCALED_TO_ZERO : REASON_LOADING);
  }

  /** The condition's message: ready of desired, and what is missing. */
  public String message() {
    StringBuilder message = new StringBuilder(ready + " of " + replicas + " model servers ready");
    if (replicas == 0) {
      message.append(
          "; the pool is scaled to zero and starts on the next request (the runtime answers"
              + " 503 with Retry-After meanwhile)");
    }
    unusableAddOns.forEach(crd -> message.append("; ").append(consequence(crd)));
    if (sharedCachePending) {
      message.append(
          "; warning: the model cache asks for ReadWriteMany and is still Pending: its storage"
              + " class must offer ReadWriteMany (EFS on EKS; EBS classes such as gp3 offer"
              + " ReadWriteOnce only), or set modelCache.accessMode: ReadWriteOnce with"
              + " replicas.max: 1");
    }
    return message.toString();
  }

  private static String consequence(AddOnCrd crd) {
    if (crd.addOn() == AddOn.KEDA) {
      return "KEDA's " + crd.problem() + ": the pool scales with a HorizontalPodAutoscaler instead";
    }
    if (crd.state() == AddOnCrd.State.MISSING) {
      return "Karpenter is not installed, so no NodePool was created: the pool needs existing GPU"
          + " nodes";
    }
    return "Karpenter's "
        + crd.problem()
        + ", so no NodePool was created: the pool needs existing GPU nodes";
  }
}
