package io.agentruntime.governance.engine;

/** What the engine reports about its evaluators, for metrics. Called from any thread. */
public interface EvaluatorListener {
  EvaluatorListener NONE = new EvaluatorListener() {};

  /** An installed policy set is decided by cedar-java because the JVM evaluator cannot. */
  default void policySetFallback() {}

  /** In {@code shadow}, cedar-java checked a decision of the JVM evaluator. */
  default void shadowChecked() {}

  /** In {@code shadow}, cedar-java disagreed with a decision of the JVM evaluator. */
  default void disagreement() {}

  /** In {@code shadow}, a decision was not checked because the check queue was full. */
  default void shadowCheckDropped() {}
}
