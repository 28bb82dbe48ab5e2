package io.agentruntime.operator.render;

import io.agentruntime.governance.Durations;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.AutoscalingSpec;
import io.agentruntime.operator.api.v1alpha1.GovernanceMode;
import io.agentruntime.operator.api.v1alpha1.GovernanceSpec;
import io.agentruntime.operator.api.v1alpha1.IntentSpec;
import io.agentruntime.operator.api.v1alpha1.MeshSpec;
import io.agentruntime.operator.api.v1alpha1.MtlsMode;
import io.agentruntime.operator.api.v1alpha1.ReplicaBounds;
import io.agentruntime.operator.api.v1alpha1.RetrySpec;
import io.agentruntime.operator.api.v1alpha1.RuntimeResources;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every default of the AgentRuntime spec, applied when rendering and never written back into the
 * resource (a GitOps tool would see the written defaults as drift). The values mirror the original
 * system's task counts, autoscaling target and cooldowns.
 */
public final class AgentRuntimeDefaults {

  /** Fewest runtime pods. */
  public static final int MIN_REPLICAS = 2;

  /** Most runtime pods (raised to {@code min} when only {@code min} is given above it). */
  public static final int MAX_REPLICAS = 10;

  /** CPU utilization, in percent of the requests, the autoscaler aims for. */
  public static final int TARGET_CPU_UTILIZATION = 60;

  /** Seconds of sustained load before scaling up again. */
  public static final int SCALE_UP_STABILIZATION_SECONDS = 60;

  /** Seconds of low load before scaling down. */
  public static final int SCALE_DOWN_STABILIZATION_SECONDS = 300;

  /** Backend call timeout of an intent. */
  public static final String INTENT_TIMEOUT = "30s";

  /** Governance enforcement mode. */
  public static final GovernanceMode GOVERNANCE_MODE = GovernanceMode.ENFORCE;

  /** How often the policy store's version is checked. */
  public static final String REFRESH_INTERVAL = "10s";

  /** How long a stale policy set is served while the store is unreachable. */
  public static final String MAX_STALENESS = "5m";

  /** Seconds the runtime finishes in-flight requests after SIGTERM ({@code server.shutdown...}). */
  public static final int SHUTDOWN_GRACE_SECONDS = 20;

  /**
   * Seconds a terminating pod keeps serving before SIGTERM, so endpoints and mesh proxies stop
   * routing to it first.
   */
  public static final int DRAIN_SECONDS = 5;

  /** Shortest overall request timeout at the mesh, when the spec sets none. */
  public static final String MESH_TIMEOUT = "30s";

  /**
   * How much longer than the longest intent timeout the mesh waits by default, so the runtime's own
   * 504 reaches the caller first: a request the mesh times out counts against the pod in outlier
   * detection, the runtime's 504 never does.
   */
  public static final Duration MESH_TIMEOUT_MARGIN = Duration.ofSeconds(5);

  /** Mesh retries after the first attempt. */
  public static final int RETRY_ATTEMPTS = 2;

  /**
   * Mesh retry conditions: only failures where the runtime cannot have seen the request, so a POST
   * is never executed twice (see {@link RetryConditions}).
   */
  public static final String RETRY_ON =
      "connect-failure,refused-stream,unavailable,reset-before-request";

  /** Mutual TLS mode of the runtime's workload. */
  public static final MtlsMode MTLS_MODE = MtlsMode.STRICT;

  /**
   * Consecutive failures of a runtime pod itself (refused, reset, timed out) that eject it from the
   * mesh's load balancing.
   */
  public static final int CONSECUTIVE_LOCAL_ORIGIN_FAILURES = 5;

  /** How often the mesh analyses runtime pods for ejection. */
  public static final String OUTLIER_INTERVAL = "10s";

  /** Minimum ejection duration of a failing runtime pod. */
  public static final String BASE_EJECTION_TIME = "30s";

  /** Largest share of runtime pods the mesh may eject, in percent. */
  public static final int MAX_EJECTION_PERCENT = 50;

  /** Most TCP connections each client proxy opens to the runtime. */
  public static final int MAX_CONNECTIONS = 1000;

  /** Most requests each client proxy queues for a connection to the runtime. */
  public static final int MAX_PENDING_REQUESTS = 200;

  /**
   * Requests a client proxy sends over one connection before opening a new one, so pods added by
   * the autoscaler receive traffic from long-lived callers; not configurable in the spec.
   */
  public static final int MAX_REQUESTS_PER_CONNECTION = 100;

  private AgentRuntimeDefaults() {}

  /** Fewest runtime pods the autoscaler keeps. */
  public static int minReplicas(AgentRuntimeSpec spec) {
    return bound(spec.getReplicas(), ReplicaBounds::getMin).orElse(MIN_REPLICAS);
  }

  /** Most runtime pods; never below {@link #minReplicas}. */
  public static int maxReplicas(AgentRuntimeSpec spec) {
    return bound(spec.getReplicas(), ReplicaBounds::getMax)
        .orElse(Math.max(MAX_REPLICAS, minReplicas(spec)));
  }

  /** The autoscaler's CPU target, in percent. */
  public static int targetCpuUtilization(AgentRuntimeSpec spec) {
    return autoscaling(spec, AutoscalingSpec::getTargetCPUUtilization)
        .orElse(TARGET_CPU_UTILIZATION);
  }

  /** The autoscaler's scale-up stabilization window, in seconds. */
  public static int scaleUpStabilizationSeconds(AgentRuntimeSpec spec) {
    return autoscaling(spec, AutoscalingSpec::getScaleUpStabilizationSeconds)
        .orElse(SCALE_UP_STABILIZATION_SECONDS);
  }

  /** The autoscaler's scale-down stabilization window, in seconds. */
  public static int scaleDownStabilizationSeconds(AgentRuntimeSpec spec) {
    return autoscaling(spec, AutoscalingSpec::getScaleDownStabilizationSeconds)
        .orElse(SCALE_DOWN_STABILIZATION_SECONDS);
  }

  /**
   * The runtime container's resources: the spec's when given (as a whole: requests and limits are
   * tuned together), otherwise requests of 250m CPU and 512Mi memory, limits of 2 CPUs and 4Gi.
   */
  public static ResourceRequirements resources(AgentRuntimeSpec spec) {
    return resources(spec.getResources());
  }

  /**
   * A runtime container's resources (the serving runtime's or a worker's): {@code resources} when
   * given, otherwise the defaults of {@link #resources(AgentRuntimeSpec)}.
   */
  public static ResourceRequirements resources(RuntimeResources resources) {
    if (resources != null) {
      return new ResourceRequirementsBuilder()
          .withRequests(resources.getRequests())
          .withLimits(resources.getLimits())
          .build();
    }
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity("250m"))
        .addToRequests("memory", new Quantity("512Mi"))
        .addToLimits("cpu", new Quantity("2"))
        .addToLimits("memory", new Quantity("4Gi"))
        .build();
  }

  /** An intent's backend timeout. */
  public static String intentTimeout(IntentSpec intent) {
    return Optional.ofNullable(intent.getTimeout()).orElse(INTENT_TIMEOUT);
  }

  /** The governance mode. */
  public static GovernanceMode governanceMode(AgentRuntimeSpec spec) {
    return governance(spec, GovernanceSpec::getMode).orElse(GOVERNANCE_MODE);
  }

  /** How often the policy store's version is checked. */
  public static String refreshInterval(AgentRuntimeSpec spec) {
    return governance(spec, GovernanceSpec::getRefreshInterval).orElse(REFRESH_INTERVAL);
  }

  /** How long a stale policy set is served. */
  public static String maxStaleness(AgentRuntimeSpec spec) {
    return governance(spec, GovernanceSpec::getMaxStaleness).orElse(MAX_STALENESS);
  }

  /**
   * The mesh's overall request timeout: the spec's, else the longest intent timeout plus {@link
   * #MESH_TIMEOUT_MARGIN}, at least {@link #MESH_TIMEOUT}.
   */
  public static String meshTimeout(AgentRuntimeSpec spec) {
    return mesh(spec, MeshSpec::getTimeout)
        .orElseGet(
            () -> {
              Duration outlasting = longestIntentTimeout(spec).plus(MESH_TIMEOUT_MARGIN);
              Duration floor = Durations.parse(MESH_TIMEOUT).orElseThrow();
              return Durations.format(outlasting.compareTo(floor) > 0 ? outlasting : floor);
            });
  }

  /** The longest backend timeout of {@code spec}'s intents (zero without intents). */
  public static Duration longestIntentTimeout(AgentRuntimeSpec spec) {
    return Optional.ofNullable(spec.getIntents()).orElse(List.of()).stream()
        .map(intent -> Durations.parse(intentTimeout(intent)).orElse(Duration.ZERO))
        .max(Comparator.naturalOrder())
        .orElse(Duration.ZERO);
  }

  /** Mesh retries after the first attempt. */
  public static int retryAttempts(AgentRuntimeSpec spec) {
    return retries(spec, RetrySpec::getAttempts).orElse(RETRY_ATTEMPTS);
  }

  /**
   * The mesh's timeout of each attempt: the spec's, else the overall timeout. The default retry
   * conditions follow only failures before the runtime got the request, which come at once, so one
   * attempt may take the whole budget; a shorter one would cut slow intents off.
   */
  public static String perTryTimeout(AgentRuntimeSpec spec) {
    return retries(spec, RetrySpec::getPerTryTimeout).orElseGet(() -> meshTimeout(spec));
  }

  /** The mesh's retry conditions. */
  public static RetryConditions retryOn(AgentRuntimeSpec spec) {
    return RetryConditions.parse(retries(spec, RetrySpec::getRetryOn).orElse(RETRY_ON));
  }

  /** Mutual TLS mode of the runtime's workload. */
  public static MtlsMode mtlsMode(AgentRuntimeSpec spec) {
    return mesh(spec, MeshSpec::getMtls).orElse(MTLS_MODE);
  }

  /** Pod termination grace: drain, then the runtime's own shutdown, plus a margin to exit. */
  public static long terminationGracePeriodSeconds() {
    return DRAIN_SECONDS + SHUTDOWN_GRACE_SECONDS + 5L;
  }

  private static Optional<Integer> bound(
      ReplicaBounds bounds, Function<ReplicaBounds, Integer> getter) {
    return Optional.ofNullable(bounds).map(getter);
  }

  private static <T> Optional<T> autoscaling(
      AgentRuntimeSpec spec, Function<AutoscalingSpec, T> getter) {
    return Optional.ofNullable(spec.getAutoscaling()).map(getter);
  }

  private static <T> Optional<T> mesh(AgentRuntimeSpec spec, Function<MeshSpec, T> getter) {
    return Optional.ofNullable(spec.getMesh()).map(getter);
  }

  private static <T> Optional<T> retries(AgentRuntimeSpec spec, Function<RetrySpec, T> getter) {
    return mesh(spec, MeshSpec::getRetries).map(getter);
  }

  private static <T> Optional<T> governance(
      AgentRuntimeSpec spec, Function<GovernanceSpec, T> getter) {
    return Optional.ofNullable(spec.getGovernance()).map(getter);
  }
}
