package io.agentruntime.runtime.http;

import io.agentruntime.governance.engine.Decision;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Renders decisions as the API shows them. */
final class DecisionBodies {

  private DecisionBodies() {}

  /** {@code {"effect","policies","mode"}}, plus {@code auditDenials} when an Audit policy fired. */
  static JsonObject decision(Decision decision) {
    JsonObject json =
        new JsonObject()
            .put("effect", decision.effect().displayName())
            .put("policies", new JsonArray(decision.policies()))
            .put("mode", decision.mode().displayName());
    if (!decision.auditDenials().isEmpty()) {
      json.put("auditDenials", new JsonArray(decision.auditDenials()));
    }
    return json;
  }

  /** The 403 problem for a decision that does not permit the request. */
  static ProblemException denied(String intent, Decision decision) {
    String detail =
        decision.policies().isEmpty()
            ? "no policy permits intent '" + intent + "' for this principal"
            : "intent '" + intent + "' denied by policy " + String.join(", ", decision.policies());
    return new ProblemException(
        ProblemType.DENIED, detail, Map.of("policies", decision.policies()));
  }
}
