package io.agentruntime.operator.render;

import io.agentruntime.contract.metrics.RuntimeMeter;
import io.agentruntime.operator.addon.ScaledObject;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.IntentSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The model servers' KEDA ScaledObject ({@code <n>-inference}, keda.sh/v1alpha1), used instead of
 * the HorizontalPodAutoscaler where KEDA is installed. KEDA can scale to zero: idle GPUs are
 * released, and the runtime answers 503 with Retry-After while the pool starts again.
 *
 * <p>Two Prometheus triggers: the requests waiting in the model servers' queues drive the replica
 * count; the runtime's own dispatch rate of the intents served by the pool wakes a pool at zero,
 * where no model server exists to report a queue.
 */
public final class InferenceScaledObjectRenderer {

  /** An idle pool at zero is woken by any demand; this high threshold keeps it from adding more. */
  private static final String WAKE_THRESHOLD = "1000000";

  private static final int POLLING_SECONDS = 15;

  private InferenceScaledObjectRenderer() {}

  /**
   * The ScaledObject of {@code cr}'s model servers, whose triggers query the Prometheus of {@code
   * settings}.
   */
  public static ScaledObject render(
      AgentRuntime cr, EffectiveSpec effective, RenderSettings settings) {
    String prometheusUrl = settings.prometheusUrl().toString();
    InferenceSettings spec = effective.inferencePool();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "scaleTargetRef",
        OrderedFields.of(
            "apiVersion", "apps/v1", "kind", "Deployment", "name", ResourceNames.inference(cr)));
    body.put("minReplicaCount", spec.minReplicas());
    body.put("maxReplicaCount", spec.maxReplicas());
    body.put("pollingInterval", POLLING_SECONDS);
    body.put("cooldownPeriod", InferenceDefaults.SCALE_DOWN_STABILIZATION_SECONDS);
    body.put(
        "advanced",
        OrderedFields.of(
            "horizontalPodAutoscalerConfig",
            OrderedFields.of(
                "behavior",
                OrderedFields.of(
                    "scaleDown",
                    OrderedFields.of(
                        "stabilizationWindowSeconds",
                        InferenceDefaults.SCALE_DOWN_STABILIZATION_SECONDS)))));
    body.put("triggers", List.of(queueTrigger(cr, prometheusUrl), wakeTrigger(cr, prometheusUrl)));
    ScaledObject scaled = new ScaledObject();
    scaled.setMetadata(RenderedMetadata.of(cr, ResourceNames.inference(cr), Component.INFERENCE));
    scaled.setSpec(body);
    return scaled;
  }

  private static Map<String, Object> queueTrigger(AgentRuntime cr, String prometheusUrl) {
    String query =
        "sum(vllm:num_requests_waiting{namespace=\"%s\",service=\"%s\"})"
            .formatted(cr.getMetadata().getNamespace(), ResourceNames.inference(cr));
    return prometheus(
        "queue",
        prometheusUrl,
        query,
        OrderedFields.of("threshold", Integer.toString(InferenceDefaults.QUEUE_DEPTH_TARGET)));
  }

  private static Map<String, Object> wakeTrigger(AgentRuntime cr, String prometheusUrl) {
    String intents =
        cr.getSpec().getIntents().stream()
            .filter(
                intent -> intent.getBackend() != null && intent.getBackend().getInference() != null)
            .map(IntentSpec::getName)
            .collect(Collectors.joining("|"));
    String query =
        "sum(rate(%s{namespace=\"%s\",service=\"%s\",intent=~\"%s\"}[2m]))"
            .formatted(
                RuntimeMeter.DISPATCH_REQUESTS.prometheusName(),
                cr.getMetadata().getNamespace(),
                ResourceNames.runtime(cr),
                intents);
    return prometheus(
        "demand",
        prometheusUrl,
        query,
        OrderedFields.of("threshold", WAKE_THRESHOLD, "activationThreshold", "0"));
  }

  private static Map<String, Object> prometheus(
      String name, String prometheusUrl, String query, Map<String, Object> thresholds) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("serverAddress", prometheusUrl);
    metadata.put("query", query);
    metadata.putAll(thresholds);
    Map<String, Object> trigger = new LinkedHashMap<>();
    trigger.put("type", "prometheus");
    trigger.put("name", name);
    trigger.put("metadata", metadata);
    return trigger;
  }
}
