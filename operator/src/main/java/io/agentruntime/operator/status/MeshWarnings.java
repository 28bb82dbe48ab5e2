package io.agentruntime.operator.status;

import io.agentruntime.governance.Durations;
import io.agentruntime.operator.render.EffectiveSpec;
import io.agentruntime.operator.render.MeshSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@code MeshConfigured} warns about in a mesh configuration Istio accepts but that works
 * against the runtime: retries that may run a request twice, and timeouts that cut slow intents off
 * and count them against healthy pods.
 */
final class MeshWarnings {

  private MeshWarnings() {}

  /** The warnings for {@code cr}, each starting with {@code "; warning: "}; empty for none. */
  static String of(EffectiveSpec spec) {
    return retryWarning(spec.mesh()) + timeoutWarning(spec);
  }

  /**
   * The mesh's retry conditions may re-send a {@code POST /dispatch} the runtime already executed:
   * only the runtime's deduplication of repeated {@code Idempotency-Key}s keeps the backend from
   * being called twice then.
   */
  private static String retryWarning(MeshSettings mesh) {
    var retryOn = mesh.retryOn();
    if (!retryOn.mayRepeatProcessedRequests()) {
      return "";
    }
    return "; warning: spec.mesh.retries.retryOn "
        + String.join(",", retryOn.unsafe())
        + " may re-send requests the runtime already processed, so a backend may be called"
        + " twice unless callers send an Idempotency-Key (the runtime then deduplicates them)";
  }

  /**
   * The mesh gives up on an intent before the runtime does: callers get the mesh's 504 instead of
   * the runtime's, and each such timeout is a failure of the pod to outlier detection, so one slow
   * intent could eject healthy pods.
   */
  private static String timeoutWarning(EffectiveSpec spec) {
    String timeout = spec.mesh().timeout();
    String perTry = spec.mesh().perTryTimeout();
    boolean perTryShorter = shorter(perTry, timeout);
    String field = perTryShorter ? "spec.mesh.retries.perTryTimeout" : "spec.mesh.timeout";
    String limit = perTryShorter ? perTry : timeout;
    Optional<EffectiveSpec.Intent> outlasting =
        spec.intents().stream().filter(intent -> !shorter(intent.timeout(), limit)).findFirst();
    return outlasting
        .map(
            intent ->
                "; warning: "
                    + field
                    + " "
                    + limit
                    + " does not outlast intent "
                    + intent.name()
                    + "'s timeout "
                    + intent.timeout()
                    + ": the mesh gives up before the runtime answers 504, and outlier"
                    + " detection counts each such timeout against the pod")
        .orElse("");
  }

  private static boolean shorter(String duration, String than) {
    return duration(duration).compareTo(duration(than)) < 0;
  }

  private static Duration duration(String text) {
    return Durations.parse(text).orElse(Duration.ZERO);
  }
}
