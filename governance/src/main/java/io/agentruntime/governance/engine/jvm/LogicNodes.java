package io.agentruntime.governance.engine.jvm;

/** Cedar's boolean operators, short-circuiting exactly where Cedar's do. */
final class LogicNodes {
  private LogicNodes() {}

  /** {@code left && right}: the right side is evaluated only when the left is true. */
  static final class And extends Node.Binary {

    And(Node left, Node right) {
      super(left, right);
    }

    @Override
    Object evaluate(JvmRequest request) {
      return left.test(request) && right.test(request);
    }
  }

  /** {@code left || right}: the right side is evaluated only when the left is false. */
  static final class Or extends Node.Binary {

    Or(Node left, Node right) {
      super(left, right);
    }

    @Override
    Object evaluate(JvmRequest request) {
      return left.test(request) || right.test(request);
    }
  }

  /** {@code !operand}. */
  static final class Not extends Node {
    private final Node operand;

    Not(Node operand) {
      this.operand = operand;
    }

    @Override
    Object evaluate(JvmRequest request) {
      return !operand.test(request);
    }
  }

  /** {@code if condition then whenTrue else whenFalse}: only the chosen branch is evaluated. */
  static final class IfThenElse extends Node {
    private final Node condition;
    private final Node whenTrue;
    private final Node whenFalse;

    IfThenElse(Node condition, Node whenTrue, Node whenFalse) {
      this.condition = condition;
      this.whenTrue = whenTrue;
      this.whenFalse = whenFalse;
    }

    @Override
    Object evaluate(JvmRequest request) {
      return condition.test(request) ? whenTrue.evaluate(request) : whenFalse.evaluate(request);
    }
  }
}
