package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A static estimate of a CEL rule's cost, after the API server's (cel-go's checker cost model with
 * Kubernetes' library costs), and at least as high: the API server refuses a CRD whose rule costs
 * more than {@link #RULE_LIMIT} times the most values the rule's node may have, or whose rules cost
 * more than {@link #CRD_LIMIT} together.
 *
 * <p>Sizes come from the schema: a string's {@code maxLength} (times 4, for UTF-8), a list's {@code
 * maxItems}, a map's {@code maxProperties}; an unbounded one counts as the largest request the API
 * server accepts, so a rule iterating it fails the check. A value that does not come straight from
 * the schema (the result of {@code string(...)}, say) has an unknown size, which the API server
 * takes as unbounded (2^64): scanning it fails the check too. Identifiers and selections cost 1, a
 * list literal 10, string scans a tenth of a unit per byte, a regular expression a quarter of a
 * unit per byte of the pattern times the scan, a comprehension its body once per element. Map keys
 * count as empty strings, as the API server estimates them.
 */
final class CelCostEstimator {

  /** The API server's largest request body, 3 MiB: the size of anything unbounded. */
  static final long MAX_REQUEST_BYTES = 3L * 1024 * 1024;

  /** The size of a value whose size the estimate cannot bound. */
  static final long UNKNOWN_SIZE = Long.MAX_VALUE;

  /** The API server's limit of one rule's estimated cost times its node's cardinality. */
  static final long RULE_LIMIT = 10_000_000L;

  /** The API server's limit of the estimated cost of all rules of a CRD. */
  static final long CRD_LIMIT = 100_000_000L;

  private static final Set<String> SCANS =
      Set.of(
          "startsWith",
          "endsWith",
          "lowerAscii",
          "upperAscii",
          "trim",
          "replace",
          "substring",
          "charAt",
          "split",
          "join",
          "quote",
          "quantity",
          "isQuantity",
          "url",
          "isURL",
          "ip",
          "isIP",
          "cidr",
          "isCIDR");

  private static final Set<String> SAME_SIZE = Set.of("lowerAscii", "upperAscii", "trim");

  private static final Set<String> REGEX = Set.of("matches", "find", "findAll");

  private static final Set<String> COMPARISONS =
      Set.of("_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_", "_+_");

  /** A map's key, which the API server sizes as an empty string. */
  private static final SchemaNode MAP_KEY =
      SchemaNode.of(
          JsonNodeFactory.instance.objectNode().put("type", "string").put("maxLength", 0));

  private final Map<String, Optional<SchemaNode>> scope = new HashMap<>();
  private final CelAbstractSyntaxTree ast;

  private CelCostEstimator(CelAbstractSyntaxTree ast, SchemaNode self) {
    this.ast = ast;
    scope.put("self", Optional.of(self));
    scope.put("oldSelf", Optional.of(self));
  }

  /** The estimated cost of one evaluation of {@code rule}. */
  static long estimate(CrdCelRules.Compiled rule) {
    return new CelCostEstimator(rule.ast(), rule.rule().node()).cost(rule.ast().getExpr());
  }

  /** {@code a} times {@code b}, saturating instead of overflowing. */
  static long multiply(long a, long b) {
    return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
  }

  /** {@code a} plus {@code b}, saturating instead of overflowing. */
  static long add(long a, long b) {
    return b > Long.MAX_VALUE - a ? Long.MAX_VALUE : a + b;
  }

  private long cost(CelExpr expr) {
    return switch (expr.getKind()) {
      case CONSTANT, NOT_SET -> 0;
      case IDENT -> 1;
      case SELECT -> 1 + cost(expr.select().operand());
      case LIST -> 10 + expr.list().elements().stream().mapToLong(this::cost).sum();
      case MAP ->
          30 + expr.map().entries().stream().mapToLong(e -> cost(e.key()) + cost(e.value())).sum();
      case STRUCT -> 40 + expr.struct().entries().stream().mapToLong(e -> cost(e.value())).sum();
      case CALL -> call(expr.call());
      case COMPREHENSION -> comprehension(expr.comprehension());
    };
  }

  private long call(CelExpr.CelCall call) {
    long arguments = operands(call).stream().mapToLong(this::cost).reduce(0, CelCostEstimator::add);
    List<CelExpr> operands = operands(call);
    String function = call.function();
    long own;
    if (REGEX.contains(function)) {
      own = multiply(scan(size(operands.get(0))), quarter(size(operands.get(1))));
    } else if ("contains".equals(function)) {
      own = multiply(scan(size(operands.get(0))), scan(size(operands.get(1))));
    } else if (SCANS.contains(function)) {
      own = scan(size(operands.get(0)));
    } else if (COMPARISONS.contains(function) && sized(operands.get(0))) {
      own = add(1, scan(Math.max(size(operands.get(0)), size(operands.get(1)))));
    } else if ("@in".equals(function)) {
      own = add(1, size(operands.get(1)));
    } else {
      own = 1;
    }
    return add(arguments, own);
  }

  private long comprehension(CelExpr.CelComprehension loop) {
    long range = cost(loop.iterRange());
    long elements = size(loop.iterRange());
    Optional<SchemaNode> previous = scope.put(loop.iterVar(), element(loop.iterRange()));
    long body = add(cost(loop.loopCondition()), cost(loop.loopStep()));
    restore(loop.iterVar(), previous);
    return add(
        add(add(range, cost(loop.accuInit())), multiply(elements, body)), cost(loop.result()));
  }

  private void restore(String variable, Optional<SchemaNode> previous) {
    if (previous == null) {
      scope.remove(variable);
    } else {
      scope.put(variable, previous);
    }
  }

  /**
   * Whether comparing or adding values of {@code expr}'s type costs in proportion to their size.
   */
  private boolean sized(CelExpr expr) {
    CelKind kind = ast.getType(expr.id()).map(CelType::kind).orElse(CelKind.DYN);
    return kind == CelKind.STRING
        || kind == CelKind.BYTES
        || kind == CelKind.LIST
        || kind == CelKind.MAP
        || kind == CelKind.DYN;
  }

  /** The schema of the values {@code expr} yields, where the expression reads the object. */
  private Optional<SchemaNode> schemaOf(CelExpr expr) {
    return switch (expr.getKind()) {
      case IDENT -> scope.getOrDefault(expr.ident().name(), Optional.empty());
      case SELECT ->
          schemaOf(expr.select().operand())
              .flatMap(
                  node ->
                      node.isMap()
                          ? node.element()
                          : node.property(CelNames.unescape(expr.select().field())));
      case CALL -> {
        CelExpr.CelCall call = expr.call();
        if ("_[_]".equals(call.function())) {
          yield schemaOf(call.args().get(0)).flatMap(SchemaNode::element);
        }
        // as the API server's estimate: a string's case or trimmed copy is no longer than it
        yield SAME_SIZE.contains(call.function()) && call.target().isPresent()
            ? schemaOf(call.target().get())
            : Optional.empty();
      }
      default -> Optional.empty();
    };
  }

  /** The schema of the elements (list items, map keys) a comprehension over {@code range} binds. */
  private Optional<SchemaNode> element(CelExpr range) {
    return schemaOf(range)
        .flatMap(
            node ->
                node.isArray()
                    ? node.element()
                    : node.isMap() ? Optional.of(MAP_KEY) : Optional.empty());
  }

  /** The most bytes (strings) or elements (lists, maps) {@code expr} may yield. */
  private long size(CelExpr expr) {
    if (expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
      CelConstant constant = expr.constant();
      return constant.getKind() == CelConstant.Kind.STRING_VALUE
          ? constant.stringValue().length()
          : 1;
    }
    if (expr.getKind() == CelExpr.ExprKind.Kind.LIST) {
      return expr.list().elements().size();
    }
    return schemaOf(expr).map(CelCostEstimator::size).orElse(UNKNOWN_SIZE);
  }

  private static long size(SchemaNode node) {
    Optional<Long> max = node.declaredMax();
    if (max.isPresent()) {
      return "string".equals(node.type()) || node.intOrString() ? max.get() * 4 : max.get();
    }
    return node.schema().path("enum").isArray() ? longestEnum(node) : MAX_REQUEST_BYTES;
  }

  private static long longestEnum(SchemaNode node) {
    long longest = 0;
    for (var value : node.schema().path("enum")) {
      longest = Math.max(longest, value.asText().length());
    }
    return longest;
  }

  private static long scan(long bytes) {
    return bytes == UNKNOWN_SIZE ? UNKNOWN_SIZE : (long) Math.ceil(bytes * 0.1);
  }

  private static long quarter(long bytes) {
    return bytes == UNKNOWN_SIZE ? UNKNOWN_SIZE : (long) Math.ceil(bytes * 0.25);
  }

  /** The receiver (for member calls) followed by the arguments. */
  private static List<CelExpr> operands(CelExpr.CelCall call) {
    return Stream.concat(call.target().stream(), call.args().stream()).toList();
  }
}
