package io.agentruntime.runtime.http;

import io.agentruntime.governance.engine.Decision;
import io.agentruntime.runtime.backend.BackendCall;
import io.agentruntime.runtime.budget.BudgetReservation;
import io.agentruntime.runtime.budget.UsageCharge;
import io.agentruntime.runtime.idempotency.IdempotencyCache.Replayable;
import io.agentruntime.runtime.idempotency.IdempotentRequest;
import io.agentruntime.runtime.metrics.IntentMeters;
import io.agentruntime.runtime.tracing.BackendSpan;
import io.agentruntime.runtime.usage.CallOutcome;
import io.agentruntime.runtime.usage.TokenUsage;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * {@code POST /dispatch}: governance decision, then the intent's backend, its answer whole or, with
 * {@code Accept: text/event-stream}, streamed ({@link StreamRelay}); rate limits and budgets are
 * applied before any backend call ({@link #admit}). Whole answers are built before they are sent
 * ({@link HttpReply}) and streams are recorded as sent, so an {@code Idempotency-Key} repeat can
 * replay either unchanged.
 */
final class DispatchHandler implements Handler<ServerExchange> {

  static final String IDEMPOTENCY_KEY = "idempotency-key";
  static final String IDEMPOTENT_REPLAYED = "idempotent-replayed";
  private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

  /**
   * Added to a streamed request's body before it is digested: a key first used for a streamed
   * request and repeated for a whole answer (or the reverse) is a reuse with another request.
   */
  private static final Buffer STREAMED_MARK = Buffer.buffer("\n" + StreamRelay.EVENT_STREAM);

  private final RuntimeServices services;

  DispatchHandler(RuntimeServices services) {
    this.services = services;
  }

  @Override
  public void handle(ServerExchange ctx) {
    // A request refused before its intent is known is counted under the unknown intent.
    IntentMeters meters = services.metrics().unknownIntent();
    try {
      GovernedRequest request = GovernedRequest.of(ctx, services);
      meters = request.intent().meters();
      boolean streamed = wantsEventStream(ctx);
      String key = idempotencyKey(ctx);
      Future<HttpReply> reply =
          key == null
              ? dispatch(ctx, request, streamed)
              : services
                  .idempotency()
                  .execute(
                      IdempotentRequest.of(
                          request.principal().id(),
                          key,
                          digested(ctx, streamed),
                          // how long a repeat may wait for the first: the intent's timeout
                          request.intent().config().timeout()),
                      () -> dispatch(ctx, request, streamed))
                  .map(DispatchHandler::markReplay);
      IntentMeters counted = meters;
      reply
          .recover(failure -> Future.succeededFuture(problem(ctx, failure)))
          .onSuccess(answer -> finish(ctx, counted, answer));
    } catch (ProblemException e) {
      finish(ctx, meters, problem(ctx, e));
    }
  }

  /** Whether the caller asked for {@code text/event-stream}. */
  static boolean wantsEventStream(ServerExchange ctx) {
    String accept = ctx.request().getHeader("accept");
    return accept != null && accept.toLowerCase().contains(StreamRelay.EVENT_STREAM);
  }

  private static byte[] digested(ServerExchange ctx, boolean streamed) {
    Buffer body = RequestContext.body(ctx);
    return streamed ? body.copy().appendBuffer(STREAMED_MARK).getBytes() : body.getBytes();
  }

  private Future<HttpReply> dispatch(
      ServerExchange ctx, GovernedRequest request, boolean streamed) {
    return request
        .decide(ctx, services)
        .compose(decision -> dispatchDecided(ctx, request, decision, streamed))
        .recover(failure -> Future.succeededFuture(problem(ctx, failure)));
  }

  private Future<HttpReply> dispatchDecided(
      ServerExchange ctx, GovernedRequest request, Decision decision, boolean streamed) {
    String intent = request.body().intent();
    if (!decision.permitted()) {
      return Future.succeededFuture(problem(ctx, DecisionBodies.denied(intent, decision)));
    }
    boolean async = services.async().isPresent() && AsyncDispatch.preferred(ctx);
    return request
        .admit(services, decision, async)
        .compose(
            reservation -> {
              if (async) {
                return AsyncDispatch.enqueue(
                    ctx, services.async().get(), request, decision, reservation);
              }
              return streamed
                  ? stream(ctx, request, decision, reservation)
                  : invoke(ctx, request, decision, reservation);
            });
  }

  private Future<HttpReply> stream(
      ServerExchange ctx,
      GovernedRequest request,
      Decision decision,
      BudgetReservation reservation) {
    JsonObject decisionBody = DecisionBodies.decision(decision);
    return StreamRelay.relay(
        ctx,
        StreamedCall.start(
            request,
            decisionBody,
            new DispatchEventFormat(request.requestId(), request.intent().name(), decisionBody),
            reservation,
            services.config().idempotency().maxReplySize()));
  }

  private Future<HttpReply> invoke(
      ServerExchange ctx,
      GovernedRequest request,
      Decision decision,
      BudgetReservation reservation) {
    JsonObject decisionBody = DecisionBodies.decision(decision);
    return invokeBackend(request, decisionBody, reservation)
        .map(
            charged ->
                BudgetHeaderWriter.withRemaining(
                    HttpReply.json(
                        200,
                        new JsonObject()
                            .put("requestId", request.requestId())
                            .put("intent", request.intent().name())
                            .put("decision", decisionBody)
                            .put("result", charged.result())
                            .put("durationMs", RequestContext.elapsedNanos(ctx) / 1_000_000.0)),
                    charged.remaining()));
  }

  /**
   * Calls the intent's backend for a whole answer, recording the backend's time, tracing the call
   * and charging the usage it reported ({@link UsageCharge}); a failed call releases its
   * reservation.
   */
  static Future<ChargedResult> invokeBackend(
      GovernedRequest request, JsonObject decisionBody, BudgetReservation reservation) {
    long backendStart = System.nanoTime();
    BackendSpan span = request.trace().backend(request.intent().config(), false);
    return request
        .intent()
        .backend()
        .invoke(call(request, decisionBody, span))
        .andThen(done -> request.intent().meters().recordBackend(System.nanoTime() - backendStart))
        .transform(
            done -> {
              JsonObject result = done.result();
              // parsed once: the span and the budget charge read the same usage
              Optional<TokenUsage> usage =
                  Optional.ofNullable(result).flatMap(TokenUsage::ofResult);
              span.end(
                  usage,
                  Optional.ofNullable(result).map(answer -> answer.getString("model")),
                  Optional.ofNullable(result).map(answer -> answer.getString("finishReason")),
                  done.cause());
              if (done.failed()) {
                UsageCharge.settle(
                    request.intent(), reservation, CallOutcome.FAILED, Optional.empty());
                return Future.failedFuture(done.cause());
              }
              return Future.succeededFuture(
                  new ChargedResult(
                      result,
                      UsageCharge.settle(
                          request.intent(), reservation, CallOutcome.COMPLETED, usage)));
            });
  }

  /**
   * A backend's whole answer, charged.
   *
   * @param remaining what the budgets have left afterwards, for the answer's headers
   */
  record ChargedResult(JsonObject result, BudgetReservation.BudgetRemaining remaining) {}

  /** The call of {@code request}'s backend, in the trace of {@code span}. */
  static BackendCall call(GovernedRequest request, JsonObject decisionBody, BackendSpan span) {
    return new BackendCall(
        request.requestId(),
        request.intent().name(),
        new JsonObject(request.body().input()),
        new JsonObject(request.body().context()),
        decisionBody,
        span.headers());
  }

  private static HttpReply markReplay(Replayable<HttpReply> answer) {
    return answer.replayed()
        ? answer.answer().withHeader(IDEMPOTENT_REPLAYED, "true")
        : answer.answer();
  }

  static String idempotencyKey(ServerExchange ctx) {
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

  /** Sends a whole answer; a stream has already been sent, and counted, by its relay. */
  private static void finish(ServerExchange ctx, IntentMeters meters, HttpReply reply) {
    if (StreamRelay.answered(ctx)) {
      return;
    }
    meters.recordDispatch(reply.status(), RequestContext.elapsedNanos(ctx));
    ReplyWriter.send(ctx, reply);
  }

  private static HttpReply problem(ServerExchange ctx, Throwable failure) {
    return Problems.reply(failure, RequestContext.requestId(ctx), ctx.request().path());
  }
}
