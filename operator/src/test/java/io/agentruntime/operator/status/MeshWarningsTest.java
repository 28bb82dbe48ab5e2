package io.agentruntime.operator.status;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.render.EffectiveSpec;
import org.junit.jupiter.api.Test;

class MeshWarningsTest {

  private static final String RUNTIME =
      """
      image: ghcr.io/agentruntime/runtime:0.1.0
      intents:
        - {name: ping, backend: {echo: {}}, timeout: 2s}
        - {name: call_reasoning, backend: {echo: {}}, timeout: 30s}
      """;

  @Test
  void theDefaultsWarnOfNothing() {
    assertThat(MeshWarnings.of(effective(RUNTIME + "mesh: {}"))).isEmpty();
  }

  /** The mesh's timeout would count a slow intent's requests as failures of healthy pods. */
  @Test
  void warnsOfAMeshTimeoutThatDoesNotOutlastAnIntent() {
    assertThat(MeshWarnings.of(effective(RUNTIME + "mesh: {timeout: 30s}")))
        .isEqualTo(
            "; warning: spec.mesh.timeout 30s does not outlast intent call_reasoning's timeout"
                + " 30s: the mesh gives up before the runtime answers 504, and outlier detection"
                + " counts each such timeout against the pod");
    assertThat(
            MeshWarnings.of(
                effective(RUNTIME + "mesh: {timeout: 40s, retries: {perTryTimeout: 15s}}")))
        .startsWith(
            "; warning: spec.mesh.retries.perTryTimeout 15s does not outlast intent"
                + " call_reasoning's timeout 30s");
    assertThat(MeshWarnings.of(effective(RUNTIME + "mesh: {timeout: 31s}"))).isEmpty();
  }

  @Test
  void warnsOfRetriesThatMayRunARequestTwice() {
    assertThat(MeshWarnings.of(effective(RUNTIME + "mesh: {retries: {retryOn: 5xx}}")))
        .startsWith("; warning: spec.mesh.retries.retryOn 5xx may re-send requests");
  }

  private static EffectiveSpec effective(String specYaml) {
    return EffectiveSpec.of(withSpec(specYaml).getSpec());
  }
}
