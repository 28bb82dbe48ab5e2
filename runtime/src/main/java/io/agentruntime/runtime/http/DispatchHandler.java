package io.agentruntime.runtime.http;

import io.agentruntime.governance.engine.Decision;
import io.agentruntime.runtime.backend.BackendCall;
import io.agentruntime.runtime.idempotency.IdempotencyCache.Replayable;
import io.agentruntime.runtime.idempotency.IdempotentRequest;
import io.agentruntime.runtime.metrics.IntentMeters;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /dispatch}: governance decision, then the intent's backend. Answers are built whole
 * ({@link HttpReply}) so an {@code Idempotency-Key} repeat can replay them unchanged.
 */
final class DispatchHandler implements Handler<RoutingContext> {

  static final String IDEMPOTENCY_KEY = "idempotency-key";
  static final String IDEMPOTENT_REPLAYED = "idempotent-replayed";
  private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

  private final RuntimeServices services;

  DispatchHandler(RuntimeServices services) {
    this.services = services;
  }

  @Override
  public void handle(RoutingContext ctx) {
    // A request refused before its intent is known is counted under the unknown intent.
    IntentMeters meters = services.metrics().unknownIntent();
    try {
      GovernedRequest request = GovernedRequest.of(ctx, services);
      meters = request.intent().meters();
      String key = idempotencyKey(ctx);
      Future<HttpReply> reply =
          key == null
              ? dispatch(ctx, request)
              : services
                  .idempotency()
                  .execute(
                      IdempotentRequest.of(
                          request.principal().id(),
                          key,
                          RequestContext.body(ctx).getBytes(),
                          // how long a repeat may wait for the first: the intent's timeout
                          request.intent().config().timeout()),
                      () -> dispatch(ctx, request))
                  .map(DispatchHandler::markReplay);
      IntentMeters counted = meters;
      reply
          .recover(failure -> Future.succeededFuture(problem(ctx, failure)))
          .onSuccess(answer -> finish(ctx, counted, answer));
    } catch (ProblemException e) {
      finish(ctx, meters, problem(ctx, e));
    }
  }

  private Future<HttpReply> dispatch(RoutingContext ctx, GovernedRequest request) {
    return request
        .decide(ctx, services)
        .compose(decision -> dispatchDecided(ctx, request, decision))
        .recover(failure -> Future.succeededFuture(problem(ctx, failure)));
  }

  private Future<HttpReply> dispatchDecided(
      RoutingContext ctx, GovernedRequest request, Decision decision) {
    String intent = request.body().intent();
    if (!decision.permitted()) {
      return Future.succeededFuture(problem(ctx, DecisionBodies.denied(intent, decision)));
    }
    return services
        .rateLimiter()
        .admit(request.ids(), request.principal(), request.intent(), decision)
        .compose(
            admitted ->
                services.async().isPresent() && AsyncDispatch.preferred(ctx)
                    ? AsyncDispatch.enqueue(ctx, services.async().get(), request, decision)
                    : invoke(ctx, request, decision));
  }

  private Future<HttpReply> invoke(RoutingContext ctx, GovernedRequest request, Decision decision) {
    String intent = request.body().intent();
    JsonObject decisionBody = DecisionBodies.decision(decision);
    BackendCall call =
        new BackendCall(
            request.requestId(),
            intent,
            new JsonObject(request.body().input()),
            new JsonObject(request.body().context()),
            decisionBody);
    long backendStart = System.nanoTime();
    return request
        .intent()
        .backend()
        .invoke(call)
        .andThen(done -> request.intent().meters().recordBackend(System.nanoTime() - backendStart))
        .map(
            result ->
                HttpReply.json(
                    200,
                    new JsonObject()
                        .put("requestId", request.requestId())
                        .put("intent", intent)
                        .put("decision", decisionBody)
                        .put("result", result)
                        .put("durationMs", RequestContext.elapsedNanos(ctx) / 1_000_000.0)
                        .toBuffer()));
  }

  private static HttpReply markReplay(Replayable<HttpReply> answer) {
    return answer.replayed()
        ? answer.answer().withHeader(IDEMPOTENT_REPLAYED, "true")
        : answer.answer();
  }

  static String idempotencyKey(RoutingContext ctx) {
    String key = new RequestHeaders(ctx.request().headers()).single(IDEMPOTENCY_KEY).orElse(null);
    if (key == null) {
      return null;
    }
    if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "header Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
    }
    return key;
  }

  private static void finish(RoutingContext ctx, IntentMeters meters, HttpReply reply) {
    meters.recordDispatch(reply.status(), RequestContext.elapsedNanos(ctx));
    ReplyWriter.send(ctx, reply);
  }

  private static HttpReply problem(RoutingContext ctx, Throwable failure) {
    return Problems.reply(failure, RequestContext.requestId(ctx), ctx.request().path());
  }
}
