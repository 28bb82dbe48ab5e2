package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentruntime.operator.addon.AddOn;
import io.agentruntime.operator.addon.ScaledObject;
import io.agentruntime.operator.addon.TriggerAuthentication;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeStatus;
import io.agentruntime.operator.api.v1alpha1.AsyncStatus;
import io.agentruntime.operator.status.AgentRuntimeConditions;
import io.agentruntime.operator.status.AsyncOutcome;
import io.agentruntime.operator.store.LocalSqs;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code spec.async} against fabric8's mock API server (CRUD mode), with and without KEDA, and a
 * queue the operator creates on a real SQS-compatible server (ElasticMQ) on loopback.
 */
class AgentRuntimeAsyncTest {

  private static final String NAMESPACE = "async";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUEUE_URL =
      "https://sqs.us-east-1.amazonaws.com/123456789012/dispatches";
  private static final String STORE =
      "governance: {store: {dynamodb: {table: governance-policies, region: us-east-1}}}\n";

  @Test
  void withKedaTheWorkersAreScaledOnTheQueueAndGoWhenTheSpecDropsAsync() {
    try (MockCluster cluster = MockCluster.with(AddOn.KEDA)) {
      var cr =
          cluster.create(
              AgentRuntimes.valid(
                  NAMESPACE, "tasks", STORE + "async: {queue: {url: \"" + QUEUE_URL + "\"}}"));

      var workers =
          eventually()
              .until(() -> get(cluster, Deployment.class, "tasks-worker"), Objects::nonNull);
      ManagedObjects.assertManagedAndOwnedBy(workers, cr);
      eventually()
          .until(() -> get(cluster, ServiceAccount.class, "tasks-worker"), Objects::nonNull);
      eventually()
          .until(() -> get(cluster, TriggerAuthentication.class, "tasks-worker"), Objects::nonNull);
      var scaled =
          eventually()
              .until(() -> get(cluster, ScaledObject.class, "tasks-worker"), Objects::nonNull);
      assertThat(scaled.getSpec().get("minReplicaCount")).isEqualTo(0);
      assertThat(get(cluster, HorizontalPodAutoscaler.class, "tasks-worker")).isNull();
      assertThat(configFile(cluster, "tasks")).contains("url: " + QUEUE_URL);
      var ready = eventually().until(() -> asyncReady(cluster, "tasks"), Objects::nonNull);
      assertThat(ready.getStatus())
          .as("KEDA starts a worker for the first message")
          .isEqualTo("True");
      assertThat(ready.getReason()).isEqualTo(AsyncOutcome.REASON_SCALED_TO_ZERO);

      cluster.editSpec(NAMESPACE, "tasks", spec -> spec.setAsync(null));

      eventually().until(() -> get(cluster, Deployment.class, "tasks-worker") == null);
      eventually().until(() -> get(cluster, ScaledObject.class, "tasks-worker") == null);
      eventually().until(() -> get(cluster, TriggerAuthentication.class, "tasks-worker") == null);
      eventually().until(() -> get(cluster, ServiceAccount.class, "tasks-worker") == null);
      eventually().until(() -> asyncReady(cluster, "tasks") == null);
      assertThat(configFile(cluster, "tasks")).doesNotContain("async:");
      assertThat(get(cluster, Deployment.class, "tasks")).as("the runtime stays").isNotNull();
    }
  }

  @Test
  void withoutKedaACpuAutoscalerKeepsOneWorkerAndReadinessFollowsTheWorkers() {
    try (MockCluster cluster = MockCluster.start()) {
      cluster.create(
          AgentRuntimes.valid(
              NAMESPACE, "plain", STORE + "async: {queue: {url: \"" + QUEUE_URL + "\"}}"));

      var hpa =
          eventually()
              .until(
                  () -> get(cluster, HorizontalPodAutoscaler.class, "plain-worker"),
                  Objects::nonNull);
      assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(1);
      var starting = eventually().until(() -> asyncReady(cluster, "plain"), Objects::nonNull);
      assertThat(starting.getStatus()).isEqualTo("False");
      assertThat(starting.getReason()).isEqualTo(AsyncOutcome.REASON_WORKERS_STARTING);

      cluster.reportPods(NAMESPACE, "plain-worker", 1, 1);

      eventually()
          .untilAsserted(
              () -> {
                var ready = asyncReady(cluster, "plain");
                assertThat(ready.getStatus()).isEqualTo("True");
                assertThat(ready.getMessage()).startsWith("1 of 1 workers ready");
              });
    }
  }

  @Test
  void createsTheQueueAndItsDeadLetterQueueRecordsTheUrlAndRunsWorkersOnIt() throws Exception {
    try (LocalSqs sqs = LocalSqs.start();
        MockCluster cluster = MockCluster.withSqs(sqs.endpoint(), AddOn.KEDA)) {
      cluster.create(
          AgentRuntimes.valid(
              NAMESPACE,
              "made",
              STORE + "async: {queue: {name: made-dispatches, region: us-east-1, create: true}}"));

      var status =
          eventually().until(() -> asyncStatus(cluster, "made"), s -> s.getQueueUrl() != null);
      assertThat(status.getQueueUrl())
          .startsWith(sqs.endpoint().toString())
          .endsWith("/made-dispatches");
      assertThat(status.getDeadLetterQueueUrl()).endsWith("/made-dispatches-dlq");
      var redrive =
          JSON.readTree(
              sqs.client()
                  .getQueueAttributes(
                      get ->
                          get.queueUrl(status.getQueueUrl())
                              .attributeNames(QueueAttributeName.REDRIVE_POLICY))
                  .attributes()
                  .get(QueueAttributeName.REDRIVE_POLICY));
      assertThat(redrive.path("maxReceiveCount").asText()).isEqualTo("8");
      var scaled =
          eventually()
              .until(() -> get(cluster, ScaledObject.class, "made-worker"), Objects::nonNull);
      assertThat(scaled.getSpec().toString()).contains(status.getQueueUrl());
      eventually().until(() -> configFile(cluster, "made").contains(status.getQueueUrl()));
      eventually().until(() -> get(cluster, Deployment.class, "made-worker"), Objects::nonNull);

      cluster.editSpec(
          NAMESPACE, "made", spec -> spec.getAsync().getQueue().setVisibilityTimeout("90s"));

      eventually()
          .until(
              () ->
                  sqs.client()
                      .getQueueAttributes(
                          get ->
                              get.queueUrl(status.getQueueUrl())
                                  .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                      .attributes()
                      .get(QueueAttributeName.VISIBILITY_TIMEOUT)
                      .equals("90"));
      assertThat(sqs.client().listQueues().queueUrls()).as("the same two queues").hasSize(2);
      assertThat(asyncStatus(cluster, "made").getQueueUrl()).isEqualTo(status.getQueueUrl());
    }
  }

  @Test
  void aQueueSqsRefusesIsAConditionAndAnEventNamingTheFieldAndTheRestIsApplied() {
    try (MockCluster cluster = MockCluster.withSqs(LocalSqs.unreachable(), AddOn.KEDA)) {
      cluster.create(
          AgentRuntimes.valid(
              NAMESPACE,
              "stuck",
              STORE + "async: {queue: {name: stuck-dispatches, region: us-east-1, create: true}}"));

      var failed =
          eventually()
              .until(
                  () -> asyncReady(cluster, "stuck"),
                  c -> c != null && "False".equals(c.getStatus()));
      assertThat(failed.getReason()).isEqualTo(AsyncOutcome.REASON_QUEUE_UNAVAILABLE);
      assertThat(failed.getMessage())
          .startsWith("spec.async.queue.name: ")
          .contains("'stuck-dispatches'");
      eventually().until(() -> !warnings(cluster).isEmpty());
      assertThat(warnings(cluster))
          .extracting(Event::getMessage)
          .containsExactly(failed.getMessage());
      eventually().until(() -> get(cluster, Deployment.class, "stuck"), Objects::nonNull);
      assertThat(get(cluster, Deployment.class, "stuck-worker"))
          .as("no queue, no workers")
          .isNull();
      assertThat(configFile(cluster, "stuck")).doesNotContain("async:");
    }
  }

  private static List<Event> warnings(MockCluster cluster) {
    return cluster.client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(event -> AsyncOutcome.REASON_QUEUE_UNAVAILABLE.equals(event.getReason()))
        .toList();
  }

  private static String configFile(MockCluster cluster, String name) {
    return Optional.ofNullable(get(cluster, ConfigMap.class, name + "-config"))
        .map(map -> map.getData().get("runtime.yaml"))
        .orElse("");
  }

  private static Condition asyncReady(MockCluster cluster, String name) {
    return Optional.ofNullable(cluster.get(NAMESPACE, name))
        .map(AgentRuntime::getStatus)
        .map(AgentRuntimeStatus::getConditions)
        .flatMap(
            conditions ->
                conditions.stream()
                    .filter(c -> AgentRuntimeConditions.ASYNC_READY.equals(c.getType()))
                    .findFirst())
        .orElse(null);
  }

  private static AsyncStatus asyncStatus(MockCluster cluster, String name) {
    return Optional.ofNullable(cluster.get(NAMESPACE, name))
        .map(AgentRuntime::getStatus)
        .map(AgentRuntimeStatus::getAsync)
        .orElseGet(AsyncStatus::new);
  }

  private static <T extends HasMetadata> T get(MockCluster cluster, Class<T> type, String name) {
    return cluster.client.resources(type).inNamespace(NAMESPACE).withName(name).get();
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(20));
  }
}
