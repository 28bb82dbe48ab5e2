package io.agentruntime.governance.engine.jvm;

/**
 * Folds expressions whose value is known when the policy is compiled ({@code [1, 2]}, {@code
 * ip("10.0.0.0/8")}, ...) into literals, so decisions do not rebuild them. An expression that fails
 * is kept as it is: it must fail on every request, as in Cedar.
 */
final class Constants {
  private Constants() {}

  static Node fold(Node node) {
    if (!node.foldable()) {
      return node;
    }
    try {
      return new Node.Literal(node.evaluate(null));
    } catch (EvaluationError e) {
      return node;
    }
  }
}
