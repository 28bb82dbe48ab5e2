package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The runtime's configuration file, ConfigMap {@code <n>-config}.
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it); the informer sees only objects this
 * operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class RuntimeConfigMapDependentResource extends OwnedDependentResource<ConfigMap> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "runtime-config";

  /** Creates the dependent for the reconciler's workflow. */
  public RuntimeConfigMapDependentResource() {
    super(ConfigMap.class, ManagedKind.RUNTIME_CONFIG_MAP);
  }
}
