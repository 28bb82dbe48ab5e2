package io.agentruntime.operator.render;

import io.agentruntime.operator.addon.ScaledObject;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workers' KEDA ScaledObject ({@code <n>-worker}, keda.sh/v1alpha1) where KEDA is installed: an
 * {@code aws-sqs-queue} trigger aiming for {@code messagesPerWorker} messages per worker, counting
 * those in flight (a running dispatch keeps its worker), down to zero workers while the queue is
 * empty when {@code workers.min} is 0.
 */
public final class WorkerScaledObjectRenderer {

  private static final int POLLING_SECONDS = 15;

  /** How long an empty queue keeps its last worker before scaling to zero. */
  static final int COOLDOWN_SECONDS = 300;

  private WorkerScaledObjectRenderer() {}

  /** The ScaledObject of {@code cr}'s workers; the queue's URL must be known. */
  public static ScaledObject render(AgentRuntime cr, EffectiveSpec spec) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "scaleTargetRef",
        OrderedFields.of(
            "apiVersion", "apps/v1", "kind", "Deployment", "name", ResourceNames.worker(cr)));
    body.put("minReplicaCount", spec.asyncSettings().minWorkers(true));
    body.put("maxReplicaCount", spec.asyncSettings().maxWorkers());
    body.put("pollingInterval", POLLING_SECONDS);
    body.put("cooldownPeriod", COOLDOWN_SECONDS);
    body.put("triggers", List.of(queueTrigger(cr, spec.asyncSettings())));
    ScaledObject scaled = new ScaledObject();
    scaled.setMetadata(RenderedMetadata.of(cr, ResourceNames.worker(cr), Component.WORKER));
    scaled.setSpec(body);
    return scaled;
  }

  private static Map<String, Object> queueTrigger(AgentRuntime cr, AsyncSettings async) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("queueURL", AsyncDefaults.queueUrl(cr).orElseThrow());
    metadata.put("awsRegion", AsyncDefaults.region(cr));
    metadata.put("queueLength", Integer.toString(async.messagesPerWorker()));
    metadata.put("activationQueueLength", "0");
    return OrderedFields.of(
        "type",
        "aws-sqs-queue",
        "name",
        "queue",
        "metadata",
        metadata,
        "authenticationRef",
        OrderedFields.of("name", ResourceNames.worker(cr)));
  }
}
