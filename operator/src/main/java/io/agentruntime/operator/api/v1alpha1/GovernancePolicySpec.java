package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The desired state of a {@link GovernancePolicy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GovernancePolicySpec {

  /**
   * Longest Cedar text, in characters: at most 256 KiB of UTF-8, which leaves room in a DynamoDB
   * item (400 KB) for the rest of the policy's attributes.
   */
  public static final int MAX_CEDAR_LENGTH = 65536;

  /** The AgentRuntime (same namespace) whose policy set this policy joins. */
  @Required
  @Size(min = 1, max = 63)
  @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
  @PrinterColumn(name = "Runtime")
  @JsonPropertyDescription(
      "Name of the AgentRuntime in this namespace whose policy set this policy joins.")
  private String runtime;

  /** Whether the policy's decisions count or are only logged. */
  @PrinterColumn(name = "Mode")
  @JsonPropertyDescription(
      "Enforce: the policy takes part in decisions. Audit: it is evaluated and logged but never"
          + " changes the outcome. Default Enforce.")
  private GovernanceMode mode;

  /** The Cedar source of exactly one policy. */
  @Required
  @Size(min = 1, max = GovernancePolicySpec.MAX_CEDAR_LENGTH)
  @JsonPropertyDescription(
      "The Cedar source of exactly one policy, e.g. permit(principal, action =="
          + " Action::\"call_reasoning\", resource) when { context.tier == \"paid\" };")
  private String cedar;

  /** How many of the requests this policy permits may pass; unlimited when absent. */
  @JsonPropertyDescription(
      "How many of the requests this policy permits may pass. Default: no limit.")
  private PolicyRateLimitSpec rateLimit;

  /** How many tokens the requests this policy permits may consume per window; none when absent. */
  @JsonPropertyDescription(
      "How many tokens the requests this policy permits may consume per window, reserved before"
          + " each backend call. Default: no budget.")
  private PolicyTokenBudgetSpec tokenBudget;

  /** How many dollars the requests this policy permits may cost per window; none when absent. */
  @JsonPropertyDescription(
      "How many US dollars the requests this policy permits may cost per window, priced from each"
          + " intent's price and reserved before each backend call. Default: no budget.")
  private PolicyCostBudgetSpec costBudget;

  public String getRuntime() {
    return runtime;
  }

  public void setRuntime(String runtime) {
    this.runtime = runtime;
  }

  public GovernanceMode getMode() {
    return mode;
  }

  public void setMode(GovernanceMode mode) {
    this.mode = mode;
  }

  public String getCedar() {
    return cedar;
  }

  public void setCedar(String cedar) {
    this.cedar = cedar;
  }

  public PolicyRateLimitSpec getRateLimit() {
    return rateLimit;
  }

  public void setRateLimit(PolicyRateLimitSpec rateLimit) {
    this.rateLimit = rateLimit;
  }

  public PolicyTokenBudgetSpec getTokenBudget() {
    return tokenBudget;
  }

  public void setTokenBudget(PolicyTokenBudgetSpec tokenBudget) {
    this.tokenBudget = tokenBudget;
  }

  public PolicyCostBudgetSpec getCostBudget() {
    return costBudget;
  }

  public void setCostBudget(PolicyCostBudgetSpec costBudget) {
    this.costBudget = costBudget;
  }
}
