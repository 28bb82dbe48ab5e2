package io.agentruntime.runtime.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The events of a streamed {@code /dispatch}: {@code decision} first, then a {@code piece} per
 * piece of the backend, then {@code done} with {@code requestId}, {@code usage} and {@code
 * durationMs}, or {@code error} with the problem document.
 */
final class DispatchEventFormat implements StreamFormat {

  static final String DECISION = "decision";
  static final String PIECE = "piece";
  static final String DONE = "done";
  static final String ERROR = "error";

  private final String requestId;
  private final String intent;
  private final JsonObject decision;

  DispatchEventFormat(String requestId, String intent, JsonObject decision) {
    this.requestId = requestId;
    this.intent = intent;
    this.decision = decision;
  }

  @Override
  public Buffer opening() {
    return StreamFormat.event(
        DECISION,
        new JsonObject()
            .put("requestId", requestId)
            .put("intent", intent)
            .put("decision", decision)
            .toBuffer());
  }

  @Override
  public Buffer piece(JsonObject piece) {
    return StreamFormat.event(PIECE, piece.toBuffer());
  }

  @Override
  public Buffer done(StreamSummary summary) {
    JsonObject done = new JsonObject().put("requestId", requestId).put("intent", intent);
    summary.usage().ifPresent(usage -> done.put("usage", usage.toJson()));
    if (summary.finishReason() != null) {
      done.put("finishReason", summary.finishReason());
    }
    return StreamFormat.event(DONE, done.put("durationMs", summary.durationMs()).toBuffer());
  }

  @Override
  public Buffer error(HttpReply reply) {
    return StreamFormat.event(ERROR, reply.body());
  }

  @Override
  public HttpReply problem(HttpReply reply) {
    return reply;
  }
}
