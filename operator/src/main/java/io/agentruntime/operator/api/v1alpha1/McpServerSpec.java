package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.governance.Durations;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An upstream MCP server the runtime serves, governed, at {@code /mcp/<name>}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class McpServerSpec {

  @Required
  @Size(min = 1, max = 63)
  @Pattern("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
  @JsonPropertyDescription(
      "Name of the server: callers reach it at /mcp/<name>, and its tools are the Cedar actions"
          + " Action::\"mcp:<name>/<tool>\". A DNS label.")
  private String name;

  @Required
  @Size(min = 1, max = 2048)
  @JsonPropertyDescription(
      "The upstream's Streamable HTTP endpoint, an absolute http:// or https:// URL, e.g."
          + " http://github-mcp.tools.svc.cluster.local:8080/mcp.")
  private String url;

  @Pattern(Durations.PATTERN)
  @Size(max = Durations.MAX_LENGTH)
  @JsonPropertyDescription(
      "How long the upstream may take to finish answering one request, a streamed answer"
          + " included, e.g. 30s; past it the caller gets a JSON-RPC error. Default 30s.")
  private String timeout;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }
}
