package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.governance.Budget;
import io.agentruntime.governance.BudgetWindow;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * How many tokens (prompt plus completion) the requests one policy permits may consume per window.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PolicyTokenBudgetSpec extends PolicyBudgetWindowSpec {

  /** Tokens per window. */
  @Required
  @Min(1)
  @Max(Budget.MAX_CAP)
  @JsonPropertyDescription("Tokens (prompt plus completion) allowed per window.")
  private Long tokens;

  /**
   * The budget this describes, read the same way by the validator and the renderer.
   *
   * @throws IllegalArgumentException naming what is out of range
   */
  public Budget toBudget() {
    return new Budget(
        Budget.Kind.TOKENS,
        tokens,
        BudgetWindow.parse(getPer()),
        RateLimitKey.toGovernance(getKey()));
  }

  public Long getTokens() {
    return tokens;
  }

  public void setTokens(Long tokens) {
    this.tokens = tokens;
  }
}
