package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/**
 * The Prometheus pods the model servers' NetworkPolicy admits besides the runtime, to scrape the
 * queue depth the autoscaler scales on ({@code vllm:num_requests_waiting}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricsScraperSpec {

  @Size(max = 63)
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonPropertyDescription("Namespace of the Prometheus pods. Default monitoring.")
  private String namespace;

  @Size(max = 8)
  @JsonPropertyDescription(
      "Labels selecting the Prometheus pods in that namespace. Default"
          + " {app.kubernetes.io/name: prometheus}, the label prometheus-operator gives them.")
  private Map<String, @Size(max = 63) String> podLabels;

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public Map<String, String> getPodLabels() {
    return podLabels;
  }

  public void setPodLabels(Map<String, String> podLabels) {
    this.podLabels = podLabels;
  }
}
