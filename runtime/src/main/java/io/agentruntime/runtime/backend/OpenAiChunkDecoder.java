package io.agentruntime.runtime.backend;

import io.agentruntime.runtime.usage.TokenUsage;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads an OpenAI chat completion stream: each {@code chat.completion.chunk}'s first choice's
 * {@code delta} is a piece (empty deltas are skipped), its {@code finish_reason} is kept, the chunk
 * with {@code usage} (asked for with {@code stream_options.include_usage}) gives the usage, and
 * {@code [DONE]} is the end marker, not a piece.
 */
final class OpenAiChunkDecoder implements PieceDecoder {

  static final String DONE = "[DONE]";

  private final BackendFailures failures;
  private final ChatCompletionMapping mapping;

  OpenAiChunkDecoder(BackendFailures failures, ChatCompletionMapping mapping) {
    this.failures = failures;
    this.mapping = mapping;
  }

  @Override
  public void event(String name, String data, Sink sink) {
    if (DONE.equals(data.strip())) {
      return;
    }
    JsonObject chunk;
    try {
      chunk = new JsonObject(data);
    } catch (DecodeException | ClassCastException e) {
      throw failures.incomplete("a stream event that is not a JSON chunk");
    }
    if (chunk.getValue("error") != null) {
      throw failures.incomplete("an error event in its stream");
    }
    TokenUsage.fromOpenAi(chunk.getValue("usage")).ifPresent(sink::usage);
    if (!(chunk.getValue("choices") instanceof JsonArray choices)
        || choices.isEmpty()
        || !(choices.getValue(0) instanceof JsonObject choice)) {
      return;
    }
    if (choice.getValue("delta") instanceof JsonObject delta && !delta.isEmpty()) {
      sink.accept(delta);
    }
    if (choice.getValue("finish_reason") instanceof String reason) {
      sink.finishReason(reason);
    }
  }

  @Override
  public void whole(JsonObject answer, Sink sink) {
    JsonObject result = mapping.result(failures, answer);
    sink.accept(
        new JsonObject().put("role", "assistant").put("content", result.getValue("content")));
    TokenUsage.fromOpenAi(answer.getValue("usage")).ifPresent(sink::usage);
    if (result.getValue("finishReason") instanceof String reason) {
      sink.finishReason(reason);
    }
  }
}
