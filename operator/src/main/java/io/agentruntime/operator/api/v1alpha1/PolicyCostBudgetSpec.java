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
public class PolicyCostBudgetSpec extends PolicyBudgetWindowSpec {

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

  /**
   * The budget this describes, read the same way by the validator and the renderer.
   *
   * @throws IllegalArgumentException naming what is out of range
   */
  public Budget toBudget() {
    return new Budget(
        Budget.Kind.COST,
        Budget.micros(new BigDecimal(usd)),
        BudgetWindow.parse(getPer()),
        RateLimitKey.toGovernance(getKey()));
  }

  public String getUsd() {
    return usd;
  }

  public void setUsd(String usd) {
    this.usd = usd;
  }
}
