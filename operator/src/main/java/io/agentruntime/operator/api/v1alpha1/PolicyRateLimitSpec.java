package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.governance.Durations;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A token bucket on the requests one policy permits: {@code requests} per {@code per}, refilled
 * continuously.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PolicyRateLimitSpec {

  /** The bucket's capacity and the tokens added per {@code per}. */
  @Required
  @Min(1)
  @JsonPropertyDescription("Requests allowed per period (the bucket's capacity).")
  private Integer requests;

  @Size(max = Durations.MAX_LENGTH)
  /** The refill period, between 1s and 24h. */
  @Required
  @Pattern(Durations.PATTERN)
  @JsonPropertyDescription("The period, between 1s and 24h, e.g. 1m.")
  private String per;

  /** Who shares a bucket. */
  @JsonPropertyDescription(
      "principal: one bucket per caller; runtime: one bucket for every caller of the runtime."
          + " Default principal.")
  private RateLimitKey key;

  public Integer getRequests() {
    return requests;
  }

  public void setRequests(Integer requests) {
    this.requests = requests;
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
