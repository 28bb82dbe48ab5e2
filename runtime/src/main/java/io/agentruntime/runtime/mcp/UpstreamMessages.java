package io.agentruntime.runtime.mcp;

import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** Reads what an upstream sends: its media type, its messages, and which one answers a request. */
final class UpstreamMessages {

  private UpstreamMessages() {}

  static boolean isEventStream(HttpClientResponse response) {
    return "text/event-stream".equals(mediaType(response));
  }

  static boolean isJson(HttpClientResponse response) {
    return "application/json".equals(mediaType(response));
  }

  private static String mediaType(HttpClientResponse response) {
    String type = response.getHeader("content-type");
    if (type == null) {
      return "";
    }
    int parameters = type.indexOf(';');
    return (parameters < 0 ? type : type.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
  }

  /** The JSON object in {@code text}, or null when it is none. */
  static JsonObject parse(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Json.decodeValue(text) instanceof JsonObject message ? message : null;
    } catch (DecodeException e) {
      return null;
    }
  }

  /** Whether {@code message} is the answer (result or error) to the request {@code id}. */
  static boolean answers(JsonObject message, Object id) {
    if (message.containsKey("method")
        || !(message.containsKey("result") || message.containsKey("error"))) {
      return false;
    }
    Object answered = message.getValue("id");
    if (answered instanceof Number number && id instanceof Number expected) {
      return number.longValue() == expected.longValue();
    }
    return id.equals(answered);
  }
}
