package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.governance.BudgetWindow;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** What every budget of a policy has: its window and who shares it. */
public abstract class PolicyBudgetWindowSpec {

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
