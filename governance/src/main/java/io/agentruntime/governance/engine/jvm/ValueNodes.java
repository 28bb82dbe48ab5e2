package io.agentruntime.governance.engine.jvm;

/** Equality, ordering and 64-bit arithmetic with overflow as an error. */
final class ValueNodes {
  private ValueNodes() {}

  /** {@code left == right}, or {@code !=} when negated: never an error for differing types. */
  static final class Equals extends Node.Binary {
    private final boolean negated;

    Equals(Node left, Node right, boolean negated) {
      super(left, right);
      this.negated = negated;
    }

    @Override
    Object evaluate(JvmRequest request) {
      Object a = left.evaluate(request);
      Object b = right.evaluate(request);
      return Values.equal(a, b) != negated;
    }
  }

  /**
   * {@code <} and {@code <=} on two longs, two datetimes or two durations. Cedar defines {@code a >
   * b} as {@code !(a <= b)} and {@code a >= b} as {@code !(a < b)}; the compiler builds them so.
   */
  static final class LessThan extends Node.Binary {
    private final boolean orEqual;

    LessThan(Node left, Node right, boolean orEqual) {
      super(left, right);
      this.orEqual = orEqual;
    }

    @Override
    Object evaluate(JvmRequest request) {
      Object a = left.evaluate(request);
      Object b = right.evaluate(request);
      int comparison = compare(a, b);
      return orEqual ? comparison <= 0 : comparison < 0;
    }

    private static int compare(Object a, Object b) {
      boolean aLong = Values.isLong(a);
      boolean bLong = Values.isLong(b);
      if (aLong && bLong) {
        return Long.compare(Values.longValue(a), Values.longValue(b));
      }
      if (a instanceof DateTimeValue x && b instanceof DateTimeValue y) {
        return Long.compare(x.epochMillis(), y.epochMillis());
      }
      if (a instanceof DurationValue x && b instanceof DurationValue y) {
        return Long.compare(x.millis(), y.millis());
      }
      if (aLong) {
        throw EvaluationError.typeError(CedarType.LONG, b);
      }
      if (bLong) {
        throw EvaluationError.typeError(CedarType.LONG, a);
      }
      if (a instanceof DateTimeValue || a instanceof DurationValue) {
        throw EvaluationError.typeError(Values.typeOf(a), b);
      }
      if (b instanceof DateTimeValue || b instanceof DurationValue) {
        throw EvaluationError.typeError(Values.typeOf(b), a);
      }
      throw EvaluationError.typeError("datetime, duration, long", a);
    }
  }

  /** {@code +}, {@code -} and {@code *} on longs; overflow is an evaluation error. */
  static final class Arithmetic extends Node.Binary {
    enum Operator {
      ADD("add"),
      SUBTRACT("subtract"),
      MULTIPLY("multiply");

      private final String verb;

      Operator(String verb) {
        this.verb = verb;
      }
    }

    private final Operator operator;

    Arithmetic(Node left, Node right, Operator operator) {
      super(left, right);
      this.operator = operator;
    }

    @Override
    Object evaluate(JvmRequest request) {
      Object a = left.evaluate(request);
      Object b = right.evaluate(request);
      long x = asLong(a);
      long y = asLong(b);
      try {
        return switch (operator) {
          case ADD -> Math.addExact(x, y);
          case SUBTRACT -> Math.subtractExact(x, y);
          case MULTIPLY -> Math.multiplyExact(x, y);
        };
      } catch (ArithmeticException e) {
        throw new EvaluationError(
            "integer overflow while attempting to "
                + operator.verb
                + " the values `"
                + x
                + "` and `"
                + y
                + "`");
      }
    }
  }

  /** Unary {@code -}. */
  static final class Negate extends Node {
    private final Node operand;

    Negate(Node operand) {
      this.operand = operand;
    }

    @Override
    Object evaluate(JvmRequest request) {
      long x = asLong(operand.evaluate(request));
      if (x == Long.MIN_VALUE) {
        throw new EvaluationError(
            "integer overflow while attempting to negate the value `" + x + "`");
      }
      return -x;
    }
  }

  static long asLong(Object value) {
    if (Values.isLong(value)) {
      return Values.longValue(value);
    }
    throw EvaluationError.typeError(CedarType.LONG, value);
  }
}
