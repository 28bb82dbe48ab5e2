package io.agentruntime.runtime.mcp;

import java.util.Map;

/** A message the gateway answers with a JSON-RPC error instead of relaying it. */
final class McpException extends RuntimeException {

  private final JsonRpcError error;
  private final transient Map<String, Object> data;

  McpException(JsonRpcError error, String message) {
    this(error, message, Map.of());
  }

  /**
   * @param data members added to the error's {@code data}, e.g. the deciding policies
   */
  McpException(JsonRpcError error, String message, Map<String, Object> data) {
    super(message, null, false, false);
    this.error = error;
    this.data = Map.copyOf(data);
  }

  JsonRpcError error() {
    return error;
  }

  Map<String, Object> data() {
    return data;
  }
}
