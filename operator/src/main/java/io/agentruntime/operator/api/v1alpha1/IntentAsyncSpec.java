package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.contract.config.AsyncIntentConfig;
import io.agentruntime.governance.Durations;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** How an intent runs when dispatched with {@code Prefer: respond-async} (needs spec.async). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IntentAsyncSpec {

  @Pattern(Durations.PATTERN)
  @Size(max = Durations.MAX_LENGTH)
  @JsonPropertyDescription("How long one attempt may run, e.g. 2h. Default 1h.")
  private String timeout;

  @Min(1)
  @Max(AsyncIntentConfig.MAX_ATTEMPTS)
  @JsonPropertyDescription(
      "Attempts a dispatch gets before it fails with its last problem; the operator's queue moves"
          + " a message to its dead-letter queue after as many receives. Default 3.")
  private Integer maxAttempts;

  @Pattern(Durations.PATTERN)
  @Size(max = Durations.MAX_LENGTH)
  @JsonPropertyDescription(
      "How long a finished dispatch stays readable; one still queued this long expires unrun."
          + " Default 24h.")
  private String resultTtl;

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  public Integer getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(Integer maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public String getResultTtl() {
    return resultTtl;
  }

  public void setResultTtl(String resultTtl) {
    this.resultTtl = resultTtl;
  }
}
