package io.agentruntime.runtime.mcp;

/**
 * Every error the MCP gateway answers with: a JSON-RPC error code (the protocol's own, or one of
 * the server range -32000 to -32099 for the gateway's), the HTTP status of the answer, and the
 * stable {@code data.type} URI clients may switch on.
 *
 * <p>Refusals by policy answer HTTP 200: the message was understood and answered, and MCP clients
 * show a JSON-RPC error to the user (or the model) only when it arrives as an answer.
 */
enum JsonRpcError {
  PARSE_ERROR(-32700, 400, "malformed-json"),
  INVALID_REQUEST(-32600, 400, "invalid-request"),
  INVALID_PARAMS(-32602, 200, "invalid-params"),
  SESSION_REQUIRED(-32000, 400, "mcp-session-required"),
  SESSION_NOT_FOUND(-32001, 404, "mcp-session-not-found"),
  UNAUTHENTICATED(-32002, 401, "unauthenticated"),
  DENIED(-32003, 200, "denied"),
  RATE_LIMITED(-32004, 200, "rate-limited"),
  NOT_READY(-32005, 503, "not-ready"),
  FORBIDDEN_ORIGIN(-32006, 403, "forbidden-origin"),
  IDEMPOTENCY_CONFLICT(-32007, 409, "idempotency-conflict"),
  IDEMPOTENCY_KEY_REUSED(-32008, 422, "idempotency-key-reused"),
  STORE_UNAVAILABLE(-32009, 503, "store-unavailable"),
  TOO_MANY_SESSIONS(-32010, 429, "too-many-mcp-sessions"),
  UPSTREAM_UNAVAILABLE(-32011, 502, "mcp-upstream-unavailable"),
  UPSTREAM_TIMEOUT(-32012, 504, "mcp-upstream-timeout"),
  UPSTREAM_FAILED(-32013, 502, "mcp-upstream-failed"),
  BUDGET_EXHAUSTED(-32014, 200, "budget-exhausted"),
  INTERNAL_ERROR(-32603, 500, "internal-error");

  private static final String BASE_URI = "https://agentruntime.io/problems/";

  private final int code;
  private final int status;
  private final String slug;

  JsonRpcError(int code, int status, String slug) {
    this.code = code;
    this.status = status;
    this.slug = slug;
  }

  int code() {
    return code;
  }

  /** The HTTP status of an answer carrying only this error. */
  int status() {
    return status;
  }

  String type() {
    return BASE_URI + slug;
  }

  /** The last segment of {@link #type}: what a span's {@code error.type} says. */
  String slug() {
    return slug;
  }
}
