package io.agentruntime.operator.render;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.minimal;
import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import org.junit.jupiter.api.Test;

class RuntimeHpaRendererTest {

  private static final String BASE =
      """
      image: ghcr.io/agentruntime/runtime:0.1.0
      intents:
        - name: ping
          backend: {echo: {}}
      """;

  @Test
  void scalesTheRuntimeDeploymentWithTheOriginalSystemsDefaults() {
    HorizontalPodAutoscaler hpa =
        AgentRuntimeFixtures.rendered(minimal(), RuntimeHpaRenderer::render);
    HorizontalPodAutoscalerSpec spec = hpa.getSpec();

    assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
    assertThat(spec.getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(spec.getScaleTargetRef().getName()).isEqualTo("support");
    assertThat(spec.getMinReplicas()).isEqualTo(2);
    assertThat(spec.getMaxReplicas()).isEqualTo(10);
    assertThat(spec.getMetrics().getFirst().getResource().getName()).isEqualTo("cpu");
    assertThat(cpuTarget(spec)).isEqualTo(60);
    assertThat(spec.getBehavior().getScaleUp().getStabilizationWindowSeconds()).isEqualTo(60);
    assertThat(spec.getBehavior().getScaleDown().getStabilizationWindowSeconds()).isEqualTo(300);
  }

  @Test
  void takesBoundsAndTuningFromTheSpec() {
    HorizontalPodAutoscalerSpec spec =
        AgentRuntimeFixtures.rendered(
                withSpec(
                    BASE
                        + """
                        replicas: {min: 3, max: 7}
                        autoscaling:
                          targetCPUUtilization: 75
                          scaleUpStabilizationSeconds: 15
                          scaleDownStabilizationSeconds: 900
                        """),
                RuntimeHpaRenderer::render)
            .getSpec();

    assertThat(spec.getMinReplicas()).isEqualTo(3);
    assertThat(spec.getMaxReplicas()).isEqualTo(7);
    assertThat(cpuTarget(spec)).isEqualTo(75);
    assertThat(spec.getBehavior().getScaleUp().getStabilizationWindowSeconds()).isEqualTo(15);
    assertThat(spec.getBehavior().getScaleDown().getStabilizationWindowSeconds()).isEqualTo(900);
  }

  @Test
  void raisesTheDefaultMaximumToAMinimumAboveIt() {
    HorizontalPodAutoscalerSpec spec =
        AgentRuntimeFixtures.rendered(
                withSpec(BASE + "replicas: {min: 12}\n"), RuntimeHpaRenderer::render)
            .getSpec();

    assertThat(spec.getMinReplicas()).isEqualTo(12);
    assertThat(spec.getMaxReplicas()).isEqualTo(12);
  }

  @Test
  void neverWritesDefaultsBackIntoTheSpec() {
    var cr = minimal();

    AgentRuntimeFixtures.rendered(cr, RuntimeHpaRenderer::render);

    assertThat(cr.getSpec().getReplicas()).isNull();
    assertThat(cr.getSpec().getAutoscaling()).isNull();
  }

  private static Integer cpuTarget(HorizontalPodAutoscalerSpec spec) {
    return spec.getMetrics().getFirst().getResource().getTarget().getAverageUtilization();
  }
}
