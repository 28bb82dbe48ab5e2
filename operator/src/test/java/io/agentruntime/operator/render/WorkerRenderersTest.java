package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentruntime.contract.config.AsyncIntentConfig;
import io.agentruntime.operator.addon.AddOn;
import io.agentruntime.operator.addon.ScaledObject;
import io.agentruntime.operator.addon.TriggerAuthentication;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The workers of {@code spec.async}: on clusters with and without KEDA. */
class WorkerRenderersTest {

  private static final InstalledAddOns NO_ADD_ONS = InstalledAddOns.of(Set.of());
  private static final InstalledAddOns KEDA = InstalledAddOns.of(Set.of(AddOn.KEDA));

  private static final String QUEUE_URL =
      "https://sqs.eu-west-1.amazonaws.com/123456789012/support-dispatches";

  private static AgentRuntime withAsync(String async) {
    return AgentRuntimeFixtures.withSpec(
        """
        image: ghcr.io/agentruntime/runtime:0.1.0
        intents:
          - {name: quick, backend: {echo: {}}}
          - {name: slow, backend: {echo: {}}, async: {maxAttempts: 7}}
        governance: {store: {dynamodb: {table: governance-policies}}}
        """
            + async);
  }

  @Test
  void withKedaTheWorkersScaleOnTheQueueDepthDownToZeroAsTheirOwnIdentity() {
    AgentRuntime cr =
        withAsync(
            "async: {queue: {url: \"%s\"}, workers: {max: 8, messagesPerWorker: 3}}"
                .formatted(QUEUE_URL));

    List<HasMetadata> objects = AgentRuntimeRenderer.render(cr, KEDA, RenderSettings.DEFAULTS);

    assertThat(names(objects, HorizontalPodAutoscaler.class)).containsExactly("support");
    ScaledObject scaled = only(objects, ScaledObject.class);
    Map<String, Object> spec = scaled.getSpec();
    assertThat(spec.get("minReplicaCount")).as("scale to zero by default").isEqualTo(0);
    assertThat(spec.get("maxReplicaCount")).isEqualTo(8);
    assertThat(spec.get("scaleTargetRef"))
        .isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", "support-worker"));
    Map<?, ?> trigger = (Map<?, ?>) ((List<?>) spec.get("triggers")).getFirst();
    assertThat(trigger.get("type")).isEqualTo("aws-sqs-queue");
    assertThat(trigger.get("metadata"))
        .isEqualTo(
            Map.of(
                "queueURL", QUEUE_URL,
                "awsRegion", "eu-west-1",
                "queueLength", "3",
                "activationQueueLength", "0"));
    TriggerAuthentication authentication = only(objects, TriggerAuthentication.class);
    assertThat(trigger.get("authenticationRef"))
        .isEqualTo(Map.of("name", authentication.getMetadata().getName()));
    assertThat(authentication.getSpec())
        .isEqualTo(Map.of("podIdentity", Map.of("provider", "aws", "identityOwner", "workload")));
    assertThat(names(objects, ServiceAccount.class)).containsExactly("support", "support-worker");
  }

  @Test
  void withoutKedaACpuAutoscalerKeepsAtLeastOneWorker() {
    AgentRuntime cr = withAsync("async: {queue: {url: \"%s\"}}".formatted(QUEUE_URL));

    List<HasMetadata> objects =
        AgentRuntimeRenderer.render(cr, NO_ADD_ONS, RenderSettings.DEFAULTS);

    assertThat(objects)
        .noneMatch(o -> o instanceof ScaledObject || o instanceof TriggerAuthentication);
    HorizontalPodAutoscaler hpa =
        objects.stream()
            .filter(HorizontalPodAutoscaler.class::isInstance)
            .map(HorizontalPodAutoscaler.class::cast)
            .filter(o -> o.getMetadata().getName().equals("support-worker"))
            .findFirst()
            .orElseThrow();
    assertThat(hpa.getSpec().getMinReplicas())
        .as("no KEDA to wake a worker from zero")
        .isEqualTo(1);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(AsyncDefaults.MAX_WORKERS);
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("support-worker");
  }

  @Test
  void theWorkersRunTheRuntimeImageInItsWorkerRoleWithTheSameConfiguration() {
    AgentRuntime cr = withAsync("async: {queue: {url: \"%s\"}}".formatted(QUEUE_URL));
    Deployment runtime = AgentRuntimeFixtures.rendered(cr, RuntimeDeploymentRenderer::render);

    Deployment workers = AgentRuntimeFixtures.rendered(cr, WorkerDeploymentRenderer::render);

    Container container = workers.getSpec().getTemplate().getSpec().getContainers().getFirst();
    assertThat(container.getImage()).isEqualTo(cr.getSpec().getImage());
    assertThat(container.getArgs())
        .containsExactly("worker", "--config", "/etc/agent-runtime/runtime.yaml");
    assertThat(container.getPorts())
        .extracting(ContainerPort::getName)
        .containsExactly("management");
    assertThat(container.getLifecycle()).as("no traffic to drain").isNull();
    assertThat(workers.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo("support-worker");
    assertThat(workers.getSpec().getTemplate().getSpec().getVolumes())
        .isEqualTo(runtime.getSpec().getTemplate().getSpec().getVolumes());
    assertThat(workers.getSpec().getTemplate().getMetadata().getAnnotations())
        .as("a new configuration rolls the workers too")
        .isEqualTo(runtime.getSpec().getTemplate().getMetadata().getAnnotations());
    assertThat(workers.getSpec().getSelector().getMatchLabels())
        .as("apart from the runtime's pods")
        .containsEntry(Labels.COMPONENT, "worker");
    assertThat(workers.getSpec().getReplicas()).as("the autoscaler owns the count").isNull();
  }

  @Test
  void theConfigurationQueuesOnTheGivenUrlWithTheRecordsInTheGovernanceTable() {
    AgentRuntime cr =
        withAsync(
            "async: {queue: {url: \"%s\", visibilityTimeout: 2m}, workers: {messagesPerWorker: 9}}"
                .formatted(QUEUE_URL));

    var async =
        AgentRuntimeFixtures.rendered(cr, RuntimeConfigMapRenderer::runtimeConfig)
            .async()
            .orElseThrow();

    assertThat(async.queue().toString()).contains(QUEUE_URL).contains("eu-west-1");
    assertThat(async.records().displayName()).isEqualTo("dynamodb");
    assertThat(async.worker().inProcess()).as("the serving pods run no worker").isFalse();
    assertThat(async.worker().maxInFlight()).isEqualTo(9);
    assertThat(async.worker().visibilityTimeout()).hasMinutes(2);
  }

  @Test
  void aQueueTheOperatorIsToCreateGetsNoWorkersUntilItsUrlIsInTheStatus() {
    AgentRuntime cr =
        withAsync("async: {queue: {name: support-dispatches, region: eu-west-1, create: true}}");

    List<HasMetadata> objects = AgentRuntimeRenderer.render(cr);

    assertThat(names(objects, Deployment.class)).containsExactly("support");
    assertThat(names(objects, ServiceAccount.class)).containsExactly("support", "support-worker");
    assertThat(objects).noneMatch(o -> o instanceof ScaledObject);
    assertThat(AgentRuntimeFixtures.rendered(cr, RuntimeConfigMapRenderer::runtimeConfig).async())
        .isEmpty();
  }

  @Test
  void theRedriveLimitLeavesTheLastReceiveToTheWorkerThatRecordsTheFailure() {
    AgentRuntime cr =
        withAsync("async: {queue: {name: support-dispatches, region: eu-west-1, create: true}}");

    assertThat(AsyncDefaults.maxReceiveCount(EffectiveSpec.of(cr.getSpec())))
        .as("the most attempts of any intent (7), its failing receive, and room for outages")
        .isEqualTo(7 + 1 + AsyncIntentConfig.STORE_OUTAGE_RECEIVES);
  }

  @Test
  void aUrlThatNamesNoRegionNeedsOne() {
    AgentRuntime cr = withAsync("async: {queue: {url: \"http://sqs.internal:9324/q\"}}");

    assertThatThrownBy(() -> AsyncDefaults.region(cr))
        .hasMessageStartingWith("spec.async.queue.region");
  }

  @Test
  void withoutAsyncNothingOfTheWorkersIsRendered() {
    List<HasMetadata> objects = AgentRuntimeRenderer.render(AgentRuntimeFixtures.minimal());

    assertThat(objects).noneMatch(o -> o.getMetadata().getName().endsWith("-worker"));
    assertThat(
            AgentRuntimeFixtures.rendered(
                    AgentRuntimeFixtures.minimal(), RuntimeConfigMapRenderer::runtimeConfig)
                .async())
        .isEmpty();
  }

  private static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
    List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).hasSize(1);
    return found.getFirst();
  }

  private static List<String> names(List<HasMetadata> objects, Class<?> type) {
    return objects.stream().filter(type::isInstance).map(o -> o.getMetadata().getName()).toList();
  }
}
