package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels every rendered object carries, and the subset that selects pods. */
public final class Labels {

  /** {@code app.kubernetes.io/name}. */
  public static final String NAME = "app.kubernetes.io/name";

  /** {@code app.kubernetes.io/instance}: the AgentRuntime's name. */
  public static final String INSTANCE = "app.kubernetes.io/instance";

  /** {@code app.kubernetes.io/component}. */
  public static final String COMPONENT = "app.kubernetes.io/component";

  /** {@code app.kubernetes.io/managed-by}. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** The application name every object carries. */
  public static final String APP_NAME = "agent-runtime";

  /** The managing controller's name. */
  public static final String OPERATOR_NAME = "agent-runtime-operator";

  /**
   * Node label of the GPU NodePool's nodes, whose value is the NodePool's name: the model servers
   * select their nodes by it. It is in the project's own domain because Karpenter 1.0 to 1.8
   * refuses NodePool template labels in the {@code kubernetes.io} domain.
   */
  public static final String NODE_POOL = "agentruntime.io/node-pool";

  /** Label selector matching every object this operator manages (for informers). */
  public static final String MANAGED_BY_SELECTOR = MANAGED_BY + "=" + OPERATOR_NAME;

  private Labels() {}

  /** All standard labels of an object of {@code component}, in a stable order. */
  public static Map<String, String> of(AgentRuntime cr, Component component) {
    Map<String, String> labels = selector(cr, component);
    labels.put(MANAGED_BY, OPERATOR_NAME);
    return labels;
  }

  /**
   * The label the nodes of {@code cr}'s GPU NodePool carry and its model servers select: {@link
   * #NODE_POOL} with the NodePool's name.
   */
  public static Map<String, String> gpuNodes(AgentRuntime cr) {
    return Map.of(NODE_POOL, ResourceNames.gpuNodePool(cr));
  }

  /**
   * The labels that select the pods of {@code component}; a Deployment's selector is immutable, so
   * these never change.
   */
  public static Map<String, String> selector(AgentRuntime cr, Component component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, APP_NAME);
    labels.put(INSTANCE, cr.getMetadata().getName());
    labels.put(COMPONENT, component.label());
    return labels;
  }
}
