package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** The metadata every namespaced object rendered for an AgentRuntime starts from. */
final class RenderedMetadata {

  private RenderedMetadata() {}

  static ObjectMeta of(AgentRuntime cr, String name, Component component) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(cr.getMetadata().getNamespace())
        .withLabels(Labels.of(cr, component))
        .build();
  }
}
