package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.governance.Budget;
import io.agentruntime.governance.BudgetWindow;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.math.BigDecimal;

/**
 * How many US dollars the requests one policy permits may cost per window, priced from each
 * intent's {@code backend.inference.price}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PolicyCostBudgetSpec {

  /** Dollars as a decimal string: a quantity of money is never a float. */
  public static final String USD_PATTERN = "^[0-9]{1,7}(\\.[0-9]{1,6})?$";

  /** US dollars per window, e.g. {@code "50"} or {@code "12.50"}. */
  @Required
  @Size(max = 14)
  @Pattern(USD_PATTERN)
  @JsonPropertyDescription(
      "US dollars allowed per window, as a string with at most 6 decimals, e.g. \"50\" or"
          + " \"12.50\".")
  private String usd;

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
        Budget.Kind.COST,
        Budget.micros(new BigDecimal(usd)),
        BudgetWindow.parse(per),
        RateLimitKey.toGovernance(key));
  }

  public String getUsd() {
    return usd;
  }

  public void setUsd(String usd) {
    this.usd = usd;
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
