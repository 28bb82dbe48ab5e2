package io.agentruntime.runtime.http;

import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.governance.engine.Decision;
import io.agentruntime.runtime.async.AsyncDispatches;
import io.agentruntime.runtime.budget.BudgetReservation;
import io.agentruntime.runtime.tracing.SpanAttributes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code POST /dispatch} with {@code Prefer: respond-async} (RFC 7240): decided, rate limited and
 * budgeted exactly as a synchronous dispatch, then queued with its budget reservation and answered
 * {@code 202 Accepted} with the dispatch's {@code Location}. The worker that runs it settles the
 * reservation from the queue message when it records the outcome.
 */
final class AsyncDispatch {

  static final String PREFER = "prefer";
  static final String RESPOND_ASYNC = "respond-async";

  private AsyncDispatch() {}

  /** Whether the request prefers an asynchronous answer (any {@code Prefer} header naming it). */
  static boolean preferred(ServerExchange ctx) {
    for (String header : ctx.request().headers().getAll(PREFER)) {
      for (String preference : header.split(",")) {
        String token = preference.split(";", 2)[0].split("=", 2)[0].trim();
        if (token.toLowerCase(Locale.ROOT).equals(RESPOND_ASYNC)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * How long a queued dispatch's budget holds last: until its deadline to start ({@code
   * async.resultTtl}) plus one attempt's {@code async.timeout}, the latest it may still be running.
   */
  static Duration holdFor(IntentConfig intent) {
    return intent.async().resultTtl().plus(intent.async().timeout());
  }

  static Future<HttpReply> enqueue(
      ServerExchange ctx,
      AsyncDispatches dispatches,
      GovernedRequest request,
      Decision decision,
      BudgetReservation reservation) {
    JsonObject decisionBody = DecisionBodies.decision(decision);
    AsyncDispatches.Submission submission =
        new AsyncDispatches.Submission(
            request.requestId(),
            request.principal().id(),
            request.intent().name(),
            request.intent().config().async(),
            new JsonObject(request.body().input()),
            new JsonObject(request.body().context()),
            decisionBody,
            DispatchHandler.idempotencyKey(ctx),
            reservation,
            request.trace().headers());
    return request
        .trace()
        .step(SpanAttributes.ENQUEUE_SPAN, () -> dispatches.enqueue(submission))
        .map(
            view ->
                BudgetHeaderWriter.withRemaining(
                    HttpReply.json(
                            202,
                            new JsonObject()
                                .put("id", view.getString("id"))
                                .put("status", view.getString("status"))
                                .put("decision", view.getJsonObject("decision"))
                                .put("requestId", request.requestId())
                                .toBuffer())
                        .withHeader(
                            "location", DispatchRecordHandler.location(view.getString("id")))
                        .withHeader("preference-applied", RESPOND_ASYNC),
                    reservation.remaining()));
  }
}
