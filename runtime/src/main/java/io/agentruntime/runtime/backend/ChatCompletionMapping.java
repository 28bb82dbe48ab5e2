package io.agentruntime.runtime.backend;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.OptionalInt;

/**
 * Translates a dispatch input into an OpenAI chat completion request and the completion back into
 * the dispatch result {@code {"model", "content", "finishReason", "usage"}}.
 */
final class ChatCompletionMapping {

  /** Generation settings passed through unchanged when the input has them. */
  private static final List<String> PASSED_THROUGH = List.of("max_tokens", "temperature");

  /** Members of a chat completion request the runtime sets itself. */
  private static final List<String> RUNTIME_MEMBERS = List.of("model", "stream", "stream_options");

  private final String model;
  private final OptionalInt maxTokens;

  /**
   * @param maxTokens sent as {@code max_tokens} when the input names none: the completion bound a
   *     budget reserves
   */
  ChatCompletionMapping(String model, OptionalInt maxTokens) {
    this.model = model;
    this.maxTokens = maxTokens;
  }

  /**
   * The request body. An input with {@code messages} is a chat completion request: every member is
   * passed through (an OpenAI client's {@code tools}, {@code top_p}, ... reach the model server),
   * but {@code model} and the streaming members, which the runtime sets. Otherwise one user message
   * with {@code input.prompt} (or the input as JSON text), with {@code max_tokens} and {@code
   * temperature} when given.
   *
   * @throws BackendException when {@code input.messages} is present but not an array
   */
  JsonObject request(JsonObject input) {
    JsonObject request = new JsonObject().put("model", model).put("messages", messages(input));
    if (input.containsKey("messages")) {
      input.forEach(
          member -> {
            if (!RUNTIME_MEMBERS.contains(member.getKey())) {
              request.put(member.getKey(), member.getValue());
            }
          });
      return request;
    }
    for (String setting : PASSED_THROUGH) {
      if (input.containsKey(setting)) {
        request.put(setting, input.getValue(setting));
      }
    }
    if (maxTokens.isPresent() && !input.containsKey("max_tokens")) {
      request.put("max_tokens", maxTokens.getAsInt());
    }
    return request;
  }

  private static JsonArray messages(JsonObject input) {
    if (input.containsKey("messages")) {
      if (input.getValue("messages") instanceof JsonArray messages) {
        return messages;
      }
      throw new BackendException("input.messages must be an array of chat messages");
    }
    String content = input.getValue("prompt") instanceof String prompt ? prompt : input.encode();
    return new JsonArray().add(new JsonObject().put("role", "user").put("content", content));
  }

  /**
   * The dispatch result made of the first choice of {@code completion}.
   *
   * @throws BackendException when the completion has no {@code choices[0].message}
   */
  JsonObject result(BackendFailures failures, JsonObject completion) {
    JsonObject choice = firstChoice(completion);
    JsonObject message = choice == null ? null : objectOrNull(choice.getValue("message"));
    if (message == null) {
      throw failures.incomplete("a completion without choices[0].message");
    }
    return new JsonObject()
        .put("model", completion.getValue("model", model))
        .put("content", message.getValue("content"))
        .put("finishReason", choice.getValue("finish_reason"))
        .put("usage", completion.getValue("usage"));
  }

  private static JsonObject firstChoice(JsonObject completion) {
    if (completion.getValue("choices") instanceof JsonArray choices && !choices.isEmpty()) {
      return objectOrNull(choices.getValue(0));
    }
    return null;
  }

  private static JsonObject objectOrNull(Object value) {
    return value instanceof JsonObject object ? object : null;
  }
}
