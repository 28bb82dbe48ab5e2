package io.agentruntime.runtime.http;

import io.agentruntime.governance.engine.Decision;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * {@code POST /v1/decisions}: the governance decision alone, for other services. Allow and Deny are
 * both answered with 200; nothing is dispatched.
 */
final class DecisionHandler implements Handler<ServerExchange> {

  private final RuntimeServices services;

  DecisionHandler(RuntimeServices services) {
    this.services = services;
  }

  @Override
  public void handle(ServerExchange ctx) {
    GovernedRequest request;
    try {
      request = GovernedRequest.of(ctx, services);
    } catch (ProblemException e) {
      ReplyWriter.sendProblem(ctx, e, false);
      return;
    }
    request
        .decide(ctx, services)
        .onSuccess(decision -> ReplyWriter.send(ctx, HttpReply.json(200, body(request, decision))))
        .onFailure(failure -> ReplyWriter.sendProblem(ctx, failure, false));
  }

  private static Buffer body(GovernedRequest request, Decision decision) {
    return new JsonObject()
        .put("requestId", request.requestId())
        .put("intent", request.body().intent())
        .put("principal", request.principal().id())
        .put("decision", DecisionBodies.decision(decision))
        .put("permitted", decision.permitted())
        .toBuffer();
  }
}
