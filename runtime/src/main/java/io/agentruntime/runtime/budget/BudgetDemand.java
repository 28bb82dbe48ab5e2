package io.agentruntime.runtime.budget;

import io.agentruntime.contract.config.BackendConfig;
import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.governance.Budget;
import io.agentruntime.runtime.usage.TokenUsage;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The most one request may consume: what its reservation holds.
 *
 * <p>The prompt is estimated as the UTF-8 size of the input in bytes: a byte-level tokenizer never
 * makes more tokens than bytes, and the JSON punctuation counted with them covers the few tokens a
 * chat template adds per message. The completion is bounded by the input's {@code max_tokens}, else
 * the intent's {@code backend.maxTokens}, else it is not bounded and counts as zero here (a budget
 * then holds only as well as the backend's own limit; docs/configuration.md says so).
 *
 * @param worstCase prompt and completion tokens at most
 * @param price what the intent's tokens cost, if priced
 */
public record BudgetDemand(TokenUsage worstCase, Optional<BackendConfig.Price> price) {

  /**
   * An MCP tool call: one unit in a token budget, whatever the tool does, and no price, so cost
   * budgets do not count it (docs/policies.md).
   */
  public static final BudgetDemand TOOL_CALL =
      new BudgetDemand(TokenUsage.of(0, 1), Optional.empty());

  /** The demand of {@code input} sent to {@code intent}. */
  public static BudgetDemand of(IntentConfig intent, JsonObject input) {
    long prompt = input.toBuffer().length();
    long completion =
        input.getValue("max_tokens") instanceof Number max && max.longValue() >= 0
            ? max.longValue()
            : intent.backend().maxTokens().orElse(0);
    return new BudgetDemand(TokenUsage.of(prompt, completion), intent.backend().price());
  }

  /** What {@code usage} amounts to in a budget of {@code kind}; empty for cost when unpriced. */
  public Optional<Long> amount(Budget.Kind kind, TokenUsage usage) {
    return switch (kind) {
      case TOKENS -> Optional.of(usage.totalTokens());
      case COST -> price.map(p -> p.micros(usage.promptTokens(), usage.completionTokens()));
    };
  }
}
