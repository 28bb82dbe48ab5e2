package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * How many workers run long-running dispatches. With KEDA they follow the queue's depth, down to
 * zero; without it a HorizontalPodAutoscaler on CPU keeps at least one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.min) || !has(self.max) || self.min <= self.max",
    message = "min must not exceed max")
@ValidationRule(
    value = "!has(self.min) || has(self.max) || self.min <= 20",
    message = "min must not exceed max (default 20)")
public class AsyncWorkersSpec {

  @Min(0)
  @Max(1000)
  @JsonPropertyDescription(
      "Fewest workers. 0 scales them to zero while the queue is empty; that needs KEDA, without"
          + " it one worker stays. Default 0.")
  private Integer min;

  @Min(1)
  @Max(1000)
  @JsonPropertyDescription("Most workers. Default 20.")
  private Integer max;

  @Min(1)
  @Max(1000)
  @JsonPropertyDescription(
      "Dispatches one worker runs at once, and the queue length per worker KEDA aims for"
          + " (messages waiting and in flight). Default 5.")
  private Integer messagesPerWorker;

  public Integer getMin() {
    return min;
  }

  public void setMin(Integer min) {
    this.min = min;
  }

  public Integer getMax() {
    return max;
  }

  public void setMax(Integer max) {
    this.max = max;
  }

  public Integer getMessagesPerWorker() {
    return messagesPerWorker;
  }

  public void setMessagesPerWorker(Integer messagesPerWorker) {
    this.messagesPerWorker = messagesPerWorker;
  }
}
