package io.agentruntime.operator.render;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.istio.api.api.networking.v1alpha3.LocalityLoadBalancerSettingFailover;
import io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeDestinationRuleRendererTest {

  private static final String RUNTIME =
      """
      image: ghcr.io/agentruntime/runtime:0.1.0
      intents: [{name: ping, backend: {echo: {}}}]
      """;

  @Test
  void appliesTheDefaultCircuitBreakerToTheRuntimeService() {
    DestinationRule rule = RuntimeDestinationRuleRenderer.render(withSpec(RUNTIME + "mesh: {}"));
    TrafficPolicy policy = rule.getSpec().getTrafficPolicy();

    assertThat(rule.getMetadata().getName()).isEqualTo("support");
    assertThat(rule.getSpec().getHost()).isEqualTo("support.agents.svc.cluster.local");
    assertThat(policy.getConnectionPool().getTcp().getMaxConnections()).isEqualTo(1000);
    assertThat(policy.getConnectionPool().getHttp().getHttp1MaxPendingRequests()).isEqualTo(200);
    assertThat(policy.getConnectionPool().getHttp().getMaxRequestsPerConnection()).isEqualTo(100);
    assertThat(policy.getOutlierDetection())
        .extracting(
            OutlierDetection::getConsecutive5xxErrors,
            OutlierDetection::getInterval,
            OutlierDetection::getBaseEjectionTime,
            OutlierDetection::getMaxEjectionPercent)
        .containsExactly(5, "10s", "30s", 50);
  }

  @Test
  void takesEveryCircuitBreakerSettingFromTheSpec() {
    DestinationRule rule =
        RuntimeDestinationRuleRenderer.render(
            withSpec(
                RUNTIME
                    + """
                    mesh:
                      circuitBreaker:
                        consecutive5xxErrors: 3
                        interval: 5s
                        baseEjectionTime: 1m
                        maxEjectionPercent: 20
                        maxConnections: 64
                        maxPendingRequests: 16
                    """));
    TrafficPolicy policy = rule.getSpec().getTrafficPolicy();

    assertThat(policy.getConnectionPool().getTcp().getMaxConnections()).isEqualTo(64);
    assertThat(policy.getConnectionPool().getHttp().getHttp1MaxPendingRequests()).isEqualTo(16);
    assertThat(policy.getOutlierDetection())
        .extracting(
            OutlierDetection::getConsecutive5xxErrors,
            OutlierDetection::getInterval,
            OutlierDetection::getBaseEjectionTime,
            OutlierDetection::getMaxEjectionPercent)
        .containsExactly(3, "5s", "1m", 20);
  }

  @Test
  void failsOverAlongTheRegionsInOrderOfPreference() {
    DestinationRule rule =
        RuntimeDestinationRuleRenderer.render(
            withSpec(RUNTIME + "failover: {regions: [us-east-1, us-west-2, eu-west-1]}"));
    var locality = rule.getSpec().getTrafficPolicy().getLoadBalancer().getLocalityLbSetting();

    assertThat(locality.getEnabled()).isTrue();
    assertThat(locality.getFailover())
        .extracting(
            LocalityLoadBalancerSettingFailover::getFrom,
            LocalityLoadBalancerSettingFailover::getTo)
        .containsExactly(
            tuple("us-east-1", "us-west-2"),
            tuple("us-west-2", "eu-west-1"),
            tuple("eu-west-1", "us-east-1"));
  }

  @Test
  void keepsOutlierDetectionWhenOnlyFailoverIsSet() {
    DestinationRule rule =
        RuntimeDestinationRuleRenderer.render(
            withSpec(RUNTIME + "failover: {regions: [us-east-1, us-west-2]}"));

    assertThat(rule.getSpec().getTrafficPolicy().getOutlierDetection().getConsecutive5xxErrors())
        .isEqualTo(5);
  }

  @Test
  void leavesLoadBalancingToIstioWithoutFailover() {
    DestinationRule rule =
        RuntimeDestinationRuleRenderer.render(withSpec(RUNTIME + "mesh: {timeout: 10s}"));

    assertThat(rule.getSpec().getTrafficPolicy().getLoadBalancer()).isNull();
    assertThat(rule.getSpec().getTrafficPolicy().getOutlierDetection()).isNotNull();
  }

  @Test
  void aSingleRegionHasNowhereToFailOverTo() {
    assertThat(RuntimeDestinationRuleRenderer.failover(List.of("us-east-1"))).isEmpty();
    assertThat(RuntimeDestinationRuleRenderer.failover(List.of("us-east-1", "us-west-2")))
        .extracting(LocalityLoadBalancerSettingFailover::getTo)
        .containsExactly("us-west-2", "us-east-1");
  }
}
