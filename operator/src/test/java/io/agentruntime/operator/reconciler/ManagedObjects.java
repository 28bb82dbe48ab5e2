package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** What every object the operator applies must carry, whichever dependent applied it. */
final class ManagedObjects {

  private ManagedObjects() {}

  /** A Service of a managed name made by hand: one port, none of the operator's labels. */
  static Service handMadeService(String namespace, String name) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .addNewPort()
        .withName("web")
        .withPort(80)
        .endPort()
        .endSpec()
        .build();
  }

  /** {@code object} is labelled as ours and owned by {@code cr} alone. */
  static void assertManagedAndOwnedBy(HasMetadata object, AgentRuntime cr) {
    assertThat(object.getMetadata().getOwnerReferences())
        .as("owner of %s", object.getKind())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getKind()).isEqualTo("AgentRuntime");
              assertThat(owner.getUid()).isEqualTo(cr.getMetadata().getUid());
              assertThat(owner.getName()).isEqualTo(cr.getMetadata().getName());
            });
    assertThat(object.getMetadata().getLabels())
        .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR_NAME);
  }
}
