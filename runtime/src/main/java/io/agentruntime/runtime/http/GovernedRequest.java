package io.agentruntime.runtime.http;

import io.agentruntime.governance.engine.Decision;
import io.agentruntime.runtime.budget.BudgetReservation;
import io.agentruntime.runtime.governance.Readiness;
import io.agentruntime.runtime.governance.RequestIds;
import io.agentruntime.runtime.identity.Principal;
import io.agentruntime.runtime.intent.Intent;
import io.agentruntime.runtime.tracing.RequestTrace;
import io.agentruntime.runtime.tracing.SpanAttributes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * A request ready for a governance decision: body parsed, caller known, intent configured.
 *
 * @param ids the request's ids
 * @param body the parsed body
 * @param principal the caller
 * @param intent the configured intent the body names: its timeout, backend and meters
 * @param trace the request's span, parent of its steps' spans
 */
record GovernedRequest(
    RequestIds ids, DispatchRequest body, Principal principal, Intent intent, RequestTrace trace) {

  /** The runtime's own id of the request. */
  String requestId() {
    return ids.id();
  }

  /**
   * Parses and checks the request in the order a client can act on: body (400), readiness (503),
   * caller (401), intent (404).
   *
   * @throws ProblemException when the request cannot be decided
   */
  static GovernedRequest of(ServerExchange ctx, RuntimeServices services) {
    return of(
        ctx,
        services,
        DispatchRequestParser.parse(
            RequestContext.body(ctx), services.config().governance().context()));
  }

  /** The same checks, after the body: readiness (503), caller (401), intent (404). */
  static GovernedRequest of(ServerExchange ctx, RuntimeServices services, DispatchRequest body) {
    Optional<Readiness.NotReady> notReady = services.readiness().notReady();
    if (notReady.isPresent()) {
      throw Problems.notReady(notReady.get());
    }
    Principal principal = principal(ctx, services, body);
    Intent intent =
        services
            .intents()
            .find(body.intent())
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.UNKNOWN_INTENT,
                        "intent '" + abbreviate(body.intent()) + "' is not configured"));
    RequestTrace trace = RequestTracing.of(ctx);
    RequestIds ids = RequestContext.requestIds(ctx);
    trace.describe(ids.id(), intent.name());
    return new GovernedRequest(ids, body, principal, intent, trace);
  }

  /**
   * The governance decision: on the calling event loop when the context is light, else on a worker
   * thread, so that a large context never holds an event loop for milliseconds.
   */
  Future<Decision> decide(ServerExchange ctx, RuntimeServices services) {
    return trace.decision(() -> decideNow(ctx, services));
  }

  private Future<Decision> decideNow(ServerExchange ctx, RuntimeServices services) {
    if (body.contextSize().light()) {
      return Future.succeededFuture(
          services.governor().decide(ids, principal, intent, body.context()));
    }
    return ctx.vertx()
        .executeBlocking(
            () -> services.governor().decide(ids, principal, intent, body.context()), false);
  }

  /**
   * What a permitted request passes before its backend is called, each a step of its trace: the
   * rate limits, then the budgets of the deciding policies. One decision path for every API that
   * calls a backend; a queued dispatch holds its budgets until it may have run (its deadline and
   * one attempt).
   *
   * @return the reservation to settle once the backend call ends
   */
  Future<BudgetReservation> admit(RuntimeServices services, Decision decision, boolean queued) {
    return trace
        .step(
            SpanAttributes.RATE_LIMIT_SPAN,
            () -> services.rateLimiter().admit(ids, principal, intent, decision))
        .compose(
            admitted ->
                trace.step(
                    SpanAttributes.BUDGET_SPAN,
                    () ->
                        services
                            .budgets()
                            .reserve(
                                ids,
                                principal,
                                intent,
                                decision,
                                new JsonObject(body.input()),
                                queued
                                    ? AsyncDispatch.holdFor(intent.config())
                                    : intent.config().timeout())));
  }

  private static Principal principal(
      ServerExchange ctx, RuntimeServices services, DispatchRequest body) {
    try {
      return services
          .principals()
          .resolve(new RequestHeaders(ctx.request().headers()), body.context())
          .orElseThrow(
              () ->
                  new ProblemException(
                      ProblemType.UNAUTHENTICATED,
                      "no principal: expected " + services.principals().expectedSource()));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
