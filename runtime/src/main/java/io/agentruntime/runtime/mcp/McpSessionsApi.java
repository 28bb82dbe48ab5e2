package io.agentruntime.runtime.mcp;

import io.agentruntime.runtime.http.HttpReply;
import io.agentruntime.runtime.http.ProblemException;
import io.agentruntime.runtime.http.ProblemType;
import io.agentruntime.runtime.http.ReplyWriter;
import io.agentruntime.runtime.http.RequestContext;
import io.agentruntime.runtime.http.ServerExchange;
import io.agentruntime.runtime.identity.Principal;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /v1/mcp/sessions} lists the caller's gateway sessions; {@code DELETE
 * /v1/mcp/sessions/<id>} ends one of them at once, on every pod (the kill switch for a session an
 * agent should not go on using). Another caller's session does not exist for the caller: 404.
 */
final class McpSessionsApi {

  static final String PATH = "/v1/mcp/sessions";

  private final GatewayServices gateway;
  private final Function<String, McpEndpoint> endpoints;

  /**
   * @param endpoints the endpoint of each configured server, to end upstream sessions
   */
  McpSessionsApi(GatewayServices gateway, Function<String, McpEndpoint> endpoints) {
    this.gateway = gateway;
    this.endpoints = endpoints;
  }

  void list(ServerExchange ctx) {
    caller(ctx)
        .compose(principal -> gateway.sessions().list(principal.id()))
        .onSuccess(
            sessions -> {
              JsonArray listed = new JsonArray();
              sessions.forEach(session -> listed.add(session.toJson()));
              ReplyWriter.send(
                  ctx, HttpReply.json(200, new JsonObject().put("sessions", listed).toBuffer()));
            })
        .onFailure(failure -> problem(ctx, failure));
  }

  void delete(ServerExchange ctx) {
    String id = ctx.pathParam("id");
    caller(ctx)
        .compose(principal -> gateway.sessions().delete(principal.id(), id))
        .onSuccess(
            deleted -> {
              if (deleted.isEmpty()) {
                problem(ctx, new McpException(JsonRpcError.SESSION_NOT_FOUND, "no such session"));
                return;
              }
              McpEndpoint endpoint = endpoints.apply(deleted.get().server());
              if (endpoint != null) {
                endpoint.endUpstream(deleted.get(), RequestContext.requestId(ctx));
              }
              ReplyWriter.send(ctx, new HttpReply(204, HttpReply.JSON, Buffer.buffer(), Map.of()));
            })
        .onFailure(failure -> problem(ctx, failure));
  }

  private Future<Principal> caller(ServerExchange ctx) {
    try {
      gateway.checkReady();
      return Future.succeededFuture(gateway.principal(ctx));
    } catch (McpException e) {
      return Future.failedFuture(e);
    }
  }

  /** The problem+json answer of a failure: this API is plain HTTP, not JSON-RPC. */
  private static void problem(ServerExchange ctx, Throwable failure) {
    McpException error = McpFailures.classify(failure);
    ProblemType type =
        switch (error.error()) {
          case UNAUTHENTICATED -> ProblemType.UNAUTHENTICATED;
          case SESSION_NOT_FOUND -> ProblemType.NOT_FOUND;
          case NOT_READY -> ProblemType.NOT_READY;
          case STORE_UNAVAILABLE -> ProblemType.MCP_SESSION_STORE_UNAVAILABLE;
          case INVALID_REQUEST -> ProblemType.INVALID_HEADER;
          default -> ProblemType.INTERNAL_ERROR;
        };
    ReplyWriter.sendProblem(ctx, new ProblemException(type, error.getMessage()), false);
  }
}
