package io.agentruntime.runtime.http;

import io.agentruntime.runtime.async.AsyncDispatches;
import io.agentruntime.runtime.identity.Principal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET} and {@code DELETE /v1/dispatches/{id}}: a long-running dispatch's state, and its
 * cancellation. Only its owner sees it; to anyone else it does not exist (404, never 403), so ids
 * reveal nothing.
 */
final class DispatchRecordHandler {

  static final String PREFIX = "/v1/dispatches/";
  static final String PATH = PREFIX + ":id";

  private final RuntimeServices services;

  DispatchRecordHandler(RuntimeServices services) {
    this.services = services;
  }

  static String location(String id) {
    return PREFIX + id;
  }

  void read(ServerExchange ctx) {
    answer(ctx, (dispatches, id, principal) -> dispatches.find(id, principal));
  }

  void cancel(ServerExchange ctx) {
    answer(ctx, (dispatches, id, principal) -> dispatches.cancel(id, principal));
  }

  private interface Lookup {
    Future<Optional<JsonObject>> apply(AsyncDispatches dispatches, String id, String principal);
  }

  private void answer(ServerExchange ctx, Lookup lookup) {
    String id = ctx.pathParam("id");
    try {
      AsyncDispatches dispatches =
          services
              .async()
              .orElseThrow(
                  () ->
                      new ProblemException(
                          ProblemType.NOT_FOUND, "long-running dispatches are not configured"));
      String principal = principal(ctx).id();
      lookup
          .apply(dispatches, id, principal)
          .map(
              found ->
                  found
                      .map(view -> HttpReply.json(200, view.toBuffer()))
                      .orElseGet(() -> notFound(ctx, id)))
          .recover(failure -> Future.succeededFuture(problem(ctx, failure)))
          .onSuccess(reply -> ReplyWriter.send(ctx, reply));
    } catch (ProblemException e) {
      ReplyWriter.send(ctx, problem(ctx, e));
    }
  }

  /**
   * The caller as for a dispatch: the mesh's header, or in local mode the query parameter {@code
   * user_id} standing in for {@code context.user_id}.
   */
  private Principal principal(ServerExchange ctx) {
    String userId = ctx.queryParams().get("user_id");
    Map<String, Object> context = userId == null ? Map.of() : Map.of("user_id", userId);
    try {
      return services
          .principals()
          .resolve(new RequestHeaders(ctx.request().headers()), context)
          .orElseThrow(
              () ->
                  new ProblemException(
                      ProblemType.UNAUTHENTICATED,
                      "no principal: expected "
                          + services
                              .principals()
                              .expectedSource()
                              .replace("context.user_id", "query parameter user_id")));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
    }
  }

  private static HttpReply notFound(ServerExchange ctx, String id) {
    return problem(
        ctx,
        new ProblemException(
            ProblemType.NOT_FOUND, "no dispatch '" + abbreviate(id) + "' of this principal"));
  }

  private static HttpReply problem(ServerExchange ctx, Throwable failure) {
    return Problems.reply(failure, RequestContext.requestId(ctx), ctx.request().path());
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
