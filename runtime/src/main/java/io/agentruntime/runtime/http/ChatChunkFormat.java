package io.agentruntime.runtime.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A streamed chat completion as OpenAI writes it: one {@code chat.completion.chunk} per delta, a
 * last chunk with the finish reason, the usage chunk when {@code stream_options.include_usage}
 * asked for it, then {@code data: [DONE]}. A failure after the first chunk is one {@code data:
 * {"error": ...}} line; the stream then ends without {@code [DONE]}.
 */
final class ChatChunkFormat implements StreamFormat {

  private static final Buffer DONE = StreamFormat.event(null, Buffer.buffer("[DONE]"));

  private final String id;
  private final String model;
  private final long created;
  private final boolean includeUsage;

  /**
   * @param requestId the runtime's id, which the completion's {@code id} is made of
   */
  ChatChunkFormat(String requestId, String model, boolean includeUsage) {
    this.id = "chatcmpl-" + requestId;
    this.model = model;
    this.created = System.currentTimeMillis() / 1000;
    this.includeUsage = includeUsage;
  }

  @Override
  public Buffer opening() {
    return Buffer.buffer();
  }

  @Override
  public Buffer piece(JsonObject delta) {
    return chunk(choice(delta, null));
  }

  @Override
  public Buffer done(StreamSummary summary) {
    String reason = summary.finishReason() == null ? "stop" : summary.finishReason();
    Buffer end = chunk(choice(new JsonObject(), reason));
    if (includeUsage) {
      JsonObject usage = summary.usage().map(u -> u.toOpenAi()).orElse(null);
      end.appendBuffer(
          StreamFormat.event(
              null, base().put("choices", new JsonArray()).put("usage", usage).toBuffer()));
    }
    return end.appendBuffer(DONE);
  }

  @Override
  public Buffer error(HttpReply reply) {
    return StreamFormat.event(null, OpenAiErrors.body(reply));
  }

  @Override
  public HttpReply problem(HttpReply reply) {
    return OpenAiErrors.of(reply);
  }

  private Buffer chunk(JsonObject choice) {
    return StreamFormat.event(null, base().put("choices", new JsonArray().add(choice)).toBuffer());
  }

  private static JsonObject choice(JsonObject delta, String finishReason) {
    return new JsonObject()
        .put("index", 0)
        .put("delta", delta)
        .put("logprobs", null)
        .put("finish_reason", finishReason);
  }

  private JsonObject base() {
    return new JsonObject()
        .put("id", id)
        .put("object", "chat.completion.chunk")
        .put("created", created)
        .put("model", model);
  }
}
