package io.agentruntime.governance.engine;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random Cedar policies and requests for the differential tests: every construct the JVM evaluator
 * implements, nested, with the errors Cedar reports (missing attributes, overflow, type mismatches,
 * failing extension constructors). Values are drawn from small pools, so policies and requests meet
 * often enough for conditions to come out true, false and failed.
 */
final class CedarGenerator {
  private enum Type {
    BOOL,
    LONG,
    STRING,
    SET,
    RECORD,
    ENTITY,
    DECIMAL,
    IP,
    DATETIME,
    DURATION
  }

  static final List<String> PRINCIPALS = List.of("alice", "bob", "u\"q");
  static final List<String> GROUPS = List.of("admins", "staff", "g\\1");
  static final List<String> ACTIONS = List.of("call_reasoning", "lookup_order", "export");
  static final List<String> RESOURCES = List.of("agents/support", "agents/other");
  private static final List<String> KEYS = List.of("a", "n", "s", "set", "rec", "d", "x y", "tier");
  private static final List<String> STRINGS =
      List.of(
          "",
          "a",
          "ab",
          "abc",
          "a*b",
          "paid",
          "free",
          "x y",
          "é",
          "😀",
          "a\\b",
          "\"",
          "10.0.0.1",
          "1.5",
          "2024-01-01",
          "1h",
          "alice");
  private static final List<String> PATTERNS =
      List.of(
          "", "*", "a*", "*b", "a*b*c", "\\*", "a\\*b", "*😀*", "é", "**", "*a*", "x y", "\\\\*");
  private static final long[] LONGS = {
    0,
    1,
    -1,
    2,
    7,
    42,
    1000,
    Long.MAX_VALUE,
    Long.MIN_VALUE,
    3_037_000_500L,
    4_611_686_018_427_387_904L,
    -9_223_372_036_854_775_807L,
    Integer.MAX_VALUE
  };
  private static final List<String> DECIMALS =
      List.of(
          "1.5",
          "0.0",
          "-0.5",
          "2.5000",
          "922337203685477.5807",
          "-922337203685477.5808",
          "1.23456",
          "abc",
          "1.",
          "922337203685478.0",
          "-0.0001",
          "١.٥");
  private static final List<String> IPS =
      List.of(
          "10.0.0.1",
          "10.0.0.0/8",
          "127.0.0.1",
          "127.0.0.1/4",
          "224.1.2.3",
          "::1",
          "::1/64",
          "ff02::1",
          "2001:db8::/32",
          "2001:db8::1",
          "1.2.3",
          "01.2.3.4",
          "::ffff:1.2.3.4",
          "1.2.3.4/33",
          "1.2.3.4/08",
          "::",
          "fe80::1%eth0",
          "0.0.0.0/0",
          "10.0.0.1/24",
          "1:2:3:4:5:6:7:8",
          "1::2::3",
          "ABCD::EF");
  private static final List<String> DATETIMES =
      List.of(
          "2024-01-01",
          "2024-02-29T12:30:00Z",
          "1969-12-31T23:59:59.999Z",
          "2024-01-01T00:00:00+0130",
          "2024-01-01T00:00:00-2359",
          "2023-02-29",
          "2024-13-01",
          "2024-01-01T24:00:00Z",
          "2024-01-01T00:00:00+2400",
          "0000-01-01",
          "9999-12-31T23:59:59.999-0000",
          "2024-01-01T00:00:00",
          "2024-01-01T00:00:00.12Z",
          "x");
  private static final List<String> DURATIONS =
      List.of(
          "1h",
          "-1d2h3m4s5ms",
          "0ms",
          "1ms",
          "90m",
          "1d",
          "-",
          "",
          "1s1m",
          "106751991167d",
          "9223372036854775807ms",
          "-9223372036854775808ms",
          "9223372036854775808ms",
          "2h30m",
          "1x");

  private final SplittableRandom random;

  CedarGenerator(SplittableRandom random) {
    this.random = random;
  }

  List<PolicyDocument> policySet() {
    int count = 1 + random.nextInt(6);
    List<PolicyDocument> policies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      EnforcementMode mode =
          random.nextInt(10) == 0 ? EnforcementMode.AUDIT : EnforcementMode.ENFORCE;
      policies.add(new PolicyDocument("p" + i, policy(), mode, "generated"));
    }
    return policies;
  }

  String policy() {
    StringBuilder out = new StringBuilder(random.nextInt(3) == 0 ? "forbid(" : "permit(");
    out.append(principalScope()).append(", ").append(actionScope()).append(", ");
    out.append(resourceScope()).append(")");
    int conditions = random.nextInt(3);
    for (int i = 0; i < conditions; i++) {
      out.append(random.nextInt(3) == 0 ? " unless { " : " when { ");
      out.append(expression(Type.BOOL, 4)).append(" }");
    }
    return out.append(";").toString();
  }

  private String principalScope() {
    return switch (random.nextInt(6)) {
      case 0 -> "principal == " + user();
      case 1 -> "principal in " + group();
      case 2 -> "principal is User";
      case 3 -> "principal is User in " + group();
      default -> "principal";
    };
  }

  private String actionScope() {
    return switch (random.nextInt(4)) {
      case 0 -> "action == " + action();
      case 1 -> "action in [" + action() + ", " + action() + "]";
      case 2 -> "action in " + action();
      default -> "action";
    };
  }

  private String resourceScope() {
    return switch (random.nextInt(5)) {
      case 0 -> "resource == Runtime::" + quote(pick(RESOURCES));
      case 1 -> "resource is Runtime";
      case 2 -> "resource in Runtime::" + quote(pick(RESOURCES));
      default -> "resource";
    };
  }

  private String expression(Type type, int depth) {
    if (random.nextInt(25) == 0) {
      // A value of another type where this one is expected: Cedar's type errors.
      type = Type.values()[random.nextInt(Type.values().length)];
    }
    if (depth <= 0 || random.nextInt(4) == 0) {
      return leaf(type);
    }
    if (random.nextInt(12) == 0) {
      return "(if "
          + expression(Type.BOOL, depth - 1)
          + " then "
          + expression(type, depth - 1)
          + " else "
          + expression(type, depth - 1)
          + ")";
    }
    return switch (type) {
      case BOOL -> bool(depth - 1);
      case LONG -> longExpression(depth - 1);
      case SET -> "[" + elements(depth - 1) + "]";
      case RECORD ->
          "{a: "
              + expression(any(), depth - 1)
              + ", \"x y\": "
              + expression(any(), depth - 1)
              + "}";
      case DECIMAL ->
          random.nextBoolean() ? "decimal(" + expression(Type.STRING, depth - 1) + ")" : leaf(type);
      case IP ->
          random.nextBoolean() ? "ip(" + expression(Type.STRING, depth - 1) + ")" : leaf(type);
      case DATETIME -> datetime(depth - 1);
      case DURATION -> duration(depth - 1);
      default -> leaf(type);
    };
  }

  private String bool(int depth) {
    return switch (random.nextInt(22)) {
      case 0 -> expression(Type.BOOL, depth) + " && " + expression(Type.BOOL, depth);
      case 1 -> expression(Type.BOOL, depth) + " || " + expression(Type.BOOL, depth);
      case 2 -> "!(" + expression(Type.BOOL, depth) + ")";
      case 3 -> paren(expression(any(), depth)) + " == " + paren(expression(any(), depth));
      case 4 -> paren(expression(any(), depth)) + " != " + paren(expression(any(), depth));
      case 5 -> compare(depth);
      case 6 -> paren(record(depth)) + " has " + attribute();
      case 7 -> "context has " + identifier() + "." + identifier();
      case 8 -> paren(expression(Type.STRING, depth)) + " like " + quote(pick(PATTERNS));
      case 9 -> paren(expression(Type.ENTITY, depth)) + " in " + inTarget(depth);
      case 10 -> paren(expression(Type.ENTITY, depth)) + " is " + entityType();
      case 11 ->
          paren(expression(Type.ENTITY, depth)) + " is " + entityType() + " in " + inTarget(depth);
      case 12 -> paren(expression(Type.SET, depth)) + ".contains(" + expression(any(), depth) + ")";
      case 13 ->
          paren(expression(Type.SET, depth)) + ".containsAll(" + expression(Type.SET, depth) + ")";
      case 14 ->
          paren(expression(Type.SET, depth)) + ".containsAny(" + expression(Type.SET, depth) + ")";
      case 15 -> paren(expression(Type.SET, depth)) + ".isEmpty()";
      case 16 ->
          paren(expression(Type.ENTITY, depth)) + ".hasTag(" + expression(Type.STRING, depth) + ")";
      case 17 ->
          paren(expression(Type.DECIMAL, depth))
              + "."
              + pick(List.of("lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual"))
              + "("
              + expression(Type.DECIMAL, depth)
              + ")";
      case 18 ->
          paren(expression(Type.IP, depth))
              + "."
              + pick(List.of("isIpv4()", "isIpv6()", "isLoopback()", "isMulticast()"));
      case 19 ->
          paren(expression(Type.IP, depth)) + ".isInRange(" + expression(Type.IP, depth) + ")";
      case 20 ->
          paren(expression(Type.ENTITY, depth))
              + ".getTag("
              + expression(Type.STRING, depth)
              + ") == 1";
      default -> access("context");
    };
  }

  private String compare(int depth) {
    String op = pick(List.of("<", "<=", ">", ">="));
    Type type =
        switch (random.nextInt(6)) {
          case 0 -> Type.DATETIME;
          case 1 -> Type.DURATION;
          default -> Type.LONG;
        };
    return paren(expression(type, depth)) + " " + op + " " + paren(expression(type, depth));
  }

  private String longExpression(int depth) {
    return switch (random.nextInt(7)) {
      case 0 -> paren(expression(Type.LONG, depth)) + " + " + paren(expression(Type.LONG, depth));
      case 1 -> paren(expression(Type.LONG, depth)) + " - " + paren(expression(Type.LONG, depth));
      case 2 -> paren(expression(Type.LONG, depth)) + " * " + paren(expression(Type.LONG, depth));
      case 3 -> "-" + paren(expression(Type.LONG, depth));
      case 4 ->
          paren(expression(Type.DURATION, depth))
              + "."
              + pick(
                  List.of(
                      "toMilliseconds()", "toSeconds()", "toMinutes()", "toHours()", "toDays()"));
      default -> leaf(Type.LONG);
    };
  }

  private String datetime(int depth) {
    return switch (random.nextInt(4)) {
      case 0 ->
          paren(expression(Type.DATETIME, depth))
              + ".offset("
              + expression(Type.DURATION, depth)
              + ")";
      case 1 -> paren(expression(Type.DATETIME, depth)) + ".toDate()";
      case 2 -> "datetime(" + expression(Type.STRING, depth) + ")";
      default -> leaf(Type.DATETIME);
    };
  }

  private String duration(int depth) {
    return switch (random.nextInt(4)) {
      case 0 ->
          paren(expression(Type.DATETIME, depth))
              + ".durationSince("
              + expression(Type.DATETIME, depth)
              + ")";
      case 1 -> paren(expression(Type.DATETIME, depth)) + ".toTime()";
      case 2 -> "duration(" + expression(Type.STRING, depth) + ")";
      default -> leaf(Type.DURATION);
    };
  }

  private String record(int depth) {
    return switch (random.nextInt(4)) {
      case 0 -> "context";
      case 1 -> "context.rec";
      case 2 -> expression(Type.RECORD, depth);
      default -> expression(Type.ENTITY, depth);
    };
  }

  private String inTarget(int depth) {
    return random.nextBoolean()
        ? expression(Type.ENTITY, depth)
        : "[" + entity() + ", " + expression(Type.ENTITY, depth) + "]";
  }

  private String elements(int depth) {
    int count = random.nextInt(4);
    List<String> elements = new ArrayList<>();
    Type type = random.nextBoolean() ? Type.LONG : any();
    for (int i = 0; i < count; i++) {
      elements.add(expression(random.nextInt(3) == 0 ? any() : type, depth));
    }
    return String.join(", ", elements);
  }

  private String leaf(Type type) {
    if (random.nextInt(3) == 0) {
      return access(random.nextInt(4) == 0 ? "context.rec" : "context");
    }
    return switch (type) {
      case BOOL -> random.nextBoolean() ? "true" : "false";
      case LONG -> Long.toString(LONGS[random.nextInt(LONGS.length)]);
      case STRING -> quote(pick(STRINGS));
      case SET -> random.nextBoolean() ? "context.set" : "[1, \"a\", " + entity() + "]";
      case RECORD -> random.nextBoolean() ? "context.rec" : "context";
      case ENTITY -> entity();
      case DECIMAL -> random.nextBoolean() ? "context.d" : "decimal(" + quote(pick(DECIMALS)) + ")";
      case IP -> "ip(" + quote(pick(IPS)) + ")";
      case DATETIME -> "datetime(" + quote(pick(DATETIMES)) + ")";
      case DURATION -> "duration(" + quote(pick(DURATIONS)) + ")";
    };
  }

  private String entity() {
    return switch (random.nextInt(8)) {
      case 0 -> "principal";
      case 1 -> "action";
      case 2 -> "resource";
      case 3 -> group();
      case 4 -> action();
      case 5 -> "Ns::User::" + quote(pick(PRINCIPALS));
      default -> user();
    };
  }

  private String entityType() {
    return pick(List.of("User", "Group", "Action", "Runtime", "Ns::User"));
  }

  private String attribute() {
    String key = pick(KEYS);
    return key.contains(" ") ? quote(key) : key;
  }

  private String identifier() {
    return pick(KEYS.stream().filter(k -> !k.contains(" ")).toList());
  }

  /** {@code target.key}, or {@code target["x y"]} for a key that is not an identifier. */
  private String access(String target) {
    String key = pick(KEYS);
    return key.contains(" ") ? target + "[" + quote(key) + "]" : target + "." + key;
  }

  private String user() {
    return "User::" + quote(pick(PRINCIPALS));
  }

  private String group() {
    return "Group::" + quote(pick(GROUPS));
  }

  private String action() {
    return "Action::" + quote(pick(ACTIONS));
  }

  private Type any() {
    return Type.values()[random.nextInt(Type.values().length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String paren(String expression) {
    return "(" + expression + ")";
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }

  DecisionRequest request() {
    Set<String> groups = new LinkedHashSet<>();
    for (String group : GROUPS) {
      if (random.nextInt(3) == 0) {
        groups.add(group);
      }
    }
    return new DecisionRequest(
        pick(PRINCIPALS), groups, pick(ACTIONS), pick(RESOURCES), context(1));
  }

  private Map<String, Object> context(int depth) {
    Map<String, Object> context = new LinkedHashMap<>();
    for (String key : KEYS) {
      if (random.nextInt(depth > 1 ? 4 : 2) != 0) {
        context.put(key, contextValue(key, depth));
      }
    }
    return context;
  }

  private Object contextValue(String key, int depth) {
    if (random.nextInt(10) == 0) {
      return anyValue(depth);
    }
    return switch (key) {
      case "a" -> random.nextBoolean();
      case "n" -> number();
      case "d" -> pick(List.of(1.5, 0.25, -3.0001, 2.0, new BigDecimal("1.2300"), 1e3));
      case "s", "tier" -> pick(STRINGS);
      case "set" -> list(depth);
      case "rec" -> depth > 0 ? context(depth - 1) : Map.of();
      default -> anyValue(depth);
    };
  }

  private Object anyValue(int depth) {
    return switch (random.nextInt(depth > 0 ? 8 : 6)) {
      case 0 -> random.nextBoolean();
      case 1 -> number();
      case 2 -> pick(STRINGS);
      case 3 -> null;
      case 4 -> pick(List.of(1.5, -0.75));
      case 5 -> pick(STRINGS);
      case 6 -> list(depth - 1);
      default -> context(depth - 1);
    };
  }

  private Object number() {
    return switch (random.nextInt(6)) {
      case 0 -> (int) LONGS[random.nextInt(LONGS.length)];
      case 1 -> LONGS[random.nextInt(LONGS.length)];
      case 2 -> (double) random.nextInt(100);
      case 3 -> BigInteger.valueOf(LONGS[random.nextInt(LONGS.length)]);
      case 4 -> 1.0e15;
      default -> random.nextInt(10);
    };
  }

  private List<Object> list(int depth) {
    List<Object> list = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      list.add(random.nextBoolean() ? number() : anyValue(Math.max(depth - 1, 0)));
    }
    return list;
  }
}
