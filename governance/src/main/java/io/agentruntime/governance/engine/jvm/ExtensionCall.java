package io.agentruntime.governance.engine.jvm;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A call of one of Cedar's extension functions ({@code decimal}, {@code ip}, {@code datetime},
 * {@code duration} and their methods). Arguments are evaluated first, in order, then checked.
 */
final class ExtensionCall extends Node {
  /** The functions, by the name Cedar's JSON policy format uses, with their arity. */
  enum Function {
    DECIMAL("decimal", 1),
    LESS_THAN("lessThan", 2),
    LESS_THAN_OR_EQUAL("lessThanOrEqual", 2),
    GREATER_THAN("greaterThan", 2),
    GREATER_THAN_OR_EQUAL("greaterThanOrEqual", 2),
    IP("ip", 1),
    IS_IPV4("isIpv4", 1),
    IS_IPV6("isIpv6", 1),
    IS_LOOPBACK("isLoopback", 1),
    IS_MULTICAST("isMulticast", 1),
    IS_IN_RANGE("isInRange", 2),
    DATETIME("datetime", 1),
    DURATION("duration", 1),
    OFFSET("offset", 2),
    DURATION_SINCE("durationSince", 2),
    TO_DATE("toDate", 1),
    TO_TIME("toTime", 1),
    TO_MILLISECONDS("toMilliseconds", 1),
    TO_SECONDS("toSeconds", 1),
    TO_MINUTES("toMinutes", 1),
    TO_HOURS("toHours", 1),
    TO_DAYS("toDays", 1);

    private static final Map<String, Function> BY_NAME =
        Stream.of(values())
            .collect(
                Collectors.toUnmodifiableMap(
                    f -> f.cedarName, java.util.function.Function.identity()));

    private final String cedarName;
    private final int arity;

    Function(String cedarName, int arity) {
      this.cedarName = cedarName;
      this.arity = arity;
    }

    static Function named(String name) {
      return BY_NAME.get(name);
    }

    int arity() {
      return arity;
    }
  }

  private final Function function;
  private final Node[] arguments;

  ExtensionCall(Function function, List<Node> arguments) {
    this.function = function;
    this.arguments = arguments.toArray(Node[]::new);
  }

  @Override
  Object evaluate(JvmRequest request) {
    Object first = arguments[0].evaluate(request);
    Object second = arguments.length > 1 ? arguments[1].evaluate(request) : null;
    return switch (function) {
      case DECIMAL -> CedarDecimal.parse(string(first));
      case LESS_THAN -> decimal(first) < decimal(second);
      case LESS_THAN_OR_EQUAL -> decimal(first) <= decimal(second);
      case GREATER_THAN -> decimal(first) > decimal(second);
      case GREATER_THAN_OR_EQUAL -> decimal(first) >= decimal(second);
      case IP -> IpAddress.parse(string(first));
      case IS_IPV4 -> !ip(first).v6();
      case IS_IPV6 -> ip(first).v6();
      case IS_LOOPBACK -> ip(first).isLoopback();
      case IS_MULTICAST -> ip(first).isMulticast();
      case IS_IN_RANGE -> inRange(first, second);
      case DATETIME -> DateTimeValue.parse(string(first));
      case DURATION -> DurationValue.parse(string(first));
      case OFFSET -> offset(first, second);
      case DURATION_SINCE -> durationSince(first, second);
      case TO_DATE -> toDate(first);
      case TO_TIME -> datetime(first).toTime();
      case TO_MILLISECONDS -> duration(first).millis();
      case TO_SECONDS -> duration(first).toSeconds();
      case TO_MINUTES -> duration(first).toMinutes();
      case TO_HOURS -> duration(first).toHours();
      case TO_DAYS -> duration(first).toDays();
    };
  }

  @Override
  boolean foldable() {
    return allConstant(arguments);
  }

  private static boolean inRange(Object child, Object range) {
    IpAddress address = ip(child);
    return address.isInRange(ip(range));
  }

  private static DateTimeValue offset(Object datetime, Object duration) {
    DateTimeValue start = datetime(datetime);
    DurationValue length = duration(duration);
    DateTimeValue result = start.offset(length);
    if (result == null) {
      throw failed("offset", "overflows when adding an offset: " + start + "+(" + length + ")");
    }
    return result;
  }

  private static DurationValue durationSince(Object end, Object start) {
    DateTimeValue to = datetime(end);
    DateTimeValue from = datetime(start);
    DurationValue result = to.durationSince(from);
    if (result == null) {
      throw failed(
          "durationSince", "overflows when computing the duration between " + to + " and " + from);
    }
    return result;
  }

  private static DateTimeValue toDate(Object value) {
    DateTimeValue datetime = datetime(value);
    DateTimeValue result = datetime.toDate();
    if (result == null) {
      throw failed("toDate", "overflows when computing the date of " + datetime);
    }
    return result;
  }

  private static EvaluationError failed(String function, String message) {
    return new EvaluationError(
        "error while evaluating `" + function + "` extension function: " + message);
  }

  private static String string(Object value) {
    if (value instanceof String s) {
      return s;
    }
    throw EvaluationError.typeError(CedarType.STRING, value);
  }

  private static long decimal(Object value) {
    if (Values.typeOf(value) == CedarType.DECIMAL) {
      return Values.decimalUnits(value);
    }
    throw extensionTypeError(CedarType.DECIMAL, value);
  }

  private static IpAddress ip(Object value) {
    return as(IpAddress.class, CedarType.IPADDR, value);
  }

  private static DateTimeValue datetime(Object value) {
    return as(DateTimeValue.class, CedarType.DATETIME, value);
  }

  private static DurationValue duration(Object value) {
    return as(DurationValue.class, CedarType.DURATION, value);
  }

  private static <T> T as(Class<T> type, CedarType cedarType, Object value) {
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    throw extensionTypeError(cedarType, value);
  }

  private static EvaluationError extensionTypeError(CedarType expected, Object value) {
    EvaluationError error = EvaluationError.typeError(expected, value);
    if (value instanceof String) {
      String constructor = expected == CedarType.IPADDR ? "ip" : expected.toString();
      return new EvaluationError(
          error.getMessage()
              + " (maybe you forgot to apply the `"
              + constructor
              + "` constructor?)");
    }
    return error;
  }
}
