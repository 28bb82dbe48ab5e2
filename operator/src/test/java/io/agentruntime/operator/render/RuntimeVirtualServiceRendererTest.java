package io.agentruntime.operator.render;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRetry;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.networking.v1.VirtualService;
import org.junit.jupiter.api.Test;

class RuntimeVirtualServiceRendererTest {

  private static final String RUNTIME =
      """
      image: ghcr.io/agentruntime/runtime:0.1.0
      intents: [{name: ping, backend: {echo: {}}}]
      """;

  @Test
  void routesTheRuntimeServiceWithTheDefaultTimeoutAndSafeRetries() {
    VirtualService service =
        AgentRuntimeFixtures.rendered(
            withSpec(RUNTIME + "mesh: {}"), RuntimeVirtualServiceRenderer::render);
    HTTPRoute route = service.getSpec().getHttp().getFirst();

    assertThat(service.getSpec().getHosts()).containsExactly("support.agents.svc.cluster.local");
    assertThat(route.getRoute().getFirst().getDestination().getHost())
        .isEqualTo("support.agents.svc.cluster.local");
    assertThat(route.getRoute().getFirst().getDestination().getPort().getNumber()).isEqualTo(8080);
    assertThat(route.getTimeout()).as("the 30s intent timeout and a margin").isEqualTo("35s");
    assertThat(route.getRetries())
        .extracting(HTTPRetry::getAttempts, HTTPRetry::getPerTryTimeout, HTTPRetry::getRetryOn)
        .containsExactly(
            2, "35s", "connect-failure,refused-stream,unavailable,reset-before-request");
    assertThat(RetryConditions.parse(route.getRetries().getRetryOn()).mayRepeatProcessedRequests())
        .isFalse();
  }

  /**
   * Envoy counts a request it timed out as a failure of the pod, the runtime's own 504 never: by
   * default the mesh waits for the slowest intent's timeout, so one slow intent cannot eject
   * healthy pods.
   */
  @Test
  void byDefaultTheMeshOutlastsTheSlowestIntent() {
    HTTPRoute route =
        AgentRuntimeFixtures.rendered(
                withSpec(
                    """
                    image: ghcr.io/agentruntime/runtime:0.1.0
                    intents:
                      - {name: ping, backend: {echo: {}}, timeout: 2s}
                      - {name: summarize, backend: {echo: {}}, timeout: 2m}
                    mesh: {}
                    """),
                RuntimeVirtualServiceRenderer::render)
            .getSpec()
            .getHttp()
            .getFirst();

    assertThat(route.getTimeout()).isEqualTo("125s");
    assertThat(route.getRetries().getPerTryTimeout()).isEqualTo("125s");
    assertThat(
            AgentRuntimeFixtures.rendered(
                    withSpec(
                        """
                        image: ghcr.io/agentruntime/runtime:0.1.0
                        intents: [{name: ping, backend: {echo: {}}, timeout: 2s}]
                        mesh: {}
                        """),
                    RuntimeVirtualServiceRenderer::render)
                .getSpec()
                .getHttp()
                .getFirst()
                .getTimeout())
        .as("never below 30s")
        .isEqualTo("30s");
  }

  /**
   * A streamed answer lasts as long as its intent's timeout, which the runtime enforces itself: by
   * default neither the route's timeout nor the per-try timeout cuts it earlier, and the retry
   * conditions are all raised before the runtime read the request, so Envoy, which retries only
   * before it has forwarded any of the response, never re-sends a streamed request.
   */
  @Test
  void aStreamingIntentIsNeverCutOrRetriedByTheMesh() {
    HTTPRoute route =
        AgentRuntimeFixtures.rendered(
                withSpec(
                    """
                    image: ghcr.io/agentruntime/runtime:0.1.0
                    intents:
                      - {name: ping, backend: {echo: {}}, timeout: 2s}
                      - {name: chat, backend: {inference: {}}, timeout: 10m}
                    inference: {image: vllm/vllm-openai:v0.11.0, model: m}
                    mesh: {}
                    """),
                RuntimeVirtualServiceRenderer::render)
            .getSpec()
            .getHttp()
            .getFirst();

    assertThat(route.getTimeout()).isEqualTo("605s");
    assertThat(route.getRetries().getPerTryTimeout()).isEqualTo("605s");
    assertThat(RetryConditions.parse(route.getRetries().getRetryOn()).unsafe()).isEmpty();
  }

  @Test
  void takesTheTimeoutAndRetriesFromTheSpec() {
    HTTPRoute route =
        AgentRuntimeFixtures.rendered(
                withSpec(
                    RUNTIME
                        + """
                        mesh:
                          timeout: 8s
                          retries: {attempts: 0, perTryTimeout: 4s, retryOn: connect-failure}
                        """),
                RuntimeVirtualServiceRenderer::render)
            .getSpec()
            .getHttp()
            .getFirst();

    assertThat(route.getTimeout()).isEqualTo("8s");
    assertThat(route.getRetries())
        .extracting(HTTPRetry::getAttempts, HTTPRetry::getPerTryTimeout, HTTPRetry::getRetryOn)
        .containsExactly(0, "4s", "connect-failure");
  }

  @Test
  void anOptInTo5xxRetriesIsRenderedAndDetectedAsUnsafe() {
    var cr =
        withSpec(RUNTIME + "mesh: {retries: {retryOn: \"connect-failure, 5xx,gateway-error\"}}");

    String retryOn =
        AgentRuntimeFixtures.rendered(cr, RuntimeVirtualServiceRenderer::render)
            .getSpec()
            .getHttp()
            .getFirst()
            .getRetries()
            .getRetryOn();

    assertThat(retryOn).isEqualTo("connect-failure,5xx,gateway-error");
    assertThat(EffectiveSpec.of(cr.getSpec()).mesh().retryOn().unsafe())
        .containsExactly("5xx", "gateway-error");
  }
}
