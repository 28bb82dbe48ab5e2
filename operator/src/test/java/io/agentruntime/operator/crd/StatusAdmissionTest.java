package io.agentruntime.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.api.v1alpha1.PolicySetLocation;
import io.agentruntime.operator.render.AgentRuntimeFixtures;
import io.agentruntime.operator.render.EffectiveSpec;
import io.agentruntime.operator.status.AddOnCrd;
import io.agentruntime.operator.status.AddOnOutcome;
import io.agentruntime.operator.status.AgentRuntimeStatusAggregator;
import io.agentruntime.operator.status.GovernanceOutcome;
import io.agentruntime.operator.status.GovernancePolicyStatusAggregator;
import io.agentruntime.operator.status.InferenceOutcome;
import io.agentruntime.operator.status.Observations;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The statuses the operator writes pass the CRDs' status schema: conditions with every required
 * field, in bounds, one per type (the status is patched whole, so a refusal would stop every status
 * update of the resource).
 */
class StatusAdmissionTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  @Test
  void anAgentRuntimeStatusWithEveryConditionIsAdmitted() {
    var cr = AgentRuntimeFixtures.example("full");
    cr.getMetadata().setGeneration(3L);
    var karpenter =
        new AddOnCrd(
            "NodePool",
            "nodepools.karpenter.sh",
            "v1",
            AddOnCrd.State.VERSION_NOT_SERVED,
            List.of("v1beta1"));
    var observed =
        Observations.of(
                Optional.of(
                    new DeploymentBuilder().withNewStatus().withReplicas(3).endStatus().build()),
                GovernanceOutcome.synced(17))
            .withMesh(new AddOnOutcome(List.of("DestinationRule", "VirtualService"), List.of()))
            .withMonitoring(new AddOnOutcome(List.of("ServiceMonitor"), List.of()))
            .withInference(new InferenceOutcome(true, 2, 0, List.of(karpenter), true));
    cr.setStatus(
        new AgentRuntimeStatusAggregator(CLOCK)
            .applied(cr, EffectiveSpec.of(cr.getSpec()), observed));

    assertThat(cr.getStatus().getConditions()).hasSize(7);
    assertThat(OwnCrds.refusals(json(cr))).isEmpty();
  }

  @Test
  void anInvalidSpecsStatusWithALongMessageIsAdmitted() {
    var cr = AgentRuntimeFixtures.example("minimal");
    cr.getMetadata().setGeneration(1L);
    cr.setStatus(
        new AgentRuntimeStatusAggregator(CLOCK)
            .invalid(cr, "spec.intents[0].timeout: not a duration; ".repeat(2000)));

    assertThat(OwnCrds.refusals(json(cr))).isEmpty();
  }

  @Test
  void aGovernancePolicyStatusIsAdmitted() {
    var policy = JSON.unmarshal(read("governance-policy.yaml"), GovernancePolicy.class);
    policy.getMetadata().setGeneration(1L);
    policy.setStatus(
        new GovernancePolicyStatusAggregator(CLOCK)
            .synced(
                policy,
                new PolicySetLocation("governance-policies", "us-east-1", "agents/support"),
                18));

    assertThat(OwnCrds.refusals(json(policy))).isEmpty();
  }

  private static String read(String example) {
    try {
      return Files.readString(AgentRuntimeFixtures.EXAMPLES.resolve(example));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(Object resource) {
    return JSON.convertValue(resource, JsonNode.class);
  }
}
