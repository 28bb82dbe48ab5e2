package io.agentruntime.operator.render;

import io.agentruntime.contract.config.AsyncIntentConfig;
import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.contract.config.TracingConfig;
import io.agentruntime.governance.Durations;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.AutoscalingSpec;
import io.agentruntime.operator.api.v1alpha1.GovernanceMode;
import io.agentruntime.operator.api.v1alpha1.GovernanceSpec;
import io.agentruntime.operator.api.v1alpha1.IntentSpec;
import io.agentruntime.operator.api.v1alpha1.MonitoringSpec;
import io.agentruntime.operator.api.v1alpha1.ReplicaBounds;
import io.agentruntime.operator.api.v1alpha1.RuntimeResources;
import io.agentruntime.operator.api.v1alpha1.TracingSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * An AgentRuntime's spec with every default applied, built once per render or reconciliation
 * ({@link #of}) and read by the renderers, the workflow's conditions and the status, so each
 * default is applied in one place ({@link AgentRuntimeDefaults}, {@link InferenceDefaults}, {@link
 * AsyncDefaults} and {@link AlertThresholdValues} hold the values; the runtime's own defaults, such
 * as the streaming timeouts and the sampling ratio, are read from its configuration records).
 * Defaults are never written back into the resource: a GitOps tool would see them as drift. Fields
 * that have no default (the image, the backends, the MCP servers, the governance store, the mesh's
 * callers) are read from {@link #written()}.
 *
 * @param written the spec as written
 * @param scaling the runtime's replica bounds and autoscaling
 * @param resources the runtime container's requests and limits
 * @param intents the intents in spec order, each with its timeouts and asynchronous dispatch
 * @param governance how policies are enforced and refreshed
 * @param mesh timeouts, retries, mutual TLS and circuit breaking in the mesh (used only when the
 *     runtime is in the mesh, {@link AgentRuntimeRenderer#usesMesh})
 * @param inference the GPU inference pool, when the spec asks for one
 * @param monitoring what prometheus-operator is given
 * @param async long-running dispatches and their workers, when the spec asks for them
 * @param tracing where the runtime exports traces, when the spec asks for it
 */
public record EffectiveSpec(
    AgentRuntimeSpec written,
    Scaling scaling,
    ResourceRequirements resources,
    List<Intent> intents,
    Governance governance,
    MeshSettings mesh,
    Optional<InferenceSettings> inference,
    Monitoring monitoring,
    Optional<AsyncSettings> async,
    Optional<Tracing> tracing) {

  /** The effective spec of a valid {@code spec}. */
  public static EffectiveSpec of(AgentRuntimeSpec spec) {
    List<IntentSpec> written = Optional.ofNullable(spec.getIntents()).orElse(List.of());
    List<Intent> intents =
        IntStream.range(0, written.size())
            .mapToObj(i -> Intent.of("spec.intents[" + i + "]", written.get(i)))
            .toList();
    return new EffectiveSpec(
        spec,
        Scaling.of(spec),
        containerResources(spec.getResources()),
        intents,
        Governance.of(spec.getGovernance()),
        MeshSettings.of(spec, intents),
        Optional.ofNullable(spec.getInference()).map(InferenceSettings::of),
        Monitoring.of(spec),
        Optional.ofNullable(spec.getAsync()).map(AsyncSettings::of),
        Optional.ofNullable(spec.getTracing()).map(Tracing::of));
  }

  /** The inference pool; call only when the spec has one. */
  public InferenceSettings inferencePool() {
    return inference.orElseThrow(() -> new IllegalStateException("spec.inference is not set"));
  }

  /**
   * The runtime's autoscaling.
   *
   * @param minReplicas fewest pods
   * @param maxReplicas most pods, never below {@code minReplicas}
   * @param targetCpuUtilization CPU target, in percent of the requests
   * @param scaleUpStabilizationSeconds sustained load before scaling up again
   * @param scaleDownStabilizationSeconds low load before scaling down
   */
  public record Scaling(
      int minReplicas,
      int maxReplicas,
      int targetCpuUtilization,
      int scaleUpStabilizationSeconds,
      int scaleDownStabilizationSeconds) {

    static Scaling of(AgentRuntimeSpec spec) {
      Optional<ReplicaBounds> bounds = Optional.ofNullable(spec.getReplicas());
      int min = bounds.map(ReplicaBounds::getMin).orElse(AgentRuntimeDefaults.MIN_REPLICAS);
      return new Scaling(
          min,
          bounds
              .map(ReplicaBounds::getMax)
              .orElse(Math.max(AgentRuntimeDefaults.MAX_REPLICAS, min)),
          autoscaling(spec, AutoscalingSpec::getTargetCPUUtilization)
              .orElse(AgentRuntimeDefaults.TARGET_CPU_UTILIZATION),
          autoscaling(spec, AutoscalingSpec::getScaleUpStabilizationSeconds)
              .orElse(AgentRuntimeDefaults.SCALE_UP_STABILIZATION_SECONDS),
          autoscaling(spec, AutoscalingSpec::getScaleDownStabilizationSeconds)
              .orElse(AgentRuntimeDefaults.SCALE_DOWN_STABILIZATION_SECONDS));
    }

    private static <T> Optional<T> autoscaling(
        AgentRuntimeSpec spec, Function<AutoscalingSpec, T> getter) {
      return Optional.ofNullable(spec.getAutoscaling()).map(getter);
    }
  }

  /** The asynchronous dispatch; call only when the spec asks for it. */
  public AsyncSettings asyncSettings() {
    return async.orElseThrow(() -> new IllegalStateException("spec.async is not set"));
  }

  /**
   * An intent.
   *
   * @param written the intent as written
   * @param timeout its backend call timeout
   * @param firstByteTimeout how long a streamed answer may take to its first byte
   * @param idleTimeout how long a streamed answer may pause between chunks
   * @param async how it runs when dispatched asynchronously
   */
  public record Intent(
      IntentSpec written,
      String timeout,
      String firstByteTimeout,
      String idleTimeout,
      AsyncIntentConfig async) {

    static Intent of(String field, IntentSpec intent) {
      return new Intent(
          intent,
          Optional.ofNullable(intent.getTimeout()).orElse(AgentRuntimeDefaults.INTENT_TIMEOUT),
          Optional.ofNullable(intent.getFirstByteTimeout())
              .orElse(Durations.format(IntentConfig.Streaming.DEFAULT_FIRST_BYTE_TIMEOUT)),
          Optional.ofNullable(intent.getIdleTimeout())
              .orElse(Durations.format(IntentConfig.Streaming.DEFAULT_IDLE_TIMEOUT)),
          AsyncDefaults.intent(field, intent));
    }

    /** The intent's name. */
    public String name() {
      return written.getName();
    }
  }

  /**
   * Governance.
   *
   * @param mode whether decisions block requests
   * @param refreshInterval how often the policy store's version is checked
   * @param maxStaleness how long a stale policy set is served while the store is unreachable
   */
  public record Governance(GovernanceMode mode, String refreshInterval, String maxStaleness) {

    static Governance of(GovernanceSpec governance) {
      Optional<GovernanceSpec> set = Optional.ofNullable(governance);
      return new Governance(
          set.map(GovernanceSpec::getMode).orElse(AgentRuntimeDefaults.GOVERNANCE_MODE),
          set.map(GovernanceSpec::getRefreshInterval).orElse(AgentRuntimeDefaults.REFRESH_INTERVAL),
          set.map(GovernanceSpec::getMaxStaleness).orElse(AgentRuntimeDefaults.MAX_STALENESS));
    }
  }

  /**
   * Where the runtime exports traces.
   *
   * @param endpoint the OTLP/HTTP endpoint
   * @param samplingRatio the share of traces started at the runtime that are kept
   */
  public record Tracing(String endpoint, double samplingRatio) {

    static Tracing of(TracingSpec tracing) {
      return new Tracing(
          tracing.getEndpoint(),
          Optional.ofNullable(tracing.getSamplingRatio())
              .orElse(TracingConfig.DEFAULT_SAMPLING_RATIO));
    }
  }

  /**
   * What prometheus-operator is given: where it is installed, a runtime is scraped and alerted on
   * unless its spec opts out, so an absent section means both.
   *
   * @param serviceMonitor whether a ServiceMonitor scrapes the runtime
   * @param alerts whether a PrometheusRule carries the runtime's alerts
   * @param thresholds the alerts' thresholds
   */
  public record Monitoring(
      boolean serviceMonitor, boolean alerts, AlertThresholdValues thresholds) {

    static Monitoring of(AgentRuntimeSpec spec) {
      Optional<MonitoringSpec> set = Optional.ofNullable(spec.getMonitoring());
      return new Monitoring(
          set.map(MonitoringSpec::getServiceMonitor).orElse(true),
          set.map(MonitoringSpec::getAlerts).orElse(true),
          AlertThresholdValues.of(spec));
    }
  }

  /**
   * A container of the runtime's image (the serving runtime's or a worker's): {@code resources}
   * when given (as a whole: requests and limits are tuned together), otherwise requests of 250m CPU
   * and 512Mi memory, limits of 2 CPUs and 4Gi.
   */
  static ResourceRequirements containerResources(RuntimeResources resources) {
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
}
