package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.governance.Durations;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An intent callers may dispatch and the backend that serves it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IntentSpec {

  @Required
  @Size(min = 1, max = 64)
  @Pattern("^[A-Za-z0-9_.-]{1,64}$")
  @JsonPropertyDescription(
      "Name callers dispatch, also the Cedar action (Action::\"<name>\"). "
          + "Letters, digits, _ . - ; at most 64.")
  private String name;

  @Required
  @JsonPropertyDescription("Where the intent is served: exactly one of url, inference or echo.")
  private IntentBackend backend;

  @Pattern(Durations.PATTERN)
  @Size(max = Durations.MAX_LENGTH)
  @JsonPropertyDescription(
      "Backend call timeout, e.g. 2s or 30s; past it the caller gets 504. Default 30s.")
  private String timeout;

  @Pattern(Durations.PATTERN)
  @Size(max = Durations.MAX_LENGTH)
  @JsonPropertyDescription(
      "Longest wait for the backend's first piece of a streamed answer; past it the caller gets"
          + " 504 and nothing was streamed. Default 15s.")
  private String firstByteTimeout;

  @Pattern(Durations.PATTERN)
  @Size(max = Durations.MAX_LENGTH)
  @JsonPropertyDescription(
      "Longest silence between two pieces of a streamed answer (a slow reader's pauses not"
          + " counted); past it the stream ends with an error event. Default 15s.")
  private String idleTimeout;

  @JsonPropertyDescription(
      "How the intent runs when dispatched with Prefer: respond-async: attempt timeout, attempts,"
          + " result retention. Takes effect with spec.async.")
  private IntentAsyncSpec async;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public IntentBackend getBackend() {
    return backend;
  }

  public void setBackend(IntentBackend backend) {
    this.backend = backend;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  public String getFirstByteTimeout() {
    return firstByteTimeout;
  }

  public void setFirstByteTimeout(String firstByteTimeout) {
    this.firstByteTimeout = firstByteTimeout;
  }

  public String getIdleTimeout() {
    return idleTimeout;
  }

  public void setIdleTimeout(String idleTimeout) {
    this.idleTimeout = idleTimeout;
  }

  public IntentAsyncSpec getAsync() {
    return async;
  }

  public void setAsync(IntentAsyncSpec async) {
    this.async = async;
  }
}
