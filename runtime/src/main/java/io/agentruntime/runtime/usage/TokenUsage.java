package io.agentruntime.runtime.usage;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The tokens one call consumed, as its backend reported them.
 *
 * @param promptTokens tokens of the prompt
 * @param completionTokens tokens generated
 * @param totalTokens both together
 */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {

  public TokenUsage {
    if (promptTokens < 0 || completionTokens < 0 || totalTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
  }

  /** {@code prompt} and {@code completion} tokens, {@code totalTokens} their sum. */
  public static TokenUsage of(long prompt, long completion) {
    return new TokenUsage(prompt, completion, prompt + completion);
  }

  /**
   * The usage of a backend's whole answer, its {@code usage} member in OpenAI's form (as an {@code
   * openai} backend's result carries it); empty when it has none.
   */
  public static Optional<TokenUsage> ofResult(JsonObject result) {
    return result == null ? Optional.empty() : fromOpenAi(result.getValue("usage"));
  }

  /**
   * The usage of an OpenAI {@code usage} object ({@code prompt_tokens}, {@code completion_tokens},
   * {@code total_tokens}); empty when {@code usage} is not such an object.
   */
  public static Optional<TokenUsage> fromOpenAi(Object usage) {
    return read(usage, "prompt_tokens", "completion_tokens", "total_tokens");
  }

  /**
   * The usage of the runtime's own form ({@code promptTokens}, {@code completionTokens}, {@code
   * totalTokens}), as an {@code http} backend reports it; empty when it is not such an object.
   */
  public static Optional<TokenUsage> fromRuntime(Object usage) {
    return read(usage, "promptTokens", "completionTokens", "totalTokens");
  }

  /** A missing total is the sum of the other two; negative counts are no usage. */
  private static Optional<TokenUsage> read(
      Object usage, String promptKey, String completionKey, String totalKey) {
    if (!(usage instanceof JsonObject object)
        || !(object.getValue(promptKey) instanceof Number prompt)
        || !(object.getValue(completionKey) instanceof Number completion)
        || prompt.longValue() < 0
        || completion.longValue() < 0) {
      return Optional.empty();
    }
    long total =
        object.getValue(totalKey) instanceof Number given && given.longValue() >= 0
            ? given.longValue()
            : prompt.longValue() + completion.longValue();
    return Optional.of(new TokenUsage(prompt.longValue(), completion.longValue(), total));
  }

  /** {@code {"promptTokens", "completionTokens", "totalTokens"}}: the runtime's API. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("promptTokens", promptTokens)
        .put("completionTokens", completionTokens)
        .put("totalTokens", totalTokens);
  }

  /** {@code {"prompt_tokens", "completion_tokens", "total_tokens"}}: the OpenAI face. */
  public JsonObject toOpenAi() {
    return new JsonObject()
        .put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens)
        .put("total_tokens", totalTokens);
  }
}
