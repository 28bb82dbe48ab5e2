package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.governance.Durations;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** Mesh retries of requests to the runtime. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RetrySpec {

  @Min(0)
  @Max(10)
  @JsonPropertyDescription("Retries after the first attempt. Default 2.")
  private Integer attempts;

  @Size(max = Durations.MAX_LENGTH)
  @Pattern(Durations.PATTERN)
  @JsonPropertyDescription(
      "Timeout of each attempt. Default: the mesh's timeout. Keep it above every intent's"
          + " timeout: a request the mesh times out counts against the pod in outlier"
          + " detection, the runtime's own 504 does not.")
  private String perTryTimeout;

  @Size(max = 512)
  @JsonPropertyDescription(
      "Istio retry conditions. Default"
          + " connect-failure,refused-stream,unavailable,reset-before-request.")
  private String retryOn;

  public Integer getAttempts() {
    return attempts;
  }

  public void setAttempts(Integer attempts) {
    this.attempts = attempts;
  }

  public String getPerTryTimeout() {
    return perTryTimeout;
  }

  public void setPerTryTimeout(String perTryTimeout) {
    this.perTryTimeout = perTryTimeout;
  }

  public String getRetryOn() {
    return retryOn;
  }

  public void setRetryOn(String retryOn) {
    this.retryOn = retryOn;
  }
}
