package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.contract.config.McpServerHeaders;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A header the runtime sends with every request to an upstream MCP server, shaped like a
 * container's environment variable: its value written here, or taken from a Secret's key, which the
 * kubelet mounts into the runtime's container (the value never enters the ConfigMap).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.value) != has(self.valueFrom)",
    message = "exactly one of value or valueFrom must be set")
public class McpHeaderSpec {

  @Required
  @Size(min = 1, max = McpServerHeaders.MAX_NAME_LENGTH)
  @Pattern(McpServerHeaders.NAME_PATTERN)
  @ValidationRule(
      value = "!(self.lowerAscii() in [" + McpServerHeaders.RESERVED + "])",
      message =
          "must not be a header the gateway sets itself or a hop-by-hop one: "
              + McpServerHeaders.RESERVED)
  @JsonPropertyDescription(
      "Name of the header, an HTTP token, e.g. Authorization; unique in its server, whatever"
          + " its case. Not a header the gateway sets itself nor a hop-by-hop one: "
          + McpServerHeaders.RESERVED
          + ".")
  private String name;

  @Size(min = 1, max = McpServerHeaders.MAX_VALUE_LENGTH)
  @Pattern(McpServerHeaders.VALUE_PATTERN)
  @JsonPropertyDescription(
      "The header's value, written into the runtime's ConfigMap: only for values that are no"
          + " secret, e.g. a tenant name. For credentials use valueFrom. Exactly one of value and"
          + " valueFrom.")
  private String value;

  @JsonPropertyDescription(
      "Where the header's value comes from: a key of a Secret in the AgentRuntime's namespace,"
          + " mounted read-only into the runtime's container and read again when the Secret"
          + " changes. Exactly one of value and valueFrom.")
  private McpHeaderSource valueFrom;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public McpHeaderSource getValueFrom() {
    return valueFrom;
  }

  public void setValueFrom(McpHeaderSource valueFrom) {
    this.valueFrom = valueFrom;
  }
}
