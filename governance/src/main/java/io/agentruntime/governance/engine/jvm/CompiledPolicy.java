package io.agentruntime.governance.engine.jvm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentruntime.governance.engine.jvm.Node.Variable;

/**
 * One Cedar policy compiled for the JVM from its JSON form (EST): whether it is satisfied by a
 * request is exactly Cedar's answer, an evaluation error included.
 */
public final class CompiledPolicy {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final boolean permit;
  private final Node condition;

  private CompiledPolicy(String id, boolean permit, Node condition) {
    this.id = id;
    this.permit = permit;
    this.condition = condition;
  }

  /**
   * Compiles the policy {@code id} from the JSON cedar-java produced for it ({@code
   * Policy.toJson()}).
   *
   * @throws UnsupportedPolicyException when the policy uses something this evaluator does not
   *     implement
   */
  public static CompiledPolicy compile(String id, String policyJson)
      throws UnsupportedPolicyException {
    JsonNode policy;
    try {
      policy = JSON.readTree(policyJson);
    } catch (JsonProcessingException e) {
      throw new UnsupportedPolicyException("unreadable policy JSON: " + e.getOriginalMessage());
    }
    boolean permit =
        switch (policy.path("effect").asText()) {
          case "permit" -> true;
          case "forbid" -> false;
          default ->
              throw new UnsupportedPolicyException("effect " + policy.path("effect").toString());
        };
    Node condition = null;
    condition =
        and(condition, ScopeCompiler.compile(policy.path("principal"), Variable.Name.PRINCIPAL));
    condition = and(condition, ScopeCompiler.compile(policy.path("action"), Variable.Name.ACTION));
    condition =
        and(condition, ScopeCompiler.compile(policy.path("resource"), Variable.Name.RESOURCE));
    for (JsonNode clause : policy.path("conditions")) {
      Node body = ExpressionCompiler.compile(clause.path("body"));
      condition =
          switch (clause.path("kind").asText()) {
            case "when" -> and(condition, body);
            case "unless" -> and(condition, new LogicNodes.Not(body));
            default -> throw new UnsupportedPolicyException("condition " + clause.path("kind"));
          };
    }
    return new CompiledPolicy(id, permit, condition == null ? new Node.Literal(true) : condition);
  }

  private static Node and(Node left, Node right) {
    if (right == null) {
      return left;
    }
    return left == null ? right : new LogicNodes.And(left, right);
  }

  public String id() {
    return id;
  }

  /** Whether this is a {@code permit} (else a {@code forbid}). */
  public boolean permit() {
    return permit;
  }

  /** Whether the request satisfies the policy; evaluation errors are results, not exceptions. */
  public PolicyResult evaluate(JvmRequest request) {
    try {
      return condition.test(request) ? PolicyResult.SATISFIED : PolicyResult.NOT_SATISFIED;
    } catch (EvaluationError e) {
      return PolicyResult.error(e.getMessage());
    }
  }
}
