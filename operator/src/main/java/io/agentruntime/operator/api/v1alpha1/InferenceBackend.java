package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * Marks an intent served by the runtime's own inference pool ({@code inference: {}}); the model and
 * address come from {@code spec.inference}. Optionally bounds and prices its completions for token
 * and cost budgets.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InferenceBackend {

  /** Sent as {@code max_tokens} when the input names none; what budgets reserve for the answer. */
  @Min(1)
  @Max(Integer.MAX_VALUE)
  @JsonPropertyDescription(
      "Completion tokens per call when the input names no max_tokens: sent to the model, and"
          + " reserved by token and cost budgets. Default: no bound.")
  private Integer maxTokens;

  /** What the model's tokens cost, for cost budgets. */
  @JsonPropertyDescription(
      "US dollars per million prompt and completion tokens, for cost budgets. Default: not"
          + " priced (cost budgets do not count this intent).")
  private TokenPriceSpec price;

  public Integer getMaxTokens() {
    return maxTokens;
  }

  public void setMaxTokens(Integer maxTokens) {
    this.maxTokens = maxTokens;
  }

  public TokenPriceSpec getPrice() {
    return price;
  }

  public void setPrice(TokenPriceSpec price) {
    this.price = price;
  }
}
