package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The backend of an intent: exactly one of {@code url}, {@code inference} or {@code echo}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "(has(self.url) ? 1 : 0) + (has(self.inference) ? 1 : 0) + (has(self.echo) ? 1 : 0)"
            + " == 1",
    message = "exactly one of url, inference or echo must be set")
public class IntentBackend {

  @Pattern("^https?://.+")
  @Size(max = 2048)
  @JsonPropertyDescription(
      "An HTTP tool service: the dispatch body is POSTed to this absolute http(s) URL.")
  private String url;

  @JsonPropertyDescription(
      "The runtime's own inference pool (spec.inference), called as an "
          + "OpenAI-compatible server.")
  private InferenceBackend inference;

  @JsonPropertyDescription(
      "A built-in backend that answers with the input and the decision; for testing.")
  private EchoBackend echo;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public InferenceBackend getInference() {
    return inference;
  }

  public void setInference(InferenceBackend inference) {
    this.inference = inference;
  }

  public EchoBackend getEcho() {
    return echo;
  }

  public void setEcho(EchoBackend echo) {
    this.echo = echo;
  }
}
