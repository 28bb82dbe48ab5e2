package io.agentruntime.runtime.mcp;

import io.agentruntime.runtime.http.RequestHeaders;
import io.agentruntime.runtime.http.RuntimeServices;
import io.agentruntime.runtime.http.ServerExchange;
import io.agentruntime.runtime.identity.Principal;
import io.agentruntime.runtime.metrics.McpMeters;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;

/**
 * What every gateway handler uses: the runtime's services, the sessions, the tool policy and the
 * meters, and the checks each message passes before it reaches a session: readiness, caller,
 * session.
 *
 * @param runtime the runtime's shared services (governance, idempotency, rate limits, identity)
 * @param sessions where gateway sessions live
 * @param policy decides tool calls and listings
 * @param meters the gateway's meters
 */
record GatewayServices(
    RuntimeServices runtime, McpSessionStore sessions, ToolPolicy policy, McpMeters meters) {

  static final String SESSION_HEADER = McpUpstream.SESSION_HEADER;

  /**
   * @throws McpException 503 when the runtime cannot serve now
   */
  void checkReady() {
    runtime
        .readiness()
        .notReady()
        .ifPresent(
            notReady -> {
              throw new McpException(JsonRpcError.NOT_READY, notReady.detail());
            });
  }

  /**
   * The caller: the mesh's principal header (also in local mode, since an MCP message has no {@code
   * context.user_id}).
   *
   * @throws McpException 401 when the request names none, 400 for an unusable header
   */
  Principal principal(ServerExchange ctx) {
    try {
      return runtime
          .principals()
          .resolve(new RequestHeaders(ctx.request().headers()), Map.of())
          .orElseThrow(
              () ->
                  new McpException(
                      JsonRpcError.UNAUTHENTICATED,
                      "no principal: expected header '"
                          + runtime.config().identity().principalHeader()
                          + "'"));
    } catch (IllegalArgumentException e) {
      throw new McpException(JsonRpcError.INVALID_REQUEST, e.getMessage());
    }
  }

  /**
   * The caller's session named by {@code Mcp-Session-Id}, opened on {@code server}.
   *
   * @return fails with 400 without the header, 404 when the caller has no such session there
   */
  Future<McpSession> session(ServerExchange ctx, Principal principal, String server) {
    Optional<String> id;
    try {
      id = new RequestHeaders(ctx.request().headers()).single(SESSION_HEADER);
    } catch (RuntimeException e) {
      return Future.failedFuture(
          new McpException(
              JsonRpcError.INVALID_REQUEST, "header Mcp-Session-Id must be sent once"));
    }
    if (id.isEmpty() || id.get().isBlank()) {
      return Future.failedFuture(
          new McpException(
              JsonRpcError.SESSION_REQUIRED,
              "Bad Request: header Mcp-Session-Id is required after initialize"));
    }
    return sessions
        .find(principal.id(), id.get())
        .map(
            found ->
                found
                    .filter(session -> session.server().equals(server))
                    .orElseThrow(
                        () ->
                            new McpException(
                                JsonRpcError.SESSION_NOT_FOUND,
                                "no such MCP session: initialize a new one")));
  }
}
