package io.agentruntime.operator.status;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.api.schema.ConditionsSchema;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimePhase;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeStatus;
import io.agentruntime.operator.render.EffectiveSpec;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentRuntimeStatusAggregatorTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T10:05:00Z");

  private static final String RUNTIME =
      """
      image: ghcr.io/agentruntime/runtime:0.1.0
      intents:
        - name: ping
          backend: {echo: {}}
      """;

  @Test
  void reportsTheInferencePoolWithoutChangingThePhase() {
    var cr = agentRuntime(1L);

    var loading =
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 2), GovernanceOutcome.NOT_CONFIGURED)
                    .withInference(
                        new InferenceOutcome(
                            true,
                            1,
                            0,
                            List.of(missing("NodePool", "nodepools.karpenter.sh")),
                            false)));
    cr.setStatus(loading);
    var idle =
        at(T1)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 2), GovernanceOutcome.NOT_CONFIGURED)
                    .withInference(new InferenceOutcome(true, 0, 0, List.of(), false)));
    var serving =
        at(T1)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 2), GovernanceOutcome.NOT_CONFIGURED)
                    .withInference(new InferenceOutcome(true, 2, 1, List.of(), false)));

    assertThat(loading.getPhase())
        .as("the runtime serves other intents")
        .isEqualTo(AgentRuntimePhase.READY);
    assertThat(condition(loading, "InferenceReady").getStatus()).isEqualTo("False");
    assertThat(condition(loading, "InferenceReady").getReason()).isEqualTo("ModelLoading");
    assertThat(condition(loading, "InferenceReady").getMessage())
        .contains("0 of 1 model servers ready", "Karpenter is not installed");
    assertThat(condition(idle, "InferenceReady").getReason()).isEqualTo("ScaledToZero");
    assertThat(condition(serving, "InferenceReady").getStatus()).isEqualTo("True");
    assertThat(condition(serving, "InferenceReady").getMessage())
        .startsWith("1 of 2 model servers ready");
    assertThat(condition(serving, "InferenceReady").getLastTransitionTime())
        .isNotEqualTo(condition(loading, "InferenceReady").getLastTransitionTime());
  }

  @Test
  void progressesUntilAPodIsReadyThenIsReady() {
    var cr = agentRuntime(1L);

    var progressing =
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 0), GovernanceOutcome.NOT_CONFIGURED));
    assertThat(progressing.getPhase()).isEqualTo(AgentRuntimePhase.PROGRESSING);
    assertThat(condition(progressing, "Ready").getReason()).isEqualTo("Progressing");

    cr.setStatus(progressing);
    var ready =
        at(T1)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 1), GovernanceOutcome.NOT_CONFIGURED));
    assertThat(ready.getPhase()).isEqualTo(AgentRuntimePhase.READY);
    assertThat(ready.getReadyReplicas()).isEqualTo(1);
    assertThat(ready.getEndpoint())
        .isEqualTo("http://support.agents.svc.cluster.local:8080/dispatch");
  }

  @Test
  void keepsTheTransitionTimeOfConditionsThatDidNotChange() {
    var cr = agentRuntime(1L);
    cr.setStatus(
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 0), GovernanceOutcome.NOT_CONFIGURED)));

    var later =
        at(T1)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 1), GovernanceOutcome.NOT_CONFIGURED));

    assertThat(condition(later, "Valid").getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(condition(later, "Available").getLastTransitionTime())
        .isEqualTo("2026-01-01T10:05:00Z");
  }

  @Test
  void anUnchangedObservationNeedsNoWrite() {
    var cr = agentRuntime(1L);
    cr.setStatus(
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 2), GovernanceOutcome.NOT_CONFIGURED)));

    var again =
        at(T1)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 2), GovernanceOutcome.NOT_CONFIGURED));

    assertThat(AgentRuntimeStatusAggregator.changed(cr, again)).isFalse();
    assertThat(
            AgentRuntimeStatusAggregator.changed(
                cr,
                at(T1)
                    .applied(
                        cr,
                        EffectiveSpec.of(cr.getSpec()),
                        Observations.of(deployment(2, 1), GovernanceOutcome.NOT_CONFIGURED))))
        .isTrue();
  }

  @Test
  void isDegradedOnlyAfterHavingBeenAvailable() {
    var cr = agentRuntime(1L);
    cr.setStatus(
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 2), GovernanceOutcome.NOT_CONFIGURED)));

    var lost =
        at(T1)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 0), GovernanceOutcome.NOT_CONFIGURED));
    assertThat(lost.getPhase()).isEqualTo(AgentRuntimePhase.DEGRADED);

    cr.setStatus(lost);
    assertThat(
            at(T1)
                .applied(
                    cr,
                    EffectiveSpec.of(cr.getSpec()),
                    Observations.of(deployment(2, 0), GovernanceOutcome.NOT_CONFIGURED))
                .getPhase())
        .as("stays Degraded until a pod is ready again")
        .isEqualTo(AgentRuntimePhase.DEGRADED);
  }

  @Test
  void anInvalidSpecKeepsWhatWasObservedAndNamesTheField() {
    var cr = agentRuntime(1L);
    cr.setStatus(
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 2), GovernanceOutcome.NOT_CONFIGURED)));
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

  @Test
  void reportsTheMeshAppliedAndKeepsItsTransitionTimeWhileItStaysApplied() {
    var cr = withSpec(RUNTIME + "mesh: {}");
    var applied = new AddOnOutcome(List.of("DestinationRule", "VirtualService"), List.of());
    cr.setStatus(
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 0), GovernanceOutcome.NOT_CONFIGURED)
                    .withMesh(applied)));

    var later =
        at(T1)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 1), GovernanceOutcome.NOT_CONFIGURED)
                    .withMesh(applied));

    var mesh = condition(later, "MeshConfigured");
    assertThat(mesh.getStatus()).isEqualTo("True");
    assertThat(mesh.getReason()).isEqualTo("MeshApplied");
    assertThat(mesh.getMessage()).isEqualTo("applied DestinationRule, VirtualService");
    assertThat(mesh.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(later.getConditions())
        .extracting(Condition::getType)
        .containsExactly("Valid", "Available", "MeshConfigured", "Ready");
  }

  @Test
  void reportsThePolicySetVersionAndKeepsItWhileTheStoreIsUnreachable() {
    var cr = agentRuntime(1L);
    var synced =
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 0), GovernanceOutcome.synced(17)));
    assertThat(synced.getPolicySetVersion()).isEqualTo(17);
    assertThat(condition(synced, "GovernanceSynced").getMessage())
        .isEqualTo("policy set version 17");
    assertThat(synced.getConditions())
        .extracting(Condition::getType)
        .containsExactly("Valid", "Available", "GovernanceSynced", "Ready");

    cr.setStatus(synced);
    var unreachable =
        at(T1)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(
                    deployment(2, 0),
                    GovernanceOutcome.failed("StoreUnavailable", "connection refused")));

    assertThat(unreachable.getPolicySetVersion()).as("the version last read").isEqualTo(17);
    var governance = condition(unreachable, "GovernanceSynced");
    assertThat(governance.getStatus()).isEqualTo("False");
    assertThat(governance.getReason()).isEqualTo("StoreUnavailable");
    assertThat(governance.getLastTransitionTime()).isEqualTo("2026-01-01T10:05:00Z");

    cr.setStatus(unreachable);
    var invalid = at(T1).invalid(cr, "spec.image: is required");
    assertThat(condition(invalid, "GovernanceSynced")).isEqualTo(governance);
    assertThat(invalid.getPolicySetVersion()).isEqualTo(17);
  }

  @Test
  void reportsIstioMissingNamingTheSkippedKinds() {
    var cr = withSpec(RUNTIME + "failover: {regions: [us-east-1, us-west-2]}");

    var status =
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 0), GovernanceOutcome.NOT_CONFIGURED)
                    .withMesh(
                        new AddOnOutcome(
                            List.of(),
                            List.of(
                                missing(
                                    "DestinationRule", "destinationrules.networking.istio.io")))));

    var mesh = condition(status, "MeshConfigured");
    assertThat(mesh.getStatus()).isEqualTo("False");
    assertThat(mesh.getReason()).isEqualTo("IstioNotInstalled");
    assertThat(mesh.getMessage()).contains("Istio is not installed", "DestinationRule");
  }

  @Test
  void reportsAnIstioThatServesOnlyOlderVersionsNamingWhatItServes() {
    var cr = withSpec(RUNTIME + "mesh: {}");
    var old =
        new AddOnOutcome(
            List.of(),
            List.of(
                servingOnly(
                    "DestinationRule",
                    "destinationrules.networking.istio.io",
                    "v1",
                    "v1alpha3",
                    "v1beta1")));

    var status =
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 0), GovernanceOutcome.NOT_CONFIGURED).withMesh(old));

    var mesh = condition(status, "MeshConfigured");
    assertThat(mesh.getStatus()).isEqualTo("False");
    assertThat(mesh.getReason()).isEqualTo("IstioVersionUnsupported");
    assertThat(mesh.getMessage())
        .contains(
            "destinationrules.networking.istio.io serves v1alpha3, v1beta1 but not v1",
            "Istio 1.22 or newer",
            "spec.mesh and spec.failover have no effect");
  }

  @Test
  void reportsMonitoringAppliedOrAnUnusablePrometheusOperatorAndNothingWithoutIt() {
    var cr = agentRuntime(1L);
    var observed = Observations.of(deployment(2, 0), GovernanceOutcome.NOT_CONFIGURED);

    var applied =
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                observed.withMonitoring(
                    new AddOnOutcome(List.of("ServiceMonitor", "PrometheusRule"), List.of())));
    var notEstablished =
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                observed.withMonitoring(
                    new AddOnOutcome(
                        List.of("ServiceMonitor"),
                        List.of(
                            new AddOnCrd(
                                "PrometheusRule",
                                "prometheusrules.monitoring.coreos.com",
                                "v1",
                                AddOnCrd.State.NOT_ESTABLISHED,
                                List.of("v1"))))));
    var notInstalled =
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                observed.withMonitoring(
                    new AddOnOutcome(
                        List.of(),
                        List.of(
                            missing("ServiceMonitor", "servicemonitors.monitoring.coreos.com")))));

    assertThat(condition(applied, "MonitoringConfigured").getReason())
        .isEqualTo("MonitoringApplied");
    assertThat(condition(applied, "MonitoringConfigured").getMessage())
        .isEqualTo("applied ServiceMonitor, PrometheusRule");
    assertThat(condition(notEstablished, "MonitoringConfigured").getReason())
        .isEqualTo("PrometheusOperatorNotEstablished");
    assertThat(condition(notEstablished, "MonitoringConfigured").getMessage())
        .contains("prometheusrules.monitoring.coreos.com is not Established yet");
    assertThat(notInstalled.getConditions())
        .as("without prometheus-operator monitoring is left out quietly, as documented")
        .extracting(Condition::getType)
        .doesNotContain("MonitoringConfigured");
  }

  @Test
  void anOlderKarpenterExplainsAnUnreadyPoolAndAnOlderKedaIsNamedToo() {
    var cr = agentRuntime(1L);
    var karpenter = servingOnly("NodePool", "nodepools.karpenter.sh", "v1", "v1beta1");
    var keda = servingOnly("ScaledObject", "scaledobjects.keda.sh", "v1alpha1", "v1beta9");

    var status =
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 2), GovernanceOutcome.NOT_CONFIGURED)
                    .withInference(
                        new InferenceOutcome(true, 1, 0, List.of(karpenter, keda), false)));

    var inference = condition(status, "InferenceReady");
    assertThat(inference.getReason()).isEqualTo("KarpenterVersionUnsupported");
    assertThat(inference.getMessage())
        .contains(
            "nodepools.karpenter.sh serves v1beta1 but not v1",
            "Karpenter 1.0 or newer",
            "no NodePool was created",
            "scaledobjects.keda.sh serves v1beta9 but not v1alpha1",
            "scales with a HorizontalPodAutoscaler instead");
  }

  @Test
  void cutsAMessageLongerThanTheCrdAllowsSoTheStatusIsNotRefused() {
    var cr = agentRuntime(1L);
    var errors = "spec.intents[0].timeout: not a duration; ".repeat(1000);

    var valid = condition(at(T0).invalid(cr, errors), "Valid");

    assertThat(valid.getMessage())
        .hasSize(ConditionsSchema.MESSAGE_MAX_LENGTH)
        .startsWith("spec.intents[0].timeout")
        .endsWith("…");
  }

  @Test
  void warnsWhenASharedModelCacheStaysPending() {
    var cr = agentRuntime(1L);
    var status =
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 2), GovernanceOutcome.NOT_CONFIGURED)
                    .withInference(new InferenceOutcome(true, 1, 0, List.of(), true)));

    assertThat(condition(status, "InferenceReady").getMessage())
        .contains(
            "asks for ReadWriteMany and is still Pending",
            "EFS on EKS",
            "modelCache.accessMode: ReadWriteOnce");
  }

  @Test
  void warnsThatUnsafeRetryConditionsMayRepeatProcessedRequests() {
    var cr =
        withSpec(
            RUNTIME
                + "mesh: {retries: {attempts: 2, perTryTimeout: 5s, retryOn: \"5xx,connect-failure,gateway-error\"}}");

    var status =
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 0), GovernanceOutcome.NOT_CONFIGURED)
                    .withMesh(new AddOnOutcome(List.of("VirtualService"), List.of())));

    assertThat(condition(status, "MeshConfigured").getMessage())
        .contains("warning", "retryOn 5xx,gateway-error", "Idempotency-Key")
        .doesNotContain("connect-failure");
  }

  /**
   * The warnings read the effective spec the reconciliation applied, not one built again from the
   * resource (which could differ from what was applied).
   */
  @Test
  void meshWarningsReadTheEffectiveSpecThatWasApplied() {
    var cr = withSpec(RUNTIME + "mesh: {}");
    var applied =
        EffectiveSpec.of(
            withSpec(RUNTIME + "mesh: {retries: {attempts: 2, retryOn: \"5xx\"}}").getSpec());

    var status =
        at(T0)
            .applied(
                cr,
                applied,
                Observations.of(deployment(2, 0), GovernanceOutcome.NOT_CONFIGURED)
                    .withMesh(new AddOnOutcome(List.of("VirtualService"), List.of())));

    assertThat(condition(status, "MeshConfigured").getMessage())
        .contains("warning: spec.mesh.retries.retryOn 5xx");
  }

  @Test
  void anInvalidSpecKeepsTheMeshConditionOfTheAppliedSpec() {
    var cr = withSpec(RUNTIME + "mesh: {}");
    cr.setStatus(
        at(T0)
            .applied(
                cr,
                EffectiveSpec.of(cr.getSpec()),
                Observations.of(deployment(2, 2), GovernanceOutcome.NOT_CONFIGURED)
                    .withMesh(new AddOnOutcome(List.of("VirtualService"), List.of()))));

    var invalid = at(T1).invalid(cr, "spec.mesh.timeout: not a duration");

    assertThat(condition(invalid, "MeshConfigured"))
        .isEqualTo(condition(cr.getStatus(), "MeshConfigured"));
  }

  private static AddOnCrd missing(String kind, String crd) {
    return new AddOnCrd(kind, crd, "v1", AddOnCrd.State.MISSING, List.of());
  }

  private static AddOnCrd servingOnly(String kind, String crd, String version, String... served) {
    return new AddOnCrd(kind, crd, version, AddOnCrd.State.VERSION_NOT_SERVED, List.of(served));
  }

  private static AgentRuntimeStatusAggregator at(Instant now) {
    return new AgentRuntimeStatusAggregator(Clock.fixed(now, ZoneOffset.UTC));
  }

  private static AgentRuntime agentRuntime(long generation) {
    var cr = withSpec(RUNTIME);
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
