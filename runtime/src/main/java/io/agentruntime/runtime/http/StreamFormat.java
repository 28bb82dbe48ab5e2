package io.agentruntime.runtime.http;

import io.agentruntime.runtime.usage.TokenUsage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * How one API writes a streamed answer as server-sent events: {@code /dispatch}'s own events
 * ({@link DispatchEventFormat}) or OpenAI's chunks. The relay decides when; the format says what.
 */
interface StreamFormat {

  /** What opens the stream, written with the backend's first piece (may be empty). */
  Buffer opening();

  /** One piece of the backend. */
  Buffer piece(JsonObject piece);

  /** What ends a completed stream. */
  Buffer done(StreamSummary summary);

  /** What ends a stream that failed after it started: {@code reply} is the problem answer. */
  Buffer error(HttpReply reply);

  /** The answer to a failure before anything was streamed, in this API's error format. */
  HttpReply problem(HttpReply reply);

  /**
   * What a completed stream reports at its end.
   *
   * @param usage the backend's reported usage
   * @param finishReason the model's finish reason, or null
   * @param durationMs from the request's arrival to the end
   */
  record StreamSummary(Optional<TokenUsage> usage, String finishReason, double durationMs) {}

  /** One server-sent event: {@code event: <name>} (when named) and one {@code data:} line. */
  static Buffer event(String name, Buffer data) {
    Buffer event = Buffer.buffer(data.length() + 32);
    if (name != null) {
      event.appendString("event: ").appendString(name).appendString("\n");
    }
    return event.appendString("data: ").appendBuffer(data).appendString("\n\n");
  }
}
