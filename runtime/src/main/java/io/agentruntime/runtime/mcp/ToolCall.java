package io.agentruntime.runtime.mcp;

import io.agentruntime.contract.config.ContextLimits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code params} of one {@code tools/call}, checked before anything is decided or relayed: the
 * tool's name, its arguments within the {@code governance.context} limits (they become the Cedar
 * context), and the idempotency key in {@code _meta}, if any.
 *
 * @param name the tool
 * @param arguments the arguments as JSON, relayed unchanged
 * @param policyArguments the arguments as the Cedar context holds them
 * @param idempotencyKey {@value #IDEMPOTENCY_META_KEY} from {@code params._meta}
 */
record ToolCall(
    String name,
    JsonObject arguments,
    Map<String, Object> policyArguments,
    Optional<String> idempotencyKey) {

  /** The {@code _meta} key of an idempotency key, for clients that cannot set headers. */
  static final String IDEMPOTENCY_META_KEY = "agentruntime.io/idempotency-key";

  static final int MAX_NAME_LENGTH = 128;
  static final int MAX_KEY_LENGTH = 255;
  private static final int DECIMAL_SCALE = 4;

  /**
   * @throws McpException -32602 naming the parameter at fault
   */
  static ToolCall of(JsonObject params, ContextLimits limits) {
    if (!(params.getValue("name") instanceof String name)
        || name.isEmpty()
        || name.length() > MAX_NAME_LENGTH) {
      throw invalid("params.name must be a tool name of 1 to " + MAX_NAME_LENGTH + " characters");
    }
    Object given = params.getValue("arguments");
    if (given != null && !(given instanceof JsonObject)) {
      throw invalid("params.arguments must be an object");
    }
    JsonObject arguments = given == null ? new JsonObject() : (JsonObject) given;
    long bytes = arguments.toBuffer().length();
    if (bytes > limits.maxBytes()) {
      throw invalid(
          "params.arguments is larger than "
              + limits.maxBytes()
              + " bytes (governance.context.maxBytes)");
    }
    int[] members = {0};
    Map<String, Object> plain = plainObject(arguments, 2, limits, members);
    return new ToolCall(name, arguments, plain, metaKey(params));
  }

  /** Whether the arguments are small enough to decide on an event loop. */
  boolean light() {
    return arguments.size() <= 64 && arguments.toBuffer().length() <= 4096;
  }

  private static Optional<String> metaKey(JsonObject params) {
    if (!(params.getValue("_meta") instanceof JsonObject meta)
        || !meta.containsKey(IDEMPOTENCY_META_KEY)) {
      return Optional.empty();
    }
    if (!(meta.getValue(IDEMPOTENCY_META_KEY) instanceof String key)
        || key.isBlank()
        || key.length() > MAX_KEY_LENGTH) {
      throw invalid(
          "params._meta[\""
              + IDEMPOTENCY_META_KEY
              + "\"] must be a string of 1 to "
              + MAX_KEY_LENGTH
              + " characters");
    }
    return Optional.of(key);
  }

  private static Map<String, Object> plainObject(
      JsonObject object, int depth, ContextLimits limits, int[] members) {
    Map<String, Object> plain = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : object) {
      plain.put(entry.getKey(), plain(entry.getValue(), depth, limits, members));
    }
    return plain;
  }

  /**
   * A JSON value as the engine's context holds it. A number Cedar cannot hold (more than four
   * decimal places) becomes its decimal text, so a policy can still compare it as a string.
   */
  private static Object plain(Object value, int depth, ContextLimits limits, int[] members) {
    if (++members[0] > limits.maxMembers()) {
      throw invalid(
          "params.arguments has more than "
              + limits.maxMembers()
              + " members (governance.context.maxMembers)");
    }
    if ((value instanceof JsonObject || value instanceof JsonArray) && depth >= limits.maxDepth()) {
      throw invalid(
          "params.arguments is nested deeper than governance.context.maxDepth ("
              + limits.maxDepth()
              + ")");
    }
    return switch (value) {
      case JsonObject object -> plainObject(object, depth + 1, limits, members);
      case JsonArray array -> {
        List<Object> list = new ArrayList<>(array.size());
        for (Object element : array) {
          list.add(plain(element, depth + 1, limits, members));
        }
        yield list;
      }
      case Double number -> decimal(number);
      case Float number -> decimal(number.doubleValue());
      case null, default -> value;
    };
  }

  private static Object decimal(double number) {
    if (!Double.isFinite(number)) {
      return Double.toString(number);
    }
    BigDecimal exact = new BigDecimal(Double.toString(number)).stripTrailingZeros();
    return exact.scale() <= DECIMAL_SCALE ? number : exact.toPlainString();
  }

  private static McpException invalid(String message) {
    return new McpException(JsonRpcError.INVALID_PARAMS, message);
  }
}
