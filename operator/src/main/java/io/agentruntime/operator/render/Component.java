package io.agentruntime.operator.render;

/** The part of an AgentRuntime an object belongs to: its {@code app.kubernetes.io/component}. */
public enum Component {
  /** The runtime pods and everything serving them. */
  RUNTIME("runtime"),
  /** The workers running long-running dispatches from the queue. */
  WORKER("worker"),
  /** The GPU model-server pool. */
  INFERENCE("inference");

  private final String label;

  Component(String label) {
    this.label = label;
  }

  /** The label value. */
  public String label() {
    return label;
  }
}
