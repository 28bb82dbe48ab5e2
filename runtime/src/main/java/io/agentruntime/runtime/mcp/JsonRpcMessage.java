package io.agentruntime.runtime.mcp;

import io.agentruntime.runtime.tracing.McpOperation;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * One JSON-RPC 2.0 message a client POSTed to the gateway.
 *
 * @param json the message as sent
 * @param kind request, notification or response
 * @param id the request's or response's id (a string or a number); null for a notification
 * @param method the method of a request or notification; null for a response
 */
record JsonRpcMessage(JsonObject json, Kind kind, Object id, String method) {

  /** What a message is, by the JSON-RPC rules. */
  enum Kind {
    /** A method call with an id: it gets an answer. */
    REQUEST,
    /** A method call without an id: it gets none. */
    NOTIFICATION,
    /** A client's answer to a request of the server (sampling, elicitation, roots). */
    RESPONSE
  }

  private static final int MAX_METHOD_LENGTH = 128;

  boolean isRequest(String name) {
    return kind == Kind.REQUEST && name.equals(method);
  }

  /** The {@code params} object, empty when absent. */
  JsonObject params() {
    return json.getValue("params") instanceof JsonObject params ? params : new JsonObject();
  }

  /**
   * What the message's spans say of it, sent to {@code server}; empty for a response, which names
   * no method.
   */
  Optional<McpOperation> operation(String server) {
    if (kind == Kind.RESPONSE) {
      return Optional.empty();
    }
    JsonObject params = params();
    return Optional.of(
        new McpOperation(
            server,
            method,
            Optional.ofNullable(id).map(String::valueOf),
            "tools/call".equals(method) ? text(params, "name") : Optional.empty(),
            "prompts/get".equals(method) ? text(params, "name") : Optional.empty()));
  }

  /** A tool's or prompt's name; one a server could not have (too long) names nothing. */
  private static Optional<String> text(JsonObject params, String name) {
    return params.getValue(name) instanceof String text && text.length() <= ToolCall.MAX_NAME_LENGTH
        ? Optional.of(text)
        : Optional.empty();
  }

  /** The label the message's meters get. */
  String meterName() {
    return kind == Kind.RESPONSE ? "response" : method;
  }

  /**
   * Parses one message. MCP revisions 2025-06-18 and 2025-11-25 have no batches: an array is an
   * invalid request.
   *
   * @throws McpException -32700 for text that is not JSON, -32600 for JSON that is not one message
   */
  static JsonRpcMessage parse(Buffer body) {
    Object parsed;
    try {
      parsed = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new McpException(JsonRpcError.PARSE_ERROR, "the body is not valid JSON");
    }
    if (parsed instanceof JsonArray) {
      throw new McpException(
          JsonRpcError.INVALID_REQUEST,
          "JSON-RPC batches are not part of MCP since revision 2025-06-18: send one message per"
              + " POST");
    }
    if (!(parsed instanceof JsonObject json)) {
      throw new McpException(JsonRpcError.INVALID_REQUEST, "a JSON-RPC message is a JSON object");
    }
    if (!"2.0".equals(json.getValue("jsonrpc"))) {
      throw new McpException(JsonRpcError.INVALID_REQUEST, "'jsonrpc' must be \"2.0\"");
    }
    Object id = json.getValue("id");
    if (json.containsKey("id") && !validId(id)) {
      throw new McpException(JsonRpcError.INVALID_REQUEST, "'id' must be a string or an integer");
    }
    Object method = json.getValue("method");
    if (method != null) {
      return call(json, id, method);
    }
    if (id != null && (json.containsKey("result") || json.containsKey("error"))) {
      return new JsonRpcMessage(json, Kind.RESPONSE, id, null);
    }
    throw new McpException(
        JsonRpcError.INVALID_REQUEST,
        "a message needs a 'method' (request, notification) or an 'id' with 'result' or 'error'");
  }

  private static JsonRpcMessage call(JsonObject json, Object id, Object method) {
    if (!(method instanceof String name) || name.isEmpty() || name.length() > MAX_METHOD_LENGTH) {
      throw new McpException(
          JsonRpcError.INVALID_REQUEST,
          "'method' must be a string of 1 to " + MAX_METHOD_LENGTH + " characters");
    }
    if (json.containsKey("params") && !(json.getValue("params") instanceof JsonObject)) {
      throw new McpException(JsonRpcError.INVALID_REQUEST, "'params' must be an object");
    }
    return new JsonRpcMessage(json, id == null ? Kind.NOTIFICATION : Kind.REQUEST, id, name);
  }

  private static boolean validId(Object id) {
    return id instanceof String text && text.length() <= 256
        || id instanceof Integer
        || id instanceof Long;
  }
}
