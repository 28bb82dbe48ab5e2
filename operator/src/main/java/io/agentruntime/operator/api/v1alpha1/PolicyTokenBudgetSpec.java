package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.governance.Budget;
import io.agentruntime.governance.BudgetWindow;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * How many tokens (prompt plus completion) the requests one policy permits may consume per window.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PolicyTokenBudgetSpec {

  /** Tokens per window. */
  @Required
  @Min(1)
  @Max(Budget.MAX_CAP)
  @JsonPropertyDescription("Tokens (prompt plus completion) allowed per window.")
  private Long tokens;

  /** The window: 1m to 31d, or 1mo (the UTC calendar month). */
  @Required
  @Size(max = 6)
  @Pattern(BudgetWindow.PATTERN)
  @JsonPropertyDescription(
      "The window, aligned in UTC: 1m to 31d (1d resets at midnight UTC), or 1mo (resets at the"
          + " start of the UTC month).")
  private String per;

  /** Who shares a budget. */
  @JsonPropertyDescription(
      "principal: one budget per caller; runtime: one budget for every caller of the runtime."
          + " Default principal.")
  private RateLimitKey key;

  /**
   * The budget this describes, read the same way by the validator and the renderer.
   *
   * @throws IllegalArgumentException naming what is out of range
   */
  public Budget toBudget() {
    return new Budget(
        Budget.Kind.TOKENS, tokens, BudgetWindow.parse(per), RateLimitKey.toGovernance(key));
  }

  public Long getTokens() {
    return tokens;
  }

  public void setTokens(Long tokens) {
    this.tokens = tokens;
  }

  public String getPer() {
    return per;
  }

  public void setPer(String per) {
    this.per = per;
  }

  public RateLimitKey getKey() {
    return key;
  }

  public void setKey(RateLimitKey key) {
    this.key = key;
  }
}
