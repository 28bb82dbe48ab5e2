package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** What a model's tokens cost, in US dollars per million tokens, as decimal strings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TokenPriceSpec {

  /** A non-negative decimal with at most 9 digits each side of the point: never a float. */
  public static final String PATTERN = "^[0-9]{1,9}(\\.[0-9]{1,9})?$";

  /** Dollars per million prompt tokens. */
  @Required
  @Size(max = 19)
  @Pattern(PATTERN)
  @JsonPropertyDescription("US dollars per million prompt (input) tokens, e.g. \"0.15\".")
  private String promptPerMillion;

  /** Dollars per million completion tokens. */
  @Required
  @Size(max = 19)
  @Pattern(PATTERN)
  @JsonPropertyDescription("US dollars per million completion (output) tokens, e.g. \"0.60\".")
  private String completionPerMillion;

  public String getPromptPerMillion() {
    return promptPerMillion;
  }

  public void setPromptPerMillion(String promptPerMillion) {
    this.promptPerMillion = promptPerMillion;
  }

  public String getCompletionPerMillion() {
    return completionPerMillion;
  }

  public void setCompletionPerMillion(String completionPerMillion) {
    this.completionPerMillion = completionPerMillion;
  }
}
