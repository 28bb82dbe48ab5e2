package io.agentruntime.governance.engine.jvm;

/**
 * One compiled Cedar expression. A policy is a tree of these, built once per installed policy set;
 * evaluating it reads the request and allocates nothing on the usual paths.
 */
abstract class Node {
  /**
   * The expression's value for {@code request}.
   *
   * @throws EvaluationError where Cedar reports an evaluation error
   */
  abstract Object evaluate(JvmRequest request);

  /** Whether the value never depends on the request (and never fails), so it can be folded. */
  boolean constant() {
    return false;
  }

  /** Whether every operand is {@link #constant()}, so the value can be computed once. */
  boolean foldable() {
    return false;
  }

  static boolean allConstant(Node... nodes) {
    for (Node node : nodes) {
      if (!node.constant()) {
        return false;
      }
    }
    return true;
  }

  /** Evaluates and requires a boolean, as conditions and the logical operators do. */
  final boolean test(JvmRequest request) {
    Object value = evaluate(request);
    if (value instanceof Boolean b) {
      return b;
    }
    throw EvaluationError.typeError(CedarType.BOOL, value);
  }

  /** An operator with a left and a right operand. */
  abstract static class Binary extends Node {
    final Node left;
    final Node right;

    Binary(Node left, Node right) {
      this.left = left;
      this.right = right;
    }
  }

  /** A value known when the policy is compiled. */
  static final class Literal extends Node {
    private final Object value;

    Literal(Object value) {
      this.value = value;
    }

    @Override
    Object evaluate(JvmRequest request) {
      return value;
    }

    @Override
    boolean constant() {
      return true;
    }
  }

  /** {@code principal}, {@code action}, {@code resource} or {@code context}. */
  static final class Variable extends Node {
    enum Name {
      PRINCIPAL,
      ACTION,
      RESOURCE,
      CONTEXT
    }

    private final Name name;

    Variable(Name name) {
      this.name = name;
    }

    @Override
    Object evaluate(JvmRequest request) {
      return switch (name) {
        case PRINCIPAL -> request.principal();
        case ACTION -> request.action();
        case RESOURCE -> request.resource();
        case CONTEXT -> request.context();
      };
    }
  }
}
