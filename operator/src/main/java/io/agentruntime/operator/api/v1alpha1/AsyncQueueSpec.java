package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.governance.Durations;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The SQS queue of long-running dispatches: an existing queue given by {@code url}, or one the
 * operator creates with its dead-letter queue from {@code name} and {@code region}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.url) != has(self.name)",
    message = "exactly one of url (an existing queue) or name (a queue the operator creates)")
@ValidationRule(
    value = "!has(self.name) || (has(self.create) && self.create)",
    message =
        "name needs create: true (the operator creates the queue); give an existing queue's url")
@ValidationRule(
    value = "!has(self.create) || !self.create || has(self.name)",
    message = "create: true needs name: the queue to create")
@ValidationRule(
    value =
        "has(self.region) || (has(self.url) && self.url.matches(" + AsyncQueueSpec.AWS_URL + "))",
    message = "region is required unless url is an Amazon SQS URL naming its region")
@ValidationRule(
    value =
        "!has(self.visibilityTimeout) || (duration(self.visibilityTimeout) >= duration('1s')"
            + " && duration(self.visibilityTimeout) < duration('12h'))",
    message = "visibilityTimeout must be between 1s and 12h (SQS's bounds)")
public class AsyncQueueSpec {

  /** An Amazon SQS queue URL, its region in the host: {@code https://sqs.<region>.amazonaws...}. */
  public static final String AWS_URL =
      "'^https://sqs\\\\.[a-z0-9-]+\\\\.amazonaws\\\\.com(\\\\.cn)?/'";

  /** Longest queue name: SQS allows 80 characters, and the dead-letter queue adds {@code -dlq}. */
  public static final int MAX_NAME_LENGTH = 76;

  @Size(max = 512)
  @Pattern("^https?://[^\\s]+$")
  @JsonPropertyDescription(
      "URL of an existing SQS standard queue, e.g."
          + " https://sqs.us-east-1.amazonaws.com/123456789012/support-dispatches. Give it a"
          + " redrive policy to a dead-letter queue, or dispatches out of attempts are deleted.")
  private String url;

  @Size(min = 1, max = MAX_NAME_LENGTH)
  @Pattern("^[A-Za-z0-9_-]{1,76}$")
  @JsonPropertyDescription(
      "Name of the queue the operator creates (create: true), with its dead-letter queue"
          + " <name>-dlq. Letters, digits, _ and -; at most 76.")
  private String name;

  @Size(max = 32)
  @Pattern("^[a-z]{2}(-[a-z]+)+-[0-9]+$")
  @JsonPropertyDescription(
      "AWS region of the queue, e.g. us-east-1. Required with name; with an Amazon SQS url,"
          + " read from the url by default.")
  private String region;

  @JsonPropertyDescription(
      "Whether the operator creates the queue named by name, and its dead-letter queue, and"
          + " keeps their attributes (redrive policy, visibility timeout). Default false.")
  private Boolean create;

  @Pattern(Durations.PATTERN)
  @Size(max = Durations.MAX_LENGTH)
  @JsonPropertyDescription(
      "How long a received dispatch stays hidden from other workers; a worker renews it while the"
          + " dispatch runs, so a worker that dies leaves its dispatch to another after this long."
          + " Between 1s and 12h. Default 1m.")
  private String visibilityTimeout;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public Boolean getCreate() {
    return create;
  }

  public void setCreate(Boolean create) {
    this.create = create;
  }

  public String getVisibilityTimeout() {
    return visibilityTimeout;
  }

  public void setVisibilityTimeout(String visibilityTimeout) {
    this.visibilityTimeout = visibilityTimeout;
  }
}
