package io.agentruntime.operator.dependent;

import io.agentruntime.operator.addon.ScaledObject;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.InferenceScaledObjectRenderer;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ResourceNames;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Optional;

/**
 * KEDA's ScaledObject {@code <n>-inference}, where KEDA is installed ({@link CrdInstalled}).
 *
 * <p>KEDA's triggers query Prometheus at {@code AGENT_RUNTIME_PROMETHEUS_URL} (the operator's
 * environment), by default the in-cluster service of a prometheus-operator install. Owned by the
 * AgentRuntime (garbage-collected with it).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class InferenceScaledObjectDependentResource extends OwnedDependentResource<ScaledObject> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "inference-scaled-object";

  /** The Prometheus KEDA queries when the operator's environment names none. */
  public static final String DEFAULT_PROMETHEUS_URL =
      "http://prometheus-operated.monitoring.svc:9090";

  private final String prometheusUrl =
      Optional.ofNullable(System.getenv("AGENT_RUNTIME_PROMETHEUS_URL"))
          .filter(url -> !url.isBlank())
          .orElse(DEFAULT_PROMETHEUS_URL);

  /** Creates the dependent for the reconciler's workflow. */
  public InferenceScaledObjectDependentResource() {
    super(ScaledObject.class);
  }

  /**
   * The object's name without rendering it: JOSDK looks it up to delete it once the spec drops the
   * inference section, when there is nothing to render.
   */
  @Override
  protected ResourceID targetSecondaryResourceID(AgentRuntime cr, Context<AgentRuntime> context) {
    return new ResourceID(ResourceNames.inference(cr), cr.getMetadata().getNamespace());
  }

  @Override
  protected ScaledObject desired(AgentRuntime cr, Context<AgentRuntime> context) {
    return InferenceScaledObjectRenderer.render(cr, prometheusUrl);
  }
}
