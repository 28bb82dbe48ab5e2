package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.governance.Durations;
import io.agentruntime.operator.api.schema.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * An upstream MCP server the runtime serves, governed, at {@code /mcp/<name>}. Its headers are a
 * list keyed by name, like a container's environment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = SchemaMergePatch.class,
    input =
        "{\"properties\": {\"headers\": {\"x-kubernetes-list-type\": \"map\","
            + " \"x-kubernetes-list-map-keys\": [\"name\"]}}}")
public class McpServerSpec {

  /** Most headers of one server. */
  public static final int MAX_HEADERS = 16;

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

  @Size(max = MAX_HEADERS)
  @ValidationRule(
      value = "self.all(h, self.exists_one(o, o.name.lowerAscii() == h.name.lowerAscii()))",
      message = "header names must be unique, whatever their case")
  @JsonPropertyDescription(
      "Headers sent with every request to the upstream, e.g. its own credentials: {name:"
          + " Authorization, valueFrom: {secretKeyRef: {name: github-mcp, key: token}}}. The"
          + " caller's own credentials are never passed on. At most 16, keyed by name.")
  private List<McpHeaderSpec> headers;

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

  public List<McpHeaderSpec> getHeaders() {
    return headers;
  }

  public void setHeaders(List<McpHeaderSpec> headers) {
    this.headers = headers;
  }
}
