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
    DestinationRule rule =
        AgentRuntimeFixtures.rendered(
            withSpec(RUNTIME + "mesh: {}"), RuntimeDestinationRuleRenderer::render);
    TrafficPolicy policy = rule.getSpec().getTrafficPolicy();

    assertThat(rule.getMetadata().getName()).isEqualTo("support");
    assertThat(rule.getSpec().getHost()).isEqualTo("support.agents.svc.cluster.local");
    assertThat(policy.getConnectionPool().getTcp().getMaxConnections()).isEqualTo(1000);
    assertThat(policy.getConnectionPool().getHttp().getHttp1MaxPendingRequests()).isEqualTo(200);
    assertThat(policy.getConnectionPool().getHttp().getMaxRequestsPerConnection()).isEqualTo(100);
    assertThat(policy.getOutlierDetection())
        .extracting(
            OutlierDetection::getConsecutiveLocalOriginFailures,
            OutlierDetection::getInterval,
            OutlierDetection::getBaseEjectionTime,
            OutlierDetection::getMaxEjectionPercent)
        .containsExactly(5, "10s", "30s", 50);
  }

  /**
   * The runtime answers 503 {@code backend-saturated} and 504 {@code backend-timeout} when one
   * intent's backend is full or slow. Istio counts every 5xx answer unless told otherwise, and its
   * gateway errors are 502, 503 and 504: either would eject healthy pods for one intent's backend.
   */
  @Test
  void ejectsAPodOnlyForItsOwnFailuresNeverForTheRuntimesAnswers() {
    OutlierDetection detection =
        AgentRuntimeFixtures.rendered(
                withSpec(RUNTIME + "mesh: {}"), RuntimeDestinationRuleRenderer::render)
            .getSpec()
            .getTrafficPolicy()
            .getOutlierDetection();

    assertThat(detection.getSplitExternalLocalOriginErrors())
        .as("local-origin failures counted apart from answers")
        .isTrue();
    assertThat(detection.getConsecutive5xxErrors())
        .as("5xx answers: 0 switches Istio's default of 5 off")
        .isZero();
    assertThat(detection.getConsecutiveGatewayErrors())
        .as("502/503/504 answers are the runtime's own")
        .isNull();
    assertThat(detection.getConsecutiveErrors()).as("deprecated gateway-error count").isNull();
  }

  @Test
  void takesEveryCircuitBreakerSettingFromTheSpec() {
    DestinationRule rule =
        AgentRuntimeFixtures.rendered(
            withSpec(
                RUNTIME
                    + """
                    mesh:
                      circuitBreaker:
                        consecutiveLocalOriginFailures: 3
                        interval: 5s
                        baseEjectionTime: 1m
                        maxEjectionPercent: 20
                        maxConnections: 64
                        maxPendingRequests: 16
                    """),
            RuntimeDestinationRuleRenderer::render);
    TrafficPolicy policy = rule.getSpec().getTrafficPolicy();

    assertThat(policy.getConnectionPool().getTcp().getMaxConnections()).isEqualTo(64);
    assertThat(policy.getConnectionPool().getHttp().getHttp1MaxPendingRequests()).isEqualTo(16);
    assertThat(policy.getOutlierDetection())
        .extracting(
            OutlierDetection::getConsecutiveLocalOriginFailures,
            OutlierDetection::getInterval,
            OutlierDetection::getBaseEjectionTime,
            OutlierDetection::getMaxEjectionPercent)
        .containsExactly(3, "5s", "1m", 20);
  }

  @Test
  void failsOverAlongTheRegionsInOrderOfPreference() {
    DestinationRule rule =
        AgentRuntimeFixtures.rendered(
            withSpec(RUNTIME + "failover: {regions: [us-east-1, us-west-2, eu-west-1]}"),
            RuntimeDestinationRuleRenderer::render);
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
        AgentRuntimeFixtures.rendered(
            withSpec(RUNTIME + "failover: {regions: [us-east-1, us-west-2]}"),
            RuntimeDestinationRuleRenderer::render);

    OutlierDetection detection = rule.getSpec().getTrafficPolicy().getOutlierDetection();
    assertThat(detection.getSplitExternalLocalOriginErrors()).isTrue();
    assertThat(detection.getConsecutiveLocalOriginFailures()).isEqualTo(5);
  }

  @Test
  void leavesLoadBalancingToIstioWithoutFailover() {
    DestinationRule rule =
        AgentRuntimeFixtures.rendered(
            withSpec(RUNTIME + "mesh: {timeout: 10s}"), RuntimeDestinationRuleRenderer::render);

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
