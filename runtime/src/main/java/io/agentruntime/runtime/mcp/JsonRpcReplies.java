package io.agentruntime.runtime.mcp;

import io.agentruntime.runtime.http.HttpReply;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The one place the gateway's JSON-RPC errors are built. */
final class JsonRpcReplies {

  static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

  private JsonRpcReplies() {}

  /** The error object of {@code failure} for the runtime's request {@code requestId}. */
  static JsonObject error(McpException failure, String requestId) {
    JsonObject data =
        new JsonObject().put("type", failure.error().type()).put("requestId", requestId);
    failure.data().forEach(data::put);
    return new JsonObject()
        .put("code", failure.error().code())
        .put("message", failure.getMessage())
        .put("data", data);
  }

  /** A whole JSON-RPC error answer to the message with {@code id} (null when unknown). */
  static JsonObject errorMessage(Object id, McpException failure, String requestId) {
    return new JsonObject()
        .put("jsonrpc", "2.0")
        .put("id", id)
        .put("error", error(failure, requestId));
  }

  /** The HTTP answer carrying {@link #errorMessage}, with its status and any Retry-After. */
  static HttpReply reply(Object id, McpException failure, String requestId) {
    HttpReply reply =
        new HttpReply(
            failure.error().status(),
            HttpReply.JSON,
            errorMessage(id, failure, requestId).toBuffer(),
            Map.of());
    Object retryAfter = failure.data().get(RETRY_AFTER_SECONDS);
    return retryAfter == null ? reply : reply.withHeader("retry-after", retryAfter.toString());
  }
}
