package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.GovernanceMode;
import io.agentruntime.operator.api.v1alpha1.MtlsMode;
import java.time.Duration;

/**
 * The defaults of the AgentRuntime spec, applied once by {@link EffectiveSpec} and never written
 * back into the resource (a GitOps tool would see the written defaults as drift). The values mirror
 * the original system's task counts, autoscaling target and cooldowns.
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

  /** Pod termination grace: drain, then the runtime's own shutdown, plus a margin to exit. */
  public static long terminationGracePeriodSeconds() {
    return DRAIN_SECONDS + SHUTDOWN_GRACE_SECONDS + 5L;
  }
}
