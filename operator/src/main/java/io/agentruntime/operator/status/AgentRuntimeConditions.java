package io.agentruntime.operator.status;

/**
 * Condition types and reasons the operator writes on an AgentRuntime, in one place so the status,
 * the Warning Events and the documentation agree.
 */
public final class AgentRuntimeConditions {

  /** Whether the spec passed validation; False means nothing was applied. */
  public static final String VALID = "Valid";

  /** Whether at least one runtime pod is ready to serve {@code /dispatch}. */
  public static final String AVAILABLE = "Available";

  /**
   * Whether the Istio objects the spec asks for ({@code spec.mesh}, {@code spec.failover}) are
   * applied. Absent when the spec sets neither: there is nothing to configure, and an AgentRuntime
   * outside a mesh carries no condition about one. When the retry conditions may re-send a request
   * the runtime already processed, the True message carries a warning.
   */
  public static final String MESH_CONFIGURED = "MeshConfigured";

  /**
   * Whether the prometheus-operator objects the spec asks for ({@code spec.monitoring}: a
   * ServiceMonitor and a PrometheusRule unless opted out) are applied. Absent where
   * prometheus-operator is not installed, and when the spec opts out of both.
   */
  public static final String MONITORING_CONFIGURED = "MonitoringConfigured";

  /**
   * Whether the operator could read the head of the runtime's policy set in its DynamoDB store;
   * True carries the version. Absent for a runtime whose policies come from files.
   */
  public static final String GOVERNANCE_SYNCED = "GovernanceSynced";

  /**
   * Whether the inference pool has a model server ready, with ready and desired counts. Absent
   * without {@code spec.inference}.
   */
  public static final String INFERENCE_READY = "InferenceReady";

  /**
   * Whether long-running dispatches run: the queue is known (given, or created by the operator) and
   * a worker is ready, or none is needed while the queue is empty (KEDA with {@code workers.min:
   * 0}). Absent without {@code spec.async}.
   */
  public static final String ASYNC_READY = "AsyncReady";

  /** Whether the spec is valid, applied and available: the summary Argo CD reads. */
  public static final String READY = "Ready";

  /** Valid=True. */
  public static final String REASON_SPEC_VALID = "SpecValid";

  /** Valid=False and Ready=False: the spec failed validation. */
  public static final String REASON_INVALID_SPEC = "InvalidSpec";

  /** Available=True. */
  public static final String REASON_MINIMUM_REPLICAS_AVAILABLE = "MinimumReplicasAvailable";

  /** Available=False: no runtime pod is ready. */
  public static final String REASON_NO_REPLICAS_READY = "NoReplicasReady";

  /** MeshConfigured=True: every Istio object the spec asks for is applied. */
  public static final String REASON_MESH_APPLIED = "MeshApplied";

  /**
   * MeshConfigured=False: Istio's CustomResourceDefinitions are not installed, so the objects are
   * skipped (the rest of the runtime is applied as usual). An Istio whose CRDs do not serve the
   * version the operator writes gives {@code IstioVersionUnsupported}, one still being installed
   * {@code IstioNotEstablished} ({@link AddOn#reason}).
   */
  public static final String REASON_ISTIO_NOT_INSTALLED = "IstioNotInstalled";

  /**
   * MonitoringConfigured=True: every prometheus-operator object the spec asks for is applied. False
   * gives {@code PrometheusOperatorVersionUnsupported} or {@code PrometheusOperatorNotEstablished}
   * ({@link AddOn#reason}).
   */
  public static final String REASON_MONITORING_APPLIED = "MonitoringApplied";

  /** GovernanceSynced=True: the policy set's head was read. */
  public static final String REASON_POLICY_SET_READ = "PolicySetRead";

  /** GovernanceSynced=False: the DynamoDB table does not exist (and is not to be created). */
  public static final String REASON_TABLE_NOT_FOUND = "TableNotFound";

  /** GovernanceSynced=False: DynamoDB could not be reached, or refused the request. */
  public static final String REASON_STORE_UNAVAILABLE = "StoreUnavailable";

  /** Ready=True. */
  public static final String REASON_READY = "RuntimeReady";

  /** Ready=False while the first runtime pod is starting. */
  public static final String REASON_PROGRESSING = "Progressing";

  /** Ready=False: applying the objects failed (the API server refused a change, for instance). */
  public static final String REASON_APPLY_FAILED = "ApplyFailed";

  /** Ready=False after every runtime pod that had been ready was lost. */
  public static final String REASON_DEGRADED = "Degraded";

  private AgentRuntimeConditions() {}
}
