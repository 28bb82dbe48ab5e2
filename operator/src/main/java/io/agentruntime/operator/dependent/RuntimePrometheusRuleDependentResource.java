package io.agentruntime.operator.dependent;

import io.agentruntime.operator.addon.PrometheusRule;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * prometheus-operator's PrometheusRule {@code <n>}: the runtime's alerts, where prometheus-operator
 * is installed ({@link CrdInstalled}) and the spec does not opt out ({@link SpecWants}).
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it); the informer sees only objects this
 * operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class RuntimePrometheusRuleDependentResource extends OwnedDependentResource<PrometheusRule> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "runtime-prometheus-rule";

  /** Creates the dependent for the reconciler's workflow. */
  public RuntimePrometheusRuleDependentResource() {
    super(PrometheusRule.class, ManagedKind.RUNTIME_PROMETHEUS_RULE);
  }
}
