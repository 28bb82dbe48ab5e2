package io.agentruntime.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimePhase;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentRuntimeStatusAggregatorTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T10:05:00Z");

  @Test
  void progressesUntilAPodIsReadyThenIsReady() {
    var cr = agentRuntime(1L);

    var progressing = at(T0).applied(cr, deployment(2, 0));
    assertThat(progressing.getPhase()).isEqualTo(AgentRuntimePhase.PROGRESSING);
    assertThat(condition(progressing, "Ready").getReason()).isEqualTo("Progressing");

    cr.setStatus(progressing);
    var ready = at(T1).applied(cr, deployment(2, 1));
    assertThat(ready.getPhase()).isEqualTo(AgentRuntimePhase.READY);
    assertThat(ready.getReadyReplicas()).isEqualTo(1);
    assertThat(ready.getEndpoint())
        .isEqualTo("http://support.agents.svc.cluster.local:8080/dispatch");
  }

  @Test
  void keepsTheTransitionTimeOfConditionsThatDidNotChange() {
    var cr = agentRuntime(1L);
    cr.setStatus(at(T0).applied(cr, deployment(2, 0)));

    var later = at(T1).applied(cr, deployment(2, 1));

    assertThat(condition(later, "Valid").getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(condition(later, "Available").getLastTransitionTime())
        .isEqualTo("2026-01-01T10:05:00Z");
  }

  @Test
  void anUnchangedObservationNeedsNoWrite() {
    var cr = agentRuntime(1L);
    cr.setStatus(at(T0).applied(cr, deployment(2, 2)));

    var again = at(T1).applied(cr, deployment(2, 2));

    assertThat(AgentRuntimeStatusAggregator.changed(cr, again)).isFalse();
    assertThat(AgentRuntimeStatusAggregator.changed(cr, at(T1).applied(cr, deployment(2, 1))))
        .isTrue();
  }

  @Test
  void isDegradedOnlyAfterHavingBeenAvailable() {
    var cr = agentRuntime(1L);
    cr.setStatus(at(T0).applied(cr, deployment(2, 2)));

    var lost = at(T1).applied(cr, deployment(2, 0));
    assertThat(lost.getPhase()).isEqualTo(AgentRuntimePhase.DEGRADED);

    cr.setStatus(lost);
    assertThat(at(T1).applied(cr, deployment(2, 0)).getPhase())
        .as("stays Degraded until a pod is ready again")
        .isEqualTo(AgentRuntimePhase.DEGRADED);
  }

  @Test
  void anInvalidSpecKeepsWhatWasObservedAndNamesTheField() {
    var cr = agentRuntime(1L);
    cr.setStatus(at(T0).applied(cr, deployment(2, 2)));
    cr.getMetadata().setGeneration(2L);

    var invalid = at(T1).invalid(cr, "spec.replicas.min: must not exceed spec.replicas.max");

    assertThat(invalid.getPhase()).isEqualTo(AgentRuntimePhase.INVALID);
    assertThat(invalid.getObservedGeneration()).isEqualTo(2L);
    assertThat(invalid.getReadyReplicas()).isEqualTo(2);
    var valid = condition(invalid, "Valid");
    assertThat(valid.getStatus()).isEqualTo("False");
    assertThat(valid.getReason()).isEqualTo("InvalidSpec");
    assertThat(valid.getMessage()).startsWith("spec.replicas.min");
    assertThat(valid.getObservedGeneration()).isEqualTo(2L);
    assertThat(condition(invalid, "Available").getObservedGeneration())
        .as("describes the last applied generation")
        .isEqualTo(1L);
  }

  private static AgentRuntimeStatusAggregator at(Instant now) {
    return new AgentRuntimeStatusAggregator(Clock.fixed(now, ZoneOffset.UTC));
  }

  private static AgentRuntime agentRuntime(long generation) {
    var cr = new AgentRuntime();
    cr.setMetadata(
        new ObjectMetaBuilder()
            .withName("support")
            .withNamespace("agents")
            .withGeneration(generation)
            .build());
    return cr;
  }

  private static Optional<Deployment> deployment(int replicas, int ready) {
    return Optional.of(
        new DeploymentBuilder()
            .withNewStatus()
            .withReplicas(replicas)
            .withReadyReplicas(ready)
            .endStatus()
            .build());
  }

  private static Condition condition(AgentRuntimeStatus status, String type) {
    return status.getConditions().stream()
        .filter(condition -> type.equals(condition.getType()))
        .findFirst()
        .orElseThrow();
  }
}
