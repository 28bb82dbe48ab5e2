package io.agentruntime.runtime.backend;

import io.agentruntime.runtime.usage.TokenUsage;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Reads the events of an {@code http} backend that answers {@code text/event-stream}: an event
 * named {@value #USAGE} carries the usage ({@code promptTokens}, {@code completionTokens}, {@code
 * totalTokens}); every other event is a piece, its data as the JSON object it is, or as {@code
 * {"text": data}} when it is not one. A backend answering JSON instead streams that one object.
 */
final class HttpEventDecoder implements PieceDecoder {

  static final String USAGE = "usage";

  @Override
  public void event(String name, String data, Sink sink) {
    JsonObject object = objectOrNull(data);
    if (USAGE.equals(name)) {
      TokenUsage.fromRuntime(object).ifPresent(sink::usage);
      return;
    }
    sink.accept(object != null ? object : new JsonObject().put("text", data));
  }

  @Override
  public void whole(JsonObject answer, Sink sink) {
    sink.accept(answer);
  }

  private static JsonObject objectOrNull(String data) {
    String trimmed = data.strip();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return new JsonObject(trimmed);
    } catch (DecodeException e) {
      return null;
    }
  }
}
