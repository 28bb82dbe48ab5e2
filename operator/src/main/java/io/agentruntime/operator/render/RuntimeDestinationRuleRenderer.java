package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.FailoverSpec;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LocalityLoadBalancerSettingFailover;
import io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection;
import io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetectionBuilder;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.DestinationRuleBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The Istio DestinationRule {@code <n>} of the runtime Service: the client proxies' circuit breaker
 * (connection limits, outlier detection) and, with {@code spec.failover}, locality failover.
 *
 * <p>Outlier detection is always rendered: Istio applies locality failover only when it can eject
 * unhealthy endpoints, so failover without it would silently do nothing.
 *
 * <p>It counts only failures the client proxy sees itself ({@code splitExternalLocalOriginErrors}):
 * a connection refused or reset, a request the mesh timed out. The runtime answers 502, 503 and 504
 * of its own about its backends (503 {@code backend-saturated} when one intent's pool is full, 504
 * when its backend is slow), so counting 5xx answers, or Istio's gateway errors (502, 503, 504),
 * would let one slow intent eject healthy pods and take the capacity of every intent with them.
 * Istio counts 5xx answers unless told not to ({@code consecutive5xxErrors} defaults to 5), hence
 * the explicit 0; gateway errors are off unless set, and are left unset.
 */
public final class RuntimeDestinationRuleRenderer {

  private RuntimeDestinationRuleRenderer() {}

  /** The DestinationRule of {@code cr}'s runtime Service. */
  public static DestinationRule render(AgentRuntime cr, EffectiveSpec spec) {
    CircuitBreakerSettings breaker = spec.mesh().circuitBreaker();
    return new DestinationRuleBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.runtime(cr), Component.RUNTIME))
        .withNewSpec()
        .withHost(ResourceNames.runtimeHost(cr))
        .withNewTrafficPolicy()
        .withConnectionPool(connectionPool(breaker))
        .withOutlierDetection(outlierDetection(breaker))
        .withLoadBalancer(loadBalancer(cr.getSpec().getFailover()))
        .endTrafficPolicy()
        .endSpec()
        .build();
  }

  /**
   * Where traffic from each region goes when that region has no healthy runtime pod: each listed
   * region fails over to the next one, and the last back to the first (the most preferred). A
   * single region has nowhere to fail over to and gets no entry.
   */
  public static List<LocalityLoadBalancerSettingFailover> failover(List<String> regions) {
    List<LocalityLoadBalancerSettingFailover> failover = new ArrayList<>();
    for (int i = 0; regions.size() > 1 && i < regions.size(); i++) {
      String next = regions.get((i + 1) % regions.size());
      failover.add(new LocalityLoadBalancerSettingFailover(regions.get(i), next));
    }
    return failover;
  }

  private static ConnectionPoolSettings connectionPool(CircuitBreakerSettings breaker) {
    return new ConnectionPoolSettingsBuilder()
        .withNewTcp()
        .withMaxConnections(breaker.maxConnections())
        .endTcp()
        .withNewHttp()
        .withHttp1MaxPendingRequests(breaker.maxPendingRequests())
        .withMaxRequestsPerConnection(AgentRuntimeDefaults.MAX_REQUESTS_PER_CONNECTION)
        .endHttp()
        .build();
  }

  private static OutlierDetection outlierDetection(CircuitBreakerSettings breaker) {
    return new OutlierDetectionBuilder()
        .withSplitExternalLocalOriginErrors(true)
        .withConsecutiveLocalOriginFailures(breaker.consecutiveLocalOriginFailures())
        .withConsecutive5xxErrors(0)
        .withInterval(breaker.interval())
        .withBaseEjectionTime(breaker.baseEjectionTime())
        .withMaxEjectionPercent(breaker.maxEjectionPercent())
        .build();
  }

  /** Locality failover along {@code spec.failover.regions}; none without it. */
  private static LoadBalancerSettings loadBalancer(FailoverSpec failover) {
    if (failover == null) {
      return null;
    }
    return new LoadBalancerSettingsBuilder()
        .withNewLocalityLbSetting()
        .withEnabled(true)
        .withFailover(failover(failover.getRegions()))
        .endLocalityLbSetting()
        .build();
  }
}
