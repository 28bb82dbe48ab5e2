package io.agentruntime.runtime.http;

import io.agentruntime.governance.engine.Decision;
import io.agentruntime.runtime.Readiness;
import io.agentruntime.runtime.backend.Backend;
import io.agentruntime.runtime.governance.RequestIds;
import io.agentruntime.runtime.identity.Principal;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * A request ready for a governance decision: body parsed, caller known, intent configured.
 *
 * @param ids the request's ids
 * @param body the parsed body
 * @param principal the caller
 * @param backend the backend of the intent
 */
record GovernedRequest(RequestIds ids, DispatchRequest body, Principal principal, Backend backend) {

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
  static GovernedRequest of(RoutingContext ctx, RuntimeServices services) {
    DispatchRequest body =
        DispatchRequestParser.parse(
            RequestContext.body(ctx), services.config().governance().context());
    Optional<Readiness.NotReady> notReady = services.readiness().notReady();
    if (notReady.isPresent()) {
      throw Problems.notReady(notReady.get());
    }
    Principal principal = principal(ctx, services, body);
    Backend backend =
        services
            .backends()
            .backend(body.intent())
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.UNKNOWN_INTENT,
                        "intent '" + abbreviate(body.intent()) + "' is not configured"));
    return new GovernedRequest(RequestContext.requestIds(ctx), body, principal, backend);
  }

  /**
   * The governance decision: on the calling event loop when the context is light, else on a worker
   * thread, so that a large context never holds an event loop for milliseconds.
   */
  Future<Decision> decide(RoutingContext ctx, RuntimeServices services) {
    if (body.contextSize().light()) {
      return Future.succeededFuture(
          services.governor().decide(ids, principal, body.intent(), body.context()));
    }
    return ctx.vertx()
        .executeBlocking(
            () -> services.governor().decide(ids, principal, body.intent(), body.context()), false);
  }

  private static Principal principal(
      RoutingContext ctx, RuntimeServices services, DispatchRequest body) {
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
