package io.agentruntime.runtime.backend;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The tokens one backend call consumed, as the backend reported them.
 *
 * @param promptTokens tokens of the input
 * @param completionTokens tokens of the answer
 */
public record TokenUsage(long promptTokens, long completionTokens) {

  public TokenUsage {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
  }

  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  /**
   * The usage in OpenAI's shape, {@code {"prompt_tokens", "completion_tokens"}}; empty when {@code
   * usage} is not an object with both as non-negative whole numbers.
   */
  static Optional<TokenUsage> fromOpenAi(Object usage) {
    if (!(usage instanceof JsonObject object)
        || !(object.getValue("prompt_tokens") instanceof Number prompt)
        || !(object.getValue("completion_tokens") instanceof Number completion)
        || prompt.longValue() < 0
        || completion.longValue() < 0) {
      return Optional.empty();
    }
    return Optional.of(new TokenUsage(prompt.longValue(), completion.longValue()));
  }
}
