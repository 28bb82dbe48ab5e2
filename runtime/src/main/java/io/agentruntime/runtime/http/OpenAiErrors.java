package io.agentruntime.runtime.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The OpenAI face's errors: every problem answer rewritten as {@code {"error": {"message", "type",
 * "code"}}} with the same status and headers ({@code Retry-After} included), so that OpenAI SDKs
 * raise their usual exceptions. {@code code} is the problem type's slug (e.g. {@code denied}).
 */
final class OpenAiErrors {

  private OpenAiErrors() {}

  /** The OpenAI error answer for the problem answer {@code problem}. */
  static HttpReply of(HttpReply problem) {
    return new HttpReply(problem.status(), HttpReply.JSON, body(problem), problem.headers());
  }

  /** {@code {"error": {...}}} for the problem answer {@code problem}. */
  static Buffer body(HttpReply problem) {
    JsonObject document = new JsonObject(problem.body());
    String type = document.getString("type", "");
    return new JsonObject()
        .put(
            "error",
            new JsonObject()
                .put("message", document.getString("detail"))
                .put("type", errorType(problem.status()))
                .put("param", null)
                .put("code", type.substring(type.lastIndexOf('/') + 1)))
        .toBuffer();
  }

  /** The unknown-model answer of OpenAI's API: 404 {@code model_not_found}. */
  static HttpReply unknownModel(String model) {
    return new HttpReply(
        404,
        HttpReply.JSON,
        new JsonObject()
            .put(
                "error",
                new JsonObject()
                    .put("message", "The model '" + abbreviate(model) + "' does not exist")
                    .put("type", "invalid_request_error")
                    .put("param", "model")
                    .put("code", "model_not_found"))
            .toBuffer(),
        Map.of());
  }

  private static String errorType(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 429 -> "rate_limit_error";
      default -> status >= 500 ? "api_error" : "invalid_request_error";
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
