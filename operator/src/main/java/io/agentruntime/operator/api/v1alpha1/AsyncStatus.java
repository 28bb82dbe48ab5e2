package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** The queue of long-running dispatches the operator created ({@code spec.async.queue.create}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AsyncStatus {

  @Size(max = 512)
  @JsonPropertyDescription("URL of the queue the operator created; the workers poll it.")
  private String queueUrl;

  @Size(max = 512)
  @JsonPropertyDescription("URL of its dead-letter queue, where dispatches out of attempts go.")
  private String deadLetterQueueUrl;

  public String getQueueUrl() {
    return queueUrl;
  }

  public void setQueueUrl(String queueUrl) {
    this.queueUrl = queueUrl;
  }

  public String getDeadLetterQueueUrl() {
    return deadLetterQueueUrl;
  }

  public void setDeadLetterQueueUrl(String deadLetterQueueUrl) {
    this.deadLetterQueueUrl = deadLetterQueueUrl;
  }
}
