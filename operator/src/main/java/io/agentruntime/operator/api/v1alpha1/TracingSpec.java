package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** OpenTelemetry tracing of the runtime's requests, exported over OTLP/HTTP. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TracingSpec {

  @Required
  @Size(max = 2048)
  @Pattern("^https?://[^\\s/]+(/\\S*)?$")
  @JsonPropertyDescription(
      "OTLP/HTTP base URL of the collector, e.g. http://otel-collector.observability:4318; spans"
          + " are posted to <endpoint>/v1/traces.")
  private String endpoint;

  @Min(0)
  @Max(1)
  @JsonPropertyDescription(
      "Share of new traces kept, 0 to 1; a request carrying a traceparent follows its caller's"
          + " sampling decision. Default 1.")
  private Double samplingRatio;

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public Double getSamplingRatio() {
    return samplingRatio;
  }

  public void setSamplingRatio(Double samplingRatio) {
    this.samplingRatio = samplingRatio;
  }
}
