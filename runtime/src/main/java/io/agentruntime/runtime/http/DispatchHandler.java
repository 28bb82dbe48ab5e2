package io.agentruntime.runtime.http;

import io.agentruntime.governance.engine.Decision;
import io.agentruntime.runtime.backend.BackendCall;
import io.agentruntime.runtime.backend.TokenUsage;
import io.agentruntime.runtime.budget.BudgetReservation;
import io.agentruntime.runtime.budget.BudgetReservation.BudgetRemaining;
import io.agentruntime.runtime.idempotency.IdempotencyCache.Replayable;
import io.agentruntime.runtime.idempotency.IdempotentRequest;
import io.agentruntime.runtime.intent.Intent;
import io.agentruntime.runtime.metrics.IntentMeters;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

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
        .compose(admitted -> invoke(ctx, request, decision));
  }

  private Future<HttpReply> invoke(RoutingContext ctx, GovernedRequest request, Decision decision) {
    BackendCall call =
        new BackendCall(
            request.requestId(),
            request.body().intent(),
            new JsonObject(request.body().input()),
            new JsonObject(request.body().context()),
            DecisionBodies.decision(decision));
    Future<BudgetReservation> reserved =
        services
            .budgets()
            .reserve(request.ids(), request.principal(), request.intent(), decision, call.input());
    // Without budgets the reservation is already there: no composition on the common path.
    return reserved.succeeded()
        ? call(ctx, request, call, reserved.result())
        : reserved.compose(reservation -> call(ctx, request, call, reservation));
  }

  /** The backend call, its reservation ended whatever the outcome. */
  private Future<HttpReply> call(
      RoutingContext ctx, GovernedRequest request, BackendCall call, BudgetReservation reserved) {
    Intent intent = request.intent();
    long backendStart = System.nanoTime();
    return intent
        .backend()
        .invoke(call)
        .andThen(
            done -> {
              intent.meters().recordBackend(System.nanoTime() - backendStart);
              if (done.failed()) {
                reserved.release();
              }
            })
        .map(result -> answer(ctx, request, call, result, reserved));
  }

  private static HttpReply answer(
      RoutingContext ctx,
      GovernedRequest request,
      BackendCall call,
      JsonObject result,
      BudgetReservation reserved) {
    Intent intent = request.intent();
    Optional<TokenUsage> usage = intent.backend().usage(result);
    if (usage.isPresent()) {
      TokenUsage used = usage.get();
      intent
          .meters()
          .recordUsage(
              used.promptTokens(),
              used.completionTokens(),
              intent
                  .config()
                  .backend()
                  .price()
                  .map(price -> price.micros(used.promptTokens(), used.completionTokens()))
                  .orElse(-1L));
    }
    BudgetRemaining remaining = reserved.commit(usage);
    HttpReply reply =
        HttpReply.json(
            200,
            new JsonObject()
                .put("requestId", request.requestId())
                .put("intent", call.intent())
                .put("decision", call.decision())
                .put("result", result)
                .put("durationMs", RequestContext.elapsedNanos(ctx) / 1_000_000.0)
                .toBuffer());
    return BudgetHeaderWriter.withRemaining(reply, remaining);
  }

  private static HttpReply markReplay(Replayable<HttpReply> answer) {
    return answer.replayed()
        ? answer.answer().withHeader(IDEMPOTENT_REPLAYED, "true")
        : answer.answer();
  }

  private static String idempotencyKey(RoutingContext ctx) {
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
