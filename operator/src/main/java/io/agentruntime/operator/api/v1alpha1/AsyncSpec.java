package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * Long-running dispatches ({@code Prefer: respond-async}): the SQS queue they wait in and the
 * workers that run them, a Deployment of the runtime's image in its worker role scaled on the
 * queue's depth (KEDA) or on CPU (without KEDA).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AsyncSpec {

  @Required
  @JsonPropertyDescription(
      "The SQS standard queue: an existing one by url, or one the operator creates by name"
          + " (create: true).")
  private AsyncQueueSpec queue;

  @JsonPropertyDescription(
      "How many workers run, and how many dispatches each takes at once. Defaults: min 0, max 20,"
          + " messagesPerWorker 5.")
  private AsyncWorkersSpec workers;

  @JsonPropertyDescription(
      "Compute resources of the worker container. Default: the runtime container's defaults.")
  private RuntimeResources resources;

  public AsyncQueueSpec getQueue() {
    return queue;
  }

  public void setQueue(AsyncQueueSpec queue) {
    this.queue = queue;
  }

  public AsyncWorkersSpec getWorkers() {
    return workers;
  }

  public void setWorkers(AsyncWorkersSpec workers) {
    this.workers = workers;
  }

  public RuntimeResources getResources() {
    return resources;
  }

  public void setResources(RuntimeResources resources) {
    this.resources = resources;
  }
}
