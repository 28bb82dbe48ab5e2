package io.agentruntime.runtime.http;

import io.agentruntime.governance.engine.Decision;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/decisions}: the governance decision alone, for other services. Allow and Deny are
 * both answered with 200; nothing is dispatched.
 */
final class DecisionHandler implements Handler<RoutingContext> {

  private final RuntimeServices services;

  DecisionHandler(RuntimeServices services) {
    this.services = services;
  }

  @Override
  public void handle(RoutingContext ctx) {
    try {
      GovernedRequest request = GovernedRequest.of(ctx, services);
      String intent = request.body().intent();
      Decision decision =
          services
              .governor()
              .decide(request.ids(), request.principal(), intent, request.body().context());
      JsonObject body =
          new JsonObject()
              .put("requestId", request.requestId())
              .put("intent", intent)
              .put("principal", request.principal().id())
              .put("decision", DecisionBodies.decision(decision))
              .put("permitted", decision.permitted());
      ReplyWriter.send(ctx, HttpReply.json(200, body.toBuffer()));
    } catch (ProblemException e) {
      ReplyWriter.sendProblem(ctx, e, false);
    }
  }
}
